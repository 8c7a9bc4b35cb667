/// Writing CSV that spreadsheets open safely: quotes where needed, and cells that a spreadsheet
/// would run as a formula (starting with = + - @, or a tab or carriage return) neutralised
/// with a leading apostrophe.
public enum CSVFormat {
    public static func row(_ fields: [String], separator: Character = ",") -> String {
        fields.map { field(neutralised($0), separator: separator) }.joined(separator: String(separator)) + "\r\n"
    }

    public static func neutralised(_ value: String) -> String {
        guard let first = value.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return value }
        return "'" + value
    }

    static func field(_ value: String, separator: Character) -> String {
        guard value.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

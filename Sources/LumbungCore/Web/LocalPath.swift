import Foundation

/// Where a `next` or return parameter may send someone: only a path on this site.
///
/// Browsers drop tabs and line breaks anywhere in a URL, trim spaces and control characters
/// at its ends, and read a backslash as a slash, so `/<TAB>/evil.example` and `/\evil.example`
/// both mean `//evil.example`, another site. The value is therefore cleaned the way a browser
/// would clean it and then parsed; it is accepted only as a path: no scheme, no host, no
/// leading `//` or `/\`, no backslash at all, also once percent-decoded.
public enum LocalPath {
    public static let maximumLength = 2000

    /// The path to go to, or `fallback` when `value` is missing or could leave the site.
    public static func safe(_ value: String?, fallback: String = "/") -> String {
        guard let value, let path = validated(value) else { return fallback }
        return path
    }

    /// The cleaned path, or nil when it is not a local path.
    public static func validated(_ value: String) -> String? {
        let cleaned = String(String.UnicodeScalarView(value.unicodeScalars.filter { !isInvisible($0) }))
        guard !cleaned.isEmpty, cleaned.utf8.count <= maximumLength else { return nil }
        guard looksLocal(cleaned) else { return nil }
        // `/%2F%2Fevil.example` is harmless to a browser, but a proxy or a later decoding step
        // might turn it into `//evil.example`: refuse what would be unsafe once decoded.
        if let decoded = cleaned.removingPercentEncoding {
            let decodedClean = String(String.UnicodeScalarView(decoded.unicodeScalars.filter { !isInvisible($0) }))
            guard looksLocal(decodedClean) else { return nil }
        }
        guard let components = URLComponents(string: cleaned), components.scheme == nil, components.host == nil,
              components.percentEncodedPath.hasPrefix("/") else { return nil }
        return cleaned
    }

    private static func looksLocal(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars.prefix(2))
        guard scalars.first == "/" else { return false }
        if scalars.count > 1 && (scalars[1] == "/" || scalars[1] == "\\") { return false }
        return !path.contains("\\")
    }

    /// Control characters and every kind of space: a browser drops or trims them, so they must
    /// not hide a second slash.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.properties.isWhitespace
            || scalar.properties.generalCategory == .format
    }
}

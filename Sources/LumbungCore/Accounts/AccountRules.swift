/// Rules for accounts that do not need a database.
public enum AccountRules {
    public static let minimumPasswordLength = 10
    public static let maximumPasswordLength = 72 // bcrypt reads no further

    /// Problems with a new password, as catalogue messages (empty when it is acceptable).
    public static func passwordProblems(_ password: String, email: String) -> [LocalizedMessage] {
        var problems: [LocalizedMessage] = []
        if password.count < minimumPasswordLength {
            problems.append(LocalizedMessage("error.passwordTooShort", String(minimumPasswordLength)))
        }
        if password.utf8.count > maximumPasswordLength {
            problems.append(LocalizedMessage("error.passwordTooLong", String(maximumPasswordLength)))
        }
        if !email.isEmpty && password.lowercased() == email.lowercased() {
            problems.append(LocalizedMessage("error.passwordIsEmail"))
        }
        return problems
    }

    /// Lower-cased and trimmed, or nil when it does not look like an address.
    public static func normalisedEmail(_ text: String) -> String? {
        let email = text.trimmingWhitespace().lowercased()
        guard email.count <= 200 else { return nil }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return nil }
        return email
    }
}

import Vapor

/// A one-time message shown on the next page, such as "Perubahan disimpan".
struct FlashMessage: Codable, Sendable {
    enum Kind: String, Codable { case success, error, info }
    let kind: Kind
    let text: String
}

extension Request {
    private static let flashKey = "flash"

    func flash(_ kind: FlashMessage.Kind, _ text: String) {
        var messages = peekFlash()
        messages.append(FlashMessage(kind: kind, text: text))
        if let data = try? JSONEncoder().encode(messages) {
            session.data[Self.flashKey] = String(decoding: data, as: UTF8.self)
        }
    }

    /// The waiting messages, removed from the session.
    func takeFlash() -> [FlashMessage] {
        guard hasSession else { return [] }
        let messages = peekFlash()
        if !messages.isEmpty { session.data[Self.flashKey] = nil }
        return messages
    }

    private func peekFlash() -> [FlashMessage] {
        guard hasSession, let text = session.data[Self.flashKey],
              let messages = try? JSONDecoder().decode([FlashMessage].self, from: Data(text.utf8)) else { return [] }
        return messages
    }
}

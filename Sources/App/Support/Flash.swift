import Vapor

/// A one-time message shown on the next page, such as "Perubahan disimpan". Kept with the
/// signed-in session; anonymous visitors have none, and get their messages on the page itself.
struct FlashMessage: Codable, Sendable {
    enum Kind: String, Codable { case success, error, info }
    let kind: Kind
    let text: String
}

extension Request {
    func flash(_ kind: FlashMessage.Kind, _ text: String) {
        sessionState.flash.append(FlashMessage(kind: kind, text: text))
    }

    /// The waiting messages, removed from the session.
    func takeFlash() -> [FlashMessage] {
        let messages = sessionState.flash
        if !messages.isEmpty { sessionState.flash = [] }
        return messages
    }
}

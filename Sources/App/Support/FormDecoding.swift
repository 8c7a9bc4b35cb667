import Vapor

extension Request {
    /// Decodes a submitted form, turning a malformed body into a 400 instead of a 500.
    func form<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try content.decode(T.self)
        } catch {
            throw Abort(.badRequest, reason: t("error.page.badForm"))
        }
    }
}

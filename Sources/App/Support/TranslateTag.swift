import Leaf
import LumbungCore

/// `#t("key")` or `#t("key", argument, …)` in a template: the catalogue text in the request's
/// language. The result is escaped like any other Leaf output.
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw "#t() needs a catalogue key"
        }
        let language = ctx.request?.language ?? .id
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? "" }
        return .string(StringCatalogue.text(key, language: language, arguments: Array(arguments)))
    }
}

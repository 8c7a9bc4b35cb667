import Foundation

/// A document's words split and folded, the costly half of indexing it: it needs no index, so
/// a whole catalogue is analysed on every core and then added to the index in order.
public struct AnalyzedDocument: Sendable {
    public let document: SearchDocument
    /// The folded words of the title, the acronym, the keywords and the body, in that order.
    let fields: [[String]]

    public init(_ document: SearchDocument) {
        self.document = document
        fields = [document.title, document.acronym, document.keywords, document.body].map { text in
            if let words = TextAnalyzer.asciiFoldedWords(text) { return words }
            var words: [String] = []
            TextAnalyzer.scanWords(text[...]) { _, folded in
                words.append(folded)
                return true
            }
            return words
        }
    }

    /// The documents analysed in as many parts as there are cores, in their order.
    public static func analyze(_ documents: [SearchDocument], parts: Int = ProcessInfo.processInfo.activeProcessorCount) async -> [AnalyzedDocument] {
        let parts = max(1, min(parts, documents.count / 64))
        guard parts > 1 else { return documents.map(AnalyzedDocument.init) }
        let size = (documents.count + parts - 1) / parts
        return await withTaskGroup(of: (Int, [AnalyzedDocument]).self) { group in
            for part in 0..<parts {
                let slice = Array(documents[min(part * size, documents.count)..<min((part + 1) * size, documents.count)])
                group.addTask { (part, slice.map(AnalyzedDocument.init)) }
            }
            var analysed = [[AnalyzedDocument]](repeating: [], count: parts)
            for await (part, documents) in group { analysed[part] = documents }
            return analysed.flatMap { $0 }
        }
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Base of the SAX handlers for the parts of a workbook. Subclasses override `start`, `end` and
/// `characters`; element and attribute names arrive without namespace prefix (`x:c` → `c`),
/// since some generators write SpreadsheetML with a prefix.
///
/// The parser reads from a stream: on Linux, `XMLParser(data:)` hands libxml2 the whole document
/// at once and fails on parts over 10 MB (a sheet of some 10,000 rows), and it may report success
/// for a truncated document, so depth and `parserError` are checked as well.
class XMLPartParser: NSObject, XMLParserDelegate {
    private var failure: String?
    private weak var parser: XMLParser?
    private var depth = 0
    private var sawRoot = false

    func start(_ name: String, _ attributes: [String: String]) {}
    func end(_ name: String) {}
    func characters(_ text: String) {}

    /// Stops parsing; `parse` then throws with this message.
    func fail(_ message: String) {
        guard failure == nil else { return }
        failure = message
        parser?.abortParsing()
    }

    /// Runs the handler over `data`; `part` names the file for error messages.
    func parse(_ data: Data, part: String) throws(SpreadsheetError) {
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        self.parser = parser
        let finished = parser.parse()
        parser.delegate = nil
        if let failure { throw SpreadsheetError(message: failure) }
        if !finished || parser.parserError != nil || !sawRoot || depth != 0 {
            throw SpreadsheetError(message: "damaged workbook: \(part) is not well-formed XML (near line \(parser.lineNumber))")
        }
    }

    static func localName(_ name: String) -> String {
        guard UTF8Scan.contains(name, UInt8(ascii: ":")), let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// The value of an attribute by local name, whatever its prefix (`r:id`, `id`).
    static func attribute(_ local: String, in attributes: [String: String]) -> String? {
        if let value = attributes[local] { return value }
        for (key, value) in attributes where key.hasSuffix(":" + local) { return value }
        return nil
    }

    // MARK: XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        depth += 1
        sawRoot = true
        start(Self.localName(elementName), attributeDict)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        depth -= 1
        end(Self.localName(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        characters(string)
    }

    /// libxml2 reports whitespace-only text (a cell holding "   ") here rather than as characters.
    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        characters(whitespaceString)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        characters(String(decoding: CDATABlock, as: UTF8.self))
    }
}

import Foundation
import ZIPFoundation

/// The ZIP container of a workbook (an OPC package): its parts by path and their relationships.
struct XLSXPackage {
    /// Largest part we unpack (guards against ZIP bombs); a 100,000-row sheet is far below it.
    static let maxPartSize = 256 * 1024 * 1024

    private let archive: Archive
    private let entries: [String: Entry]

    init(data: Data) throws(SpreadsheetError) {
        let bytes = [UInt8](data.prefix(8))
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw SpreadsheetError(message: "this is an old Excel 97-2003 (.xls) file or a password-protected workbook; save it as .xlsx without a password and try again")
        }
        guard bytes.starts(with: [0x50, 0x4B]) else {
            throw SpreadsheetError(message: "not an .xlsx file: it is not a ZIP archive")
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw SpreadsheetError(message: "not an .xlsx file: the ZIP archive is damaged")
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            entries[entry.path.lowercased()] = entry
        }
        self.entries = entries
    }

    func contains(_ path: String) -> Bool {
        entries[path.lowercased()] != nil
    }

    /// The bytes of a part, or nil when the package has no such part. Paths are matched
    /// without regard to case, as OPC requires.
    func part(_ path: String) throws(SpreadsheetError) -> Data? {
        guard let entry = entries[path.lowercased()] else { return nil }
        guard entry.uncompressedSize <= UInt64(Self.maxPartSize) else {
            throw SpreadsheetError(message: "\(path) is too large to read (\(entry.uncompressedSize / 1_048_576) MB)")
        }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024) { chunk in
                data.append(chunk)
                if data.count > Self.maxPartSize { throw SpreadsheetError(message: "\(path) is too large to read") }
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError(message: "damaged workbook: \(path) cannot be unpacked")
        }
        return data
    }

    /// The relationships of a part (from `dir/_rels/name.rels`), targets resolved to package paths.
    func relationships(of partPath: String) throws(SpreadsheetError) -> [Relationship] {
        let slash = partPath.lastIndex(of: "/")
        let directory = slash.map { String(partPath[...$0]) } ?? ""
        let name = slash.map { String(partPath[partPath.index(after: $0)...]) } ?? partPath
        let relsPath = directory + "_rels/" + name + ".rels"
        guard let data = try part(relsPath) else { return [] }
        let parser = RelationshipsParser()
        try parser.parse(data, part: relsPath)
        return parser.relationships.map { raw in
            Relationship(id: raw.id, type: raw.type,
                         path: raw.external ? raw.target : Self.resolve(raw.target, in: directory),
                         isExternal: raw.external)
        }
    }

    /// A relationship target relative to `directory` (or absolute, starting with "/") as a package path.
    static func resolve(_ target: String, in directory: String) -> String {
        let full = target.hasPrefix("/") ? String(target.dropFirst()) : directory + target
        var parts: [Substring] = []
        for component in full.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." { _ = parts.popLast(); continue }
            parts.append(component)
        }
        return parts.joined(separator: "/")
    }
}

struct Relationship {
    let id: String
    /// The relationship type URI; compare its last path component (`worksheet`, `sharedStrings`…).
    let type: String
    let path: String
    let isExternal: Bool

    var kind: Substring { type.split(separator: "/").last ?? "" }
}

private final class RelationshipsParser: XMLPartParser {
    struct Raw { let id: String, type: String, target: String, external: Bool }
    var relationships: [Raw] = []

    override func start(_ name: String, _ attributes: [String: String]) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        relationships.append(Raw(id: id, type: attributes["Type"] ?? "", target: target,
                                 external: attributes["TargetMode"] == "External"))
    }
}

import Foundation
import ZIPFoundation

/// Packs files into an in-memory ZIP archive (deflate) with ZIPFoundation.
enum ZipArchiveWriter {
    static func archive(_ files: [(path: String, data: Data)]) throws(SpreadsheetError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            let now = Date()
            for file in files {
                let data = file.data
                try archive.addEntry(with: file.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: now, compressionMethod: .deflate) { position, size in
                    let start = data.startIndex + Int(position)
                    return data.subdata(in: start..<min(start + size, data.endIndex))
                }
            }
            guard let result = archive.data else {
                throw SpreadsheetError(message: "the ZIP archive could not be created")
            }
            return result
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError(message: "the ZIP archive could not be created: \(error)")
        }
    }
}

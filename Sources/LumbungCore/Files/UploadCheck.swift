import Foundation

/// What a file really is, from its first bytes: the name and the browser's claim are not trusted.
public enum FileKind: String, Codable, Sendable, CaseIterable {
    case pdf, jpeg, png

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }

    public var fileExtension: String {
        switch self {
        case .pdf: "pdf"
        case .jpeg: "jpg"
        case .png: "png"
        }
    }

    public static func detect(_ bytes: some Collection<UInt8>) -> FileKind? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        return nil
    }

    /// A short description of what unrecognised bytes look like, for the refusal message.
    public static func describeUnknown(_ bytes: some Collection<UInt8>) -> String {
        let head = Array(bytes.prefix(4))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "ZIP/Office" }
        if head.starts(with: Array("GIF8".utf8)) { return "GIF" }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "Office 97–2003" }
        if let text = String(validating: bytes.prefix(64), as: UTF8.self), text.allSatisfy({ !$0.isASCII || $0.isPrintableOrSpace }) {
            return "text"
        }
        return "unknown"
    }
}

extension Character {
    fileprivate var isPrintableOrSpace: Bool { isLetter || isNumber || isPunctuation || isSymbol || isWhitespace }
}

/// The rules every upload follows (proposal documents, evidence): a PDF, JPEG or PNG by its
/// content, within the size limit, and not empty.
public enum UploadCheck {
    public enum Outcome: Equatable, Sendable {
        case accepted(FileKind)
        case refused(LocalizedMessage)
    }

    public static func check(_ bytes: some Collection<UInt8>, fileName: String, limit: Int) -> Outcome {
        guard !bytes.isEmpty else { return .refused(LocalizedMessage("upload.empty", fileName)) }
        guard bytes.count <= limit else {
            return .refused(LocalizedMessage("upload.tooLarge", fileName, IndonesianFormat.bytes(bytes.count), IndonesianFormat.bytes(limit)))
        }
        guard let kind = FileKind.detect(bytes) else {
            return .refused(LocalizedMessage("upload.wrongType", fileName, FileKind.describeUnknown(bytes), IndonesianFormat.bytes(bytes.count)))
        }
        return .accepted(kind)
    }

    /// A file name safe to send back in a Content-Disposition header: letters, digits, dots,
    /// hyphens and underscores, with the detected extension.
    public static func safeFileName(_ name: String, kind: FileKind) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        let stem = base.split(separator: ".").dropLast().joined(separator: ".")
        let cleaned = String((stem.isEmpty ? base : stem).unicodeScalars.map {
            ($0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_")) ? Character($0) : "_"
        }.prefix(80))
        return (cleaned.isEmpty ? "berkas" : cleaned) + "." + kind.fileExtension
    }
}

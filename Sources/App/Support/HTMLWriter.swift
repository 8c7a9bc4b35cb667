import Vapor

/// HTML written from Swift: the layout every page shares and the page asked most (the
/// catalogue's search), where Leaf's serializer cost more than the search itself.
///
/// The escaping guarantee is in the types: markup can only come from a string literal
/// (`StaticString`, fixed when Lumbung is compiled), and every other value, whoever wrote it,
/// goes through `text(_:)`, which escapes `& < > " '` the way Leaf does, so that it is safe in
/// text and in a double-quoted attribute alike.
///
/// The bytes go straight into the buffer the response sends.
struct HTMLWriter {
    private(set) var buffer: ByteBuffer

    init(capacity: Int = 16_384) { buffer = ByteBufferAllocator().buffer(capacity: capacity) }

    /// Markup, only ever a literal in the source.
    mutating func markup(_ literal: StaticString) {
        literal.withUTF8Buffer { buffer.writeBytes($0) }
    }

    /// A value as text or as an attribute's content, escaped.
    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                buffer.writeBytes(bytes[start..<index])
                replacement.withUTF8Buffer { buffer.writeBytes($0) }
                start = index + 1
            }
            buffer.writeBytes(bytes[start...])
        }
    }

    /// HTML already made safe: another writer's, or a body Leaf rendered.
    mutating func append(_ fragment: HTMLFragment) {
        buffer.writeImmutableBuffer(fragment.buffer)
    }

    var fragment: HTMLFragment { HTMLFragment(buffer: buffer) }

    /// What was written, as text.
    var html: String { String(buffer: buffer) }
}

/// A piece of HTML that is safe to show as it is: made by `HTMLWriter`, or rendered by a Leaf
/// template (which escapes every value it shows). It has no other way to be made.
struct HTMLFragment {
    let buffer: ByteBuffer

    fileprivate init(buffer: ByteBuffer) { self.buffer = buffer }

    init(rendered view: View) { buffer = view.data }

    var html: String { String(buffer: buffer) }
}

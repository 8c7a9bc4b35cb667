/// Each document's term sequence (title, acronym, keywords, body; -1 ends a field, stop words
/// are -2, -3, …), for phrase checks and similar innovations, stored as variable-length bytes:
/// the frequent terms and stop words, numbered first, take one byte and most others two, where
/// a fixed four bytes each made this the largest part of the index.
struct TermStreams: Sendable, Equatable {
    private var bytes: [UInt8] = []
    /// Where each document's bytes start; they end where the next document's start.
    private var starts: [UInt32] = []

    var count: Int { starts.count }
    var byteCount: Int { bytes.capacity + starts.capacity * 4 }

    mutating func append(_ stream: [Int32]) {
        starts.append(UInt32(bytes.count))
        Self.encode(stream, into: &bytes)
    }

    /// Zig-zag (0, -1, 1, -2, 2 … become 0, 1, 2, 3, 4 …), then seven bits a byte, the last
    /// byte of each value below 0x80.
    static func encode(_ values: [Int32], into bytes: inout [UInt8]) {
        for value in values {
            var rest = UInt32(bitPattern: (value << 1) ^ (value >> 31))
            while rest >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }
    }

    static func encoded(_ values: [Int32]) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(values, into: &bytes)
        return bytes
    }

    /// Whether the document's sequence holds `pattern` (a run of values, `encoded`) side by
    /// side. Compared as bytes, without decoding: a value starts wherever the byte before it
    /// ends one (is below 0x80), and the same values always have the same bytes.
    func contains(_ pattern: [UInt8], in slot: Int) -> Bool {
        guard let first = pattern.first else { return true }
        let start = Int(starts[slot]), end = slot + 1 < starts.count ? Int(starts[slot + 1]) : bytes.count
        guard end - start >= pattern.count else { return false }
        return bytes.withUnsafeBufferPointer { bytes in
            pattern.withUnsafeBufferPointer { pattern in
                var i = start
                while i <= end - pattern.count {
                    if bytes[i] == first && (i == start || bytes[i - 1] < 0x80) {
                        var j = 1
                        while j < pattern.count && bytes[i + j] == pattern[j] { j += 1 }
                        if j == pattern.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Calls `body` with each value of the document's sequence until it returns false.
    func forEach(in slot: Int, _ body: (Int32) -> Bool) {
        let end = slot + 1 < starts.count ? Int(starts[slot + 1]) : bytes.count
        bytes.withUnsafeBufferPointer { bytes in
            var position = Int(starts[slot])
            while position < end {
                var value: UInt32 = 0, shift: UInt32 = 0
                while true {
                    let byte = bytes[position]
                    position += 1
                    value |= UInt32(byte & 0x7F) << shift
                    if byte < 0x80 { break }
                    shift += 7
                }
                let decoded = Int32(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
                if !body(decoded) { return }
            }
        }
    }

    func sequence(of slot: Int) -> [Int32] {
        var values: [Int32] = []
        forEach(in: slot) { value in
            values.append(value)
            return true
        }
        return values
    }

    /// Gives back the room grown for appends, once a build is done.
    mutating func shrinkToFit() {
        bytes = bytes.withUnsafeBufferPointer { Array($0) }
        starts = starts.withUnsafeBufferPointer { Array($0) }
    }
}

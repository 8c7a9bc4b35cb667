/// A term's weighted frequencies in its documents, one byte each while every one fits in a
/// byte (nearly always: a body word counts 1, a title word 6), two bytes each from the first
/// that does not. Half the room of two bytes each, with the same numbers.
struct FrequencyList: RandomAccessCollection, Sendable, Equatable {
    private var narrow: [UInt8] = []
    private var wide: [UInt16] = []
    private var isWide = false

    var startIndex: Int { 0 }
    var endIndex: Int { isWide ? wide.count : narrow.count }

    subscript(position: Int) -> UInt16 {
        isWide ? wide[position] : UInt16(narrow[position])
    }

    mutating func append(_ frequency: UInt16) {
        if isWide {
            wide.append(frequency)
        } else if frequency <= UInt16(UInt8.max) {
            narrow.append(UInt8(frequency))
        } else {
            wide = narrow.map(UInt16.init) + [frequency]
            narrow = []
            isWide = true
        }
    }

    var byteCount: Int { narrow.capacity + wide.capacity * 2 + 64 }

    mutating func shrinkToFit() {
        if narrow.capacity > narrow.count { narrow = narrow.withUnsafeBufferPointer { Array($0) } }
        if wide.capacity > wide.count { wide = wide.withUnsafeBufferPointer { Array($0) } }
    }
}

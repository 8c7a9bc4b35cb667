import Testing
@testable import LumbungCore

@Suite struct TermStreamsTests {
    @Test func everyValueComesBackInOrderPerDocument() {
        let documents: [[Int32]] = [
            [0, 1, -1, 63, 64, -2, 127, 128, -1],
            [],
            [8191, 8192, 1_000_000, -1, -3, -200, Int32.max, Int32.min + 1, -1],
            [5],
        ]
        var streams = TermStreams()
        for document in documents { streams.append(document) }
        streams.shrinkToFit()
        #expect(streams.count == documents.count)
        for (slot, document) in documents.enumerated() { #expect(streams.sequence(of: slot) == document) }
        // Stopping early reads no further.
        var seen: [Int32] = []
        streams.forEach(in: 2) { value in
            seen.append(value)
            return value != 1_000_000
        }
        #expect(seen == [8191, 8192, 1_000_000])
    }

    @Test func smallNumbersTakeOneByte() {
        var small = TermStreams(), large = TermStreams()
        small.append(Array(repeating: 5, count: 1000) + Array(repeating: -2, count: 1000))
        large.append(Array(repeating: 100_000, count: 1000))
        small.shrinkToFit()
        large.shrinkToFit()
        #expect(small.byteCount < 2000 + 64)
        #expect(large.byteCount >= 3000)
    }

    @Test func aRunMatchesOnlyWholeValuesSideBySide() {
        var streams = TermStreams()
        streams.append([200, 7, 1, -1, 9])   // 200 is the bytes 0x90 0x03; -2 alone is 0x03
        streams.append([1, 7])
        #expect(streams.contains(TermStreams.encoded([7, 1]), in: 0))
        #expect(streams.contains(TermStreams.encoded([200, 7, 1, -1, 9]), in: 0))
        #expect(!streams.contains(TermStreams.encoded([-2]), in: 0))
        #expect(!streams.contains(TermStreams.encoded([1, 7]), in: 0))
        #expect(!streams.contains(TermStreams.encoded([1, -1, 9, 1]), in: 0))
        #expect(streams.contains(TermStreams.encoded([1, 7]), in: 1))
        #expect(!streams.contains(TermStreams.encoded([9]), in: 1))
    }
}

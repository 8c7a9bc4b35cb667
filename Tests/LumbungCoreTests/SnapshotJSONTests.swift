import Foundation
import Testing
@testable import LumbungCore

@Suite struct SnapshotJSONTests {
    static func encoded(_ profile: InnovationProfile) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(profile), as: UTF8.self)
    }

    @Test func writesWhatTheSortedKeyEncoderWrites() throws {
        var full = InnovationProfile()
        full.name = "Si \"Pelandukilat\" / Keliling\\Desa"
        full.acronym = "SIPELANDUKILAT"
        full.category = .governance
        full.deliveryMode = .digital
        full.mainAffair = "kependudukan"
        full.otherAffairs = ["kesehatan", "sosial"]
        full.trialStart = "2018-01-02"
        full.implementationStart = "2018-07-02"
        full.design = "Baris satu\nbaris dua\ttab\r\u{1}\u{8}\u{c}\u{1f} é ñ 漢字 👩🏽‍⚕️ <b>&amp;</b>"
        full.goals = "Tujuan"
        full.themes = ["jemput bola", "perbatasan"]
        full.sdgs = [3, 10, 16]
        full.videoURL = "https://contoh.go.id/video?id=1&t=2"
        full.latitude = 3.5862
        full.longitude = 116
        full.replicatedFromID = 42
        full.replicatedFromName = "Pelayanan Keliling Kabupaten Lain"

        var sparse = InnovationProfile()
        sparse.name = "Nama saja"
        sparse.latitude = -0.000123
        sparse.longitude = 117.123456789

        for profile in [full, sparse, InnovationProfile()] {
            #expect(profile.snapshotJSON == (try Self.encoded(profile)))
            #expect(try JSONDecoder().decode(InnovationProfile.self, from: Data(profile.snapshotJSON.utf8)) == profile)
        }
    }
}

import Testing
@testable import LumbungCore

@Suite struct StringCatalogueTests {
    @Test func bothLanguagesHaveTheSameKeys() {
        let id = Set(StringCatalogue.table(.id).keys)
        let en = Set(StringCatalogue.table(.en).keys)
        #expect(id.subtracting(en).isEmpty, "missing in English: \(id.subtracting(en).sorted())")
        #expect(en.subtracting(id).isEmpty, "missing in Indonesian: \(en.subtracting(id).sorted())")
    }

    @Test func everyCodeHasALabel() {
        var keys: [String] = []
        keys += InnovationCategory.allCases.map { "category.\($0.rawValue)" }
        keys += DeliveryMode.allCases.map { "deliveryMode.\($0.rawValue)" }
        keys += Stage.allCases.map { "stage.\($0.rawValue)" }
        keys += Initiator.allCases.map { "initiator.\($0.rawValue)" }
        keys += ReviewStatus.allCases.map { "status.\($0.rawValue)" }
        keys += AgencyKind.allCases.map { "agencyKind.\($0.rawValue)" }
        keys += Role.allCases.map { "role.\($0.rawValue)" }
        keys += GovernmentAffair.Group.allCases.map { "affairGroup.\($0.rawValue)" }
        keys += ProfileField.allCases.map(\.labelKey)
        keys += ReviewAction.allCases.flatMap { ["action.\($0.rawValue)", "action.\($0.rawValue).hint", "action.\($0.rawValue).done", "revision.\($0.rawValue)"] }
        keys += ["revision.created", "revision.edited"]
        for language in Language.allCases {
            let table = StringCatalogue.table(language)
            let missing = keys.filter { table[$0] == nil }
            #expect(missing.isEmpty, "missing in \(language): \(missing)")
        }
    }

    @Test func argumentsAreFilledIn() {
        #expect(StringCatalogue.text("error.tooFewWords", language: .id, arguments: ["300", "12"]) == "minimal 300 kata (sekarang 12).")
        #expect(StringCatalogue.text("error.tooFewWords", language: .en, arguments: ["300", "12"]) == "at least 300 words (now 12).")
    }

    @Test func anArgumentsOwnBracesAreShownAsTheyAre() {
        #expect(StringCatalogue.filling("{0} dan {1}", with: ["Inovasi {1}", "Biro"]) == "Inovasi {1} dan Biro")
        #expect(StringCatalogue.filling("{0}{0} {2} {x} {", with: ["a", "b"]) == "aa {2} {x} {")
        #expect(StringCatalogue.filling("tanpa tanda", with: ["a"]) == "tanpa tanda")
    }
}

@Suite struct GovernmentAffairTests {
    @Test func sixBasicServiceAffairsAndUniqueCodes() {
        #expect(GovernmentAffair.all.filter(\.isBasicService).map(\.code)
                == ["pendidikan", "kesehatan", "pupr", "perkim", "trantibumlinmas", "sosial"])
        #expect(Set(GovernmentAffair.all.map(\.code)).count == GovernmentAffair.all.count)
    }
}

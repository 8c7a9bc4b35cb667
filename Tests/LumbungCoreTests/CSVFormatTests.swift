import Testing
@testable import LumbungCore

@Suite struct CSVFormatTests {
    @Test func quotesWhereNeededAndNeutralisesFormulas() {
        #expect(CSVFormat.row(["a", "b,c", "say \"hi\""]) == "a,\"b,c\",\"say \"\"hi\"\"\"\r\n")
        #expect(CSVFormat.row(["=HYPERLINK(\"x\")", "+1", "-2", "@A1", "ok"]) == "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@A1,ok\r\n")
    }
}

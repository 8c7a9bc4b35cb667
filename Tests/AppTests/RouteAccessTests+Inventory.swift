import Fluent
import Foundation
import LumbungCore
import VaporTesting
@testable import App

extension AppTests.RouteAccessTests {
    /// Evidence, inventory rounds, coverage, the index and the leadership report: the Biro runs
    /// them, viewers (Bappeda) read and validate, operators answer for their own agency.
    static let inventoryTable: [String: (Set<String>, Recipe)] = [
        "POST /innovations/:innovationID/evidence": (writers, { w in
            Call(path: "/innovations/\(try await w.draft().id!)/evidence", form: [("type", "decree"), ("issuer", "Gubernur"), ("issuedOn", "2021-03-01")],
                 upload: ("sk.pdf", DemoDocument.pdf(title: "SK", innovation: "Uji"), "application/pdf"))
        }),
        "GET /innovations/:innovationID/evidence/:evidenceID": (readers, { w in
            let innovation = try await w.draft()
            let evidence = try await w.fixture.evidence(w.app, on: innovation)
            return Call(path: "/innovations/\(innovation.id!)/evidence/\(evidence.id!)")
        }),
        "POST /innovations/:innovationID/evidence/:evidenceID/remove": (writers, { w in
            let innovation = try await w.draft()
            let evidence = try await w.fixture.evidence(w.app, on: innovation)
            return Call(path: "/innovations/\(innovation.id!)/evidence/\(evidence.id!)/remove")
        }),
        "GET /inventory": (readers, { _ in Call(path: "/inventory") }),
        "GET /inventory/new": (admins, { _ in Call(path: "/inventory/new") }),
        "POST /inventory": (admins, { w in
            Call(path: "/inventory", form: [("name", "Putaran \(UUID().uuidString.prefix(6))"), ("deadline", "2030-12-31"),
                                            ("agencies[]", String(w.fixture.agency.id!))])
        }),
        "GET /inventory/compare": (overseers, { w in
            let first = try await w.fixture.closedRound(w.app)
            let second = try await w.fixture.closedRound(w.app)
            return Call(path: "/inventory/compare?from=\(first.id!)&to=\(second.id!)")
        }),
        "GET /inventory/:roundID": (readers, { w in Call(path: "/inventory/\(try await w.fixture.openRound(w.app).id!)") }),
        "GET /inventory/:roundID/agencies/:agencyID": (readers, { w in
            Call(path: "/inventory/\(try await w.fixture.openRound(w.app).id!)/agencies/\(w.fixture.agency.id!)")
        }),
        "POST /inventory/:roundID/agencies/:agencyID/confirm": (writers, { w in
            Call(path: "/inventory/\(try await w.fixture.openRound(w.app).id!)/agencies/\(w.fixture.agency.id!)/confirm")
        }),
        "POST /inventory/:roundID/innovations/:innovationID": (writers, { w in
            let round = try await w.fixture.openRound(w.app)
            return Call(path: "/inventory/\(round.id!)/innovations/\(try await w.draft().id!)", form: [("answer", "running")])
        }),
        "POST /inventory/:roundID/close": (admins, { w in Call(path: "/inventory/\(try await w.fixture.openRound(w.app).id!)/close") }),
        "GET /coverage": (overseers, { _ in Call(path: "/coverage?category=governance&children=own") }),
        "GET /coverage/villages": (overseers, { _ in Call(path: "/coverage/villages") }),
        "GET /index": (readers, { _ in Call(path: "/index") }),
        "GET /index/:year": (overseers, { _ in Call(path: "/index/2023") }),
        "POST /index/:year/region": (admins, { _ in Call(path: "/index/2023/region", form: [("level-spd-1", "2"), ("level-spd-2", "3")]) }),
        "GET /index/:year/innovations/:innovationID": (readers, { w in
            Call(path: "/index/2026/innovations/\(try await w.fixture.verifiedInnovation(w.app).id!)")
        }),
        "POST /index/:year/innovations/:innovationID": (writers, { w in
            let innovation = try await w.fixture.verifiedInnovation(w.app)
            let evidence = try await w.fixture.evidence(w.app, on: innovation)
            return Call(path: "/index/2023/innovations/\(innovation.id!)", form: [("level-regulasi", "3"), ("evidence-regulasi", String(evidence.id!))])
        }),
        "POST /index/:year/answers/:answerID/validate": (overseers, { w in
            let innovation = try await w.fixture.verifiedInnovation(w.app)
            let answer = try await w.fixture.indexAnswer(w.app, innovation: innovation, evidence: try await w.fixture.evidence(w.app, on: innovation))
            return Call(path: "/index/2023/answers/\(answer.id!)/validate", form: [("decision", "validated"), ("comment", "Sesuai SK.")])
        }),
        "GET /index/:year/what-if": (overseers, { _ in Call(path: "/index/2023/what-if?add=2&addLevel=3") }),
        "GET /index/:year/gaps": (overseers, { _ in Call(path: "/index/2023/gaps") }),
        "GET /index/:year/export.csv": (overseers, { _ in Call(path: "/index/2023/export.csv") }),
        "GET /index/:year/export.xlsx": (overseers, { _ in Call(path: "/index/2023/export.xlsx") }),
        "GET /index/:year/edit": (admins, { _ in Call(path: "/index/2026/edit") }),
        "POST /index/:year": (admins, { _ in
            let form = IndicatorSetController.form(IndicatorSets.iid2026, problems: [])
            var fields: [(String, String)] = [("name", form.name), ("source", form.source), ("divisorFloor", form.divisorFloor),
                                              ("pointsPerInnovation", form.pointsPerInnovation), ("cap", form.cap),
                                              ("requiredBasicServices", form.requiredBasicServices), ("developmentAfterYears", form.developmentAfterYears),
                                              ("regionMaximum", form.regionMaximum), ("innovationMaximum", form.innovationMaximum), ("maximumTotal", form.maximumTotal)]
            for c in form.classes { fields += [("class-\(c.position)-name", c.name), ("class-\(c.position)-above", c.above)] }
            for i in form.indicators { fields += [("name-\(i.key)", i.name), ("weight-\(i.key)", i.weight), ("levels-\(i.key)", String(i.levels)), ("evidence-\(i.key)", i.evidence)] }
            return Call(path: "/index/2026", form: fields)
        }),
        "POST /index/:year/copy": (admins, { _ in Call(path: "/index/2023/copy", form: [("year", String(Int.random(in: 2030...2099)))]) }),
        "GET /report": (overseers, { _ in Call(path: "/report") }),
    ]
}

import LumbungCore
import Vapor

/// Every route and who may use it. The route table test walks all of these with every role.
func routes(_ app: Application) throws {
    let everyone = app.routes.access(.everyone)
    let sessions = SessionController()
    everyone.get("login", use: sessions.show)
    everyone.post("login", use: sessions.login)
    everyone.get("health", use: HealthController().health)
    everyone.get("metrics", use: MetricsController().metrics)
    everyone.get("bahasa", ":language", use: LanguageController().switchLanguage)
    everyone.get(use: DashboardController().home)

    // The public catalogue and open data: published innovations only.
    let catalogue = CatalogueController()
    everyone.get("catalogue", use: catalogue.search)
    everyone.get("catalogue", ":innovationID", use: catalogue.show)
    everyone.get("catalogue", "agencies", ":agencyID", use: catalogue.agency)
    let openData = OpenDataController()
    let api = everyone.grouped("api", "v1").grouped(CORSForReadsMiddleware())
    api.get("innovations", use: openData.innovations)
    api.get("innovations.csv", use: openData.csv)
    api.get("innovations", ":innovationID", use: openData.innovation)
    api.get("agencies", use: openData.agencies)
    api.get("openapi.json", use: openData.openAPI)

    let signedIn = app.routes.access(.signedIn)
    signedIn.post("logout", use: sessions.logout)
    let account = AccountController()
    signedIn.get("account", "password", use: account.showPassword)
    signedIn.post("account", "password", use: account.changePassword)

    // Reading the registry: everyone but evaluators (operators see their own agency's drafts only).
    let readers = app.routes.access(.only(.admin, .viewer, .operator))
    let agencies = AgencyController()
    readers.get("agencies", use: agencies.index)
    readers.get("agencies", ":agencyID", use: agencies.show)
    let innovations = InnovationController()
    readers.get("innovations", use: InnovationListController().index)
    readers.get("innovations", ":innovationID", use: innovations.show)
    readers.get("innovations", ":innovationID", "history", use: HistoryController().history)

    // Writing innovation profiles: the agency's operators and the Biro.
    let writers = app.routes.access(.only(.admin, .operator))
    writers.get("innovations", "new", use: innovations.new)
    writers.post("innovations", use: innovations.create)
    writers.get("innovations", ":innovationID", "edit", use: innovations.edit)
    writers.post("innovations", ":innovationID", use: innovations.update)

    let review = ReviewController()
    let admins = app.routes.access(.only(.admin))
    for action in ReviewAction.allCases {
        let builder = action == .submit || action == .archive ? writers : admins
        builder.post("innovations", ":innovationID", PathComponent(stringLiteral: action.pathName), use: review.handler(for: action))
    }

    let overseers = app.routes.access(.only(.admin, .viewer))
    overseers.get("review", use: review.queue)
    overseers.get("audit", use: AuditController().index)

    admins.get("agencies", "new", use: agencies.new)
    admins.post("agencies", use: agencies.create)
    admins.get("agencies", ":agencyID", "edit", use: agencies.edit)
    admins.post("agencies", ":agencyID", use: agencies.update)
    admins.post("agencies", ":agencyID", "deactivate", use: agencies.deactivate)
    admins.post("agencies", ":agencyID", "activate", use: agencies.activate)

    let transfer = TransferController()
    admins.get("import", use: transfer.page)
    admins.upload("import", limit: app.lumbung.importLimitBytes, use: transfer.upload)
    admins.get("export", "registry.xlsx", use: transfer.exportXLSX)
    admins.get("export", "registry.csv", use: transfer.exportCSV)
    writers.get("import", "template.xlsx", use: transfer.templateXLSX)
    writers.get("import", "template.csv", use: transfer.templateCSV)

    // Competitions: editions are read by the registry's readers; proposals follow the same
    // scope as innovations (operators their own agency's).
    let editions = EditionController()
    readers.get("competitions", use: editions.index)
    readers.get("competitions", ":competitionID", use: editions.show)
    admins.get("competitions", "new", use: editions.new)
    admins.post("competitions", use: editions.create)
    admins.get("competitions", ":competitionID", "edit", use: editions.edit)
    admins.post("competitions", ":competitionID", use: editions.update)
    admins.post("competitions", ":competitionID", "copy", use: editions.copy)

    let proposals = ProposalController()
    writers.get("competitions", ":competitionID", "proposals", "new", use: proposals.new)
    writers.post("competitions", ":competitionID", "proposals", use: proposals.create)
    readers.get("proposals", ":proposalID", use: proposals.show)
    writers.get("proposals", ":proposalID", "edit", use: proposals.edit)
    writers.post("proposals", ":proposalID", use: proposals.update)
    let flow = ProposalFlowController()
    for action in ProposalAction.allCases {
        let builder = action == .submit || action == .withdraw ? writers : admins
        builder.post("proposals", ":proposalID", PathComponent(stringLiteral: action.pathName), use: flow.handler(for: action))
    }
    let documents = ProposalDocumentController()
    writers.upload("proposals", ":proposalID", "documents", limit: app.lumbung.uploadLimitBytes + 64 * 1024, use: documents.upload)
    // Documents: only the Biro and the owning agency (and, with the evaluation, assigned evaluators).
    writers.get("proposals", ":proposalID", "documents", ":attachmentID", use: documents.download)
    let handOff = HandOffController()
    readers.get("proposals", ":proposalID", "print", use: handOff.print)
    readers.get("proposals", ":proposalID", "text", use: handOff.text)
    overseers.get("competitions", ":competitionID", "proposals.xlsx", use: handOff.exportXLSX)
    overseers.get("competitions", ":competitionID", "proposals.csv", use: handOff.exportCSV)
    let selection = SelectionController()
    overseers.get("competitions", ":competitionID", "review", use: selection.queue)
    overseers.get("competitions", ":competitionID", "selection", use: selection.selection)
    admins.post("competitions", ":competitionID", "hand-over", use: selection.handOverAll)
    overseers.get("competitions", ":competitionID", "outcomes", use: selection.outcomes)
    admins.post("proposals", ":proposalID", "outcomes", use: selection.recordOutcome)
    admins.post("innovations", ":innovationID", "awards", use: AwardController().create)

    // Evaluation: a scored stage's setup, assignment, scoring, ranking, announcement and objections.
    let stagePath: [PathComponent] = ["competitions", ":competitionID", "stages", ":stageKey"]
    let stages = StageController()
    overseers.get(stagePath, use: stages.show)
    admins.post(stagePath + ["rules"], use: stages.saveRules)
    admins.post(stagePath + ["panel"], use: stages.addMember)
    admins.post(stagePath + ["panel", ":memberID", "remove"], use: stages.removeMember)
    admins.post(stagePath + ["conflicts"], use: stages.enterConflict)
    admins.post(stagePath + ["open"], use: stages.open)
    admins.post(stagePath + ["close"], use: stages.close)
    admins.post(stagePath + ["announce"], use: stages.announce)
    admins.post(stagePath + ["finalise"], use: stages.finalise)
    let assignment = AssignmentController()
    overseers.get(stagePath + ["assignment"], use: assignment.show)
    admins.post(stagePath + ["assignment", "preview"], use: assignment.preview)
    admins.post(stagePath + ["assignment"], use: assignment.save)
    admins.post(stagePath + ["assignment", "add"], use: assignment.add)
    admins.post("assessments", ":assessmentID", "remove", use: assignment.remove)
    let ranking = RankingController()
    overseers.get(stagePath + ["ranking"], use: ranking.show)
    overseers.get(stagePath + ["ranking", ":proposalID"], use: ranking.explain)
    admins.post(stagePath + ["shortlist", ":proposalID"], use: ranking.override)
    overseers.get(stagePath + ["ranking.csv"], use: ranking.rankingCSV)
    overseers.get(stagePath + ["ranking.xlsx"], use: ranking.rankingXLSX)
    overseers.get(stagePath + ["scores.csv"], use: ranking.scoresCSV)
    overseers.get(stagePath + ["scores.xlsx"], use: ranking.scoresXLSX)
    let objections = ObjectionController()
    readers.get(stagePath + ["objections"], use: objections.index)
    writers.upload(stagePath + ["objections"], limit: app.lumbung.uploadLimitBytes + 64 * 1024, use: objections.file)
    readers.get("objections", ":objectionID", "document", use: objections.document)
    admins.post("objections", ":objectionID", "answer", use: objections.answer)
    everyone.get(stagePath + ["results"], use: objections.publicResults)
    // The evaluator's own work; each handler also checks the assessment is theirs.
    let scoring = ScoringController()
    let evaluators = app.routes.access(.only(.evaluator))
    evaluators.get("evaluations", use: scoring.queue)
    app.routes.access(.only(.evaluator, .admin)).get("assessments", ":assessmentID", use: scoring.show)
    evaluators.post("assessments", ":assessmentID", use: scoring.save)
    evaluators.post("assessments", ":assessmentID", "conflict", use: scoring.declareConflict)
    admins.post("assessments", ":assessmentID", "reopen", use: scoring.reopen)

    let users = UserAdminController()
    admins.get("users", use: users.index)
    admins.get("users", "new", use: users.new)
    admins.post("users", use: users.create)
    admins.get("users", ":userID", "edit", use: users.edit)
    admins.post("users", ":userID", use: users.update)
    admins.post("users", ":userID", "deactivate", use: users.deactivate)
    admins.post("users", ":userID", "activate", use: users.activate)
    admins.post("users", ":userID", "reset-password", use: users.resetPassword)
}

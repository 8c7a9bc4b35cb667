import Fluent
import LumbungCore
import Vapor

/// The admin's import page (upload, dry run, report) and the export and template downloads.
struct TransferController {
    struct ImportData: Encodable {
        let hasReport: Bool
        let dryRun: Bool
        let succeeded: Bool
        let summary: String
        let problems: [String]
        let hasProblems: Bool
    }

    @Sendable func page(req: Request) async throws -> Response {
        try await req.render("transfer/import", title: req.t("import.title"),
                             ImportData(hasReport: false, dryRun: true, succeeded: false, summary: "", problems: [], hasProblems: false))
    }

    struct Upload: Content {
        var file: File?
        var dryRun: String?
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let upload = try req.form(Upload.self)
        guard let file = upload.file, file.data.readableBytes > 0 else {
            throw Abort(.badRequest, reason: req.t("import.noFile"))
        }
        let user = try req.user
        let dryRun = upload.dryRun == "on" || upload.dryRun == "true"
        let report = try await ImportService(db: req.db, search: req.application.catalogue, clock: req.clock)
            .run(Array(file.data.readableBytesView), fileName: file.filename, dryRun: dryRun,
                 actor: .init(userID: user.id, name: user.name, email: user.email))
        let data = ImportData(
            hasReport: true, dryRun: dryRun, succeeded: report.succeeded,
            summary: req.t(report.succeeded ? (dryRun ? "import.dryRunSummary" : "import.summary") : "import.failedSummary",
                           String(report.rows), String(report.created), String(report.updated), String(report.unchanged),
                           String(report.problems.count)),
            problems: report.problems.map { $0.text(in: req.language) }, hasProblems: !report.problems.isEmpty)
        return try await req.render("transfer/import", title: req.t("import.title"), data,
                                    status: report.succeeded ? .ok : .unprocessableEntity)
    }

    @Sendable func exportXLSX(req: Request) async throws -> Response {
        let bytes = Array(try await ExportService(db: req.db).xlsx())
        let name = "lumbung-registri.xlsx"
        try await req.db.audit(try req.user, "registry.export", "registry", nil, ExportService.auditSummary(name, bytes))
        return Self.download(bytes, type: Self.xlsxType, name: name)
    }

    @Sendable func exportCSV(req: Request) async throws -> Response {
        let bytes = Array(try await ExportService(db: req.db).csv().utf8)
        let name = "lumbung-registri.csv"
        try await req.db.audit(try req.user, "registry.export", "registry", nil, ExportService.auditSummary(name, bytes))
        return Self.download(bytes, type: Self.csvType, name: name)
    }

    @Sendable func templateXLSX(req: Request) async throws -> Response {
        Self.download(Array(try ExportService.templateXLSX()), type: Self.xlsxType, name: "templat-impor-lumbung.xlsx")
    }

    @Sendable func templateCSV(req: Request) async throws -> Response {
        Self.download(Array(ExportService.templateCSV().utf8), type: Self.csvType, name: "templat-impor-lumbung.csv")
    }

    static let xlsxType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    static let csvType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])

    static func download(_ bytes: [UInt8], type: HTTPMediaType, name: String) -> Response {
        let response = Response(status: .ok, body: .init(buffer: ByteBuffer(bytes: bytes)))
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

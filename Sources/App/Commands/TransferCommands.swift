import Foundation
import LumbungCore
import Vapor

/// `lumbung import FILE [--dry-run]`: all or nothing; every problem is listed with its row and column.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A .csv or .xlsx file in the import template's layout")
        var file: String
        @Flag(name: "dry-run", help: "Check the file and report, without saving anything")
        var dryRun: Bool
    }

    var help: String { "Imports innovations from a CSV or XLSX file (rows are matched by their kode)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let bytes = FileBytes.read(signature.file) else {
            throw CommandFailure("file: cannot read \(signature.file)")
        }
        try await app.prepareDatabase(console: context.console)
        let started = Date()
        let name = URL(fileURLWithPath: signature.file).lastPathComponent
        let report = try await ImportService(db: app.db, search: nil, clock: app.clock)
            .run(bytes, fileName: name, dryRun: signature.dryRun, actor: .console)
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        if report.succeeded {
            let line = "\(signature.dryRun ? "Dry run: nothing saved. " : "")\(report.rows) rows: \(report.created) created, \(report.updated) updated, \(report.unchanged) unchanged (\(seconds) s)"
            context.console.output(line.consoleText())
        } else {
            for problem in report.problems { context.console.error(problem.text(in: .id)) }
            throw CommandFailure("\(report.problems.count) problems; nothing was imported")
        }
    }
}

/// `lumbung export FILE.xlsx|FILE.csv`: the whole registry in the import template's layout.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write: a name ending in .xlsx or .csv")
        var file: String
    }

    var help: String { "Exports the whole registry as XLSX or CSV (formula-like cells neutralised)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let lower = signature.file.lowercased()
        guard lower.hasSuffix(".csv") || lower.hasSuffix(".xlsx") else {
            throw CommandFailure("file: the name must end in .xlsx or .csv")
        }
        let app = context.application
        try await app.prepareDatabase(console: context.console)
        let service = ExportService(db: app.db)
        let bytes: [UInt8] = lower.hasSuffix(".csv") ? Array(try await service.csv().utf8) : Array(try await service.xlsx())
        try Data(bytes).write(to: URL(fileURLWithPath: signature.file))
        let name = URL(fileURLWithPath: signature.file).lastPathComponent
        try await app.db.audit(nil, "registry.export", "registry", nil, ExportService.auditSummary(name, bytes) + " from the console")
        context.console.output("Written \(signature.file) (\(bytes.count) bytes)".consoleText())
    }
}

extension ImportService.Actor {
    /// Imports from the command line are recorded as "console".
    static let console = ImportService.Actor(userID: nil, name: "console", email: "console")
}

/// A command's refusal: one plain line, and a failing exit code.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A whole file read straight into one byte array (reading it as `Data` first would hold it twice).
enum FileBytes {
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let got = Foundation.read(descriptor, buffer.baseAddress! + done, size - done)
                if got <= 0 { failed = got < 0; break }
                done += got
            }
            count = done
        }
        return failed ? nil : bytes
    }
}

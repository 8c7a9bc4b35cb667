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

    struct Failure: Error, CustomStringConvertible { let description: String }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let bytes = FileBytes.read(signature.file) else {
            throw Failure(description: "file: cannot read \(signature.file)")
        }
        let started = Date()
        let report = try await ImportService(db: app.db, search: nil)
            .run(bytes, dryRun: signature.dryRun, actor: .init(userID: nil, name: "lumbung import", email: "command line"))
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        if report.succeeded {
            let line = "\(signature.dryRun ? "Dry run: nothing saved. " : "")\(report.rows) rows: \(report.created) created, \(report.updated) updated, \(report.unchanged) unchanged (\(seconds) s)"
            context.console.output(line.consoleText())
        } else {
            for problem in report.problems { context.console.error(problem.text(in: .id)) }
            throw Failure(description: "\(report.problems.count) problems; nothing was imported")
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
        let service = ExportService(db: context.application.db)
        let data: Data = signature.file.lowercased().hasSuffix(".csv") ? Data(try await service.csv().utf8) : try await service.xlsx()
        try data.write(to: URL(fileURLWithPath: signature.file))
        let line = "Written \(signature.file) (\(data.count) bytes)"
        context.console.output(line.consoleText())
    }
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

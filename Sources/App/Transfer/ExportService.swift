import Fluent
import Foundation
import LumbungCore
import LumbungSpreadsheet
import Vapor

/// The whole registry (every field the template knows, archived ones too) as XLSX or CSV,
/// in the template's layout so that an exported file can be edited and imported back.
struct ExportService {
    let db: any Database

    func rows() async throws -> [[String]] {
        let agencies = try await Agency.query(on: db).all()
        let codes = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.code) })
        let innovations = try await Innovation.query(on: db).sort(\.$id).all()
        return [ImportTemplate.headers] + innovations.map { i in
            ImportTemplate.row(code: i.code ?? "", agencyCode: codes[i.$agency.id] ?? "", profile: i.profile,
                               status: i.status, isPublic: i.isPublic)
        }
    }

    func xlsx() async throws -> Data {
        try await BackgroundWork.run { try XLSXWriter.write([Sheet(name: "Inovasi", rows: try await rows()), Self.explanationSheet]) }
    }

    func csv() async throws -> String {
        try await BackgroundWork.run { CSVWriter.write(try await rows()) }
    }

    /// What the audit trail says of an export: the file, its size and its SHA-256.
    static func auditSummary(_ fileName: String, _ bytes: [UInt8]) -> String {
        "\(fileName) (\(bytes.count) bytes, SHA-256 \(SHA256.hash(data: bytes).hex))"
    }

    /// The empty template: the header row, and a second sheet that explains every column.
    static func templateXLSX() throws -> Data {
        try XLSXWriter.write([Sheet(name: "Inovasi", rows: [ImportTemplate.headers]), explanationSheet])
    }

    static func templateCSV() -> String {
        CSVWriter.write([ImportTemplate.headers])
    }

    static var explanationSheet: Sheet {
        Sheet(name: "Keterangan", rows: [["kolom", "wajib", "keterangan", "nilai yang diterima"]] + ImportTemplate.columns.map {
            [$0.header, $0.required ? "ya" : "tidak", $0.explanation, $0.allowedValues]
        })
    }
}

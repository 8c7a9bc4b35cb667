import Fluent
import LumbungCore
import SQLKit
import Vapor

/// Failed logins counted in the database, one atomic statement per key, so that any number of
/// simultaneous failures (on one instance or several) all count and none ends in an error.
struct LoginThrottleStore {
    let db: any Database
    let throttle: LoginThrottle

    /// When the first of `keys` may try again, or nil when all may try now.
    func lockedUntil(_ keys: [String], now: Date) async throws -> Date? {
        let records = try await LoginThrottleRecord.query(on: db).filter(\.$key ~~ keys).all()
        return records.compactMap { throttle.lockedUntil($0.record, now: now) }.max()
    }

    /// Counts one failure for each key. A count whose window has passed, or whose lockout has
    /// run out, starts again at one (`LoginThrottle.recordingFailure`, here as one upsert).
    func recordFailure(_ keys: [String], now: Date) async throws {
        let sql = db as! any SQLDatabase
        let table = LoginThrottleRecord.schema
        let windowStart = now.addingTimeInterval(-throttle.window)
        let lockedUntil = now.addingTimeInterval(throttle.lockout)
        for key in keys {
            // Starts afresh when the first failure is older than the window or a lockout has ended.
            let stale = SQLBinaryExpression(
                SQLBinaryExpression(SQLColumn("first_failure_at", table: table), .lessThan, SQLBind(windowStart)),
                .or,
                SQLBinaryExpression(
                    SQLBinaryExpression(SQLColumn("locked_until", table: table), .isNot, SQLLiteral.null),
                    .and,
                    SQLBinaryExpression(SQLColumn("locked_until", table: table), .lessThanOrEqual, SQLBind(now))))
            let failures = SQLBinaryExpression(SQLColumn("failures", table: table), .add, SQLLiteral.numeric("1"))
            let row = try await sql.insert(into: table)
                .columns("key", "failures", "first_failure_at", "locked_until")
                .values(SQLBind(key), SQLLiteral.numeric("1"), SQLBind(now), SQLLiteral.null)
                .onConflict(with: ["key"]) { update in
                    update
                        .set("failures", to: SQLCaseWhen(stale, then: SQLLiteral.numeric("1"), else: failures))
                        .set("first_failure_at", to: SQLCaseWhen(stale, then: SQLBind(now), else: SQLColumn("first_failure_at", table: table)))
                        .set("locked_until", to: SQLCaseWhen(stale, then: SQLLiteral.null, else: SQLColumn("locked_until", table: table)))
                }
                .returning("failures")
                .first()
            let count = try row?.decode(column: "failures", as: Int.self) ?? 1
            if count >= throttle.maxFailures {
                try await sql.update(table).set("locked_until", to: SQLBind(lockedUntil))
                    .where("key", .equal, SQLBind(key)).run()
            }
        }
    }

    func clear(_ keys: [String], on db: any Database) async throws {
        try await LoginThrottleRecord.query(on: db).filter(\.$key ~~ keys).delete()
    }

    /// Removes counts that no longer matter; run on a schedule by `serve`.
    func removeStale(now: Date) async throws {
        let horizon = now.addingTimeInterval(-max(throttle.window, throttle.lockout))
        try await LoginThrottleRecord.query(on: db).filter(\.$firstFailureAt < horizon)
            .group(.or) { $0.filter(\.$lockedUntil == nil).filter(\.$lockedUntil < now) }.delete()
    }
}

/// `CASE WHEN condition THEN a ELSE b END`.
struct SQLCaseWhen: SQLExpression {
    let condition: any SQLExpression
    let then: any SQLExpression
    let otherwise: any SQLExpression

    init(_ condition: any SQLExpression, then: any SQLExpression, else otherwise: any SQLExpression) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
    }

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("CASE WHEN ")
        condition.serialize(to: &serializer)
        serializer.write(" THEN ")
        then.serialize(to: &serializer)
        serializer.write(" ELSE ")
        otherwise.serialize(to: &serializer)
        serializer.write(" END")
    }
}

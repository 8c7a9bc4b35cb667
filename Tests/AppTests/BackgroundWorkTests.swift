import Foundation
import Testing
@testable import App

extension AppTests {
    /// Long work (the index build, imports, exports) runs on threads of its own, not on those
    /// that answer requests.
    @Suite struct BackgroundWorkTests {
        /// The name the kernel knows the current thread by (NIO's thread pools name theirs
        /// "TP-#n"; its shared pool, which SQLite uses, "SGLTN-TP-#n").
        static func threadName() -> String {
            let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
            return name.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        @Test func workItsChildTasksAndWhatFollowsAnAwaitRunOnTheBackgroundThreads() async throws {
            let outside = Self.threadName()
            let names = try await BackgroundWork.run {
                let first = Self.threadName()
                try await Task.sleep(for: .milliseconds(5))
                let afterAwait = Self.threadName()
                let children = await withTaskGroup(of: String.self) { group in
                    for _ in 0..<8 { group.addTask { Self.threadName() } }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                return [first, afterAwait] + children
            }
            #expect(names.count == 10)
            #expect(names.allSatisfy { $0.hasPrefix("TP-#") }, "\(names)")
            #expect(!outside.hasPrefix("TP-#"))
        }
    }
}

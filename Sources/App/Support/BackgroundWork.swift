import NIOCore
import NIOPosix

/// Threads of their own for work that keeps a processor busy for seconds: building the
/// catalogue's index, reading an import, writing an export. Such work never runs on the
/// threads that answer requests, so `/health` and every page keep answering meanwhile.
///
/// Run a piece of work there with `BackgroundWork.run { … }`: everything it does until it
/// returns, its child tasks included, runs on these threads, and it resumes there after each
/// database read.
final class BackgroundWork: TaskExecutor {
    static let shared = BackgroundWork(threads: System.coreCount)

    private let pool: NIOThreadPool

    /// A pool that lives as long as the process (the shared one is never shut down).
    private init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        pool.submit { _ in job.runSynchronously(on: executor) }
    }

    /// Runs `work` on the background threads and returns its result to the caller.
    static func run<Result>(_ work: () async throws -> Result) async rethrows -> Result {
        try await withTaskExecutorPreference(shared) { try await work() }
    }
}

/// The outcome of checking input: the value, or every problem found. Like `Result`, but the
/// problems are plain data (a list or a dictionary), not an `Error`.
public enum Validated<Value, Problems> {
    case success(Value)
    case failure(Problems)

    public struct Invalid: Error {
        public let problems: Problems
    }

    /// The value, or a thrown `Invalid` carrying the problems.
    public func get() throws -> Value {
        switch self {
        case .success(let value): return value
        case .failure(let problems): throw Invalid(problems: problems)
        }
    }
}

extension Validated: Sendable where Value: Sendable, Problems: Sendable {}
extension Validated.Invalid: Sendable where Problems: Sendable {}

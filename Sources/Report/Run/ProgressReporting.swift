/// How long-running commands say how far they are, without knowing where it is shown:
/// the command line draws a bar on a terminal, log lines otherwise, or nothing (--quiet).
public struct ProgressStep: Sendable {
    /// Steps finished so far, out of `total`.
    public var completed: Int
    public var total: Int
    /// What was just finished, e.g. a series id or a file name.
    public var item: String

    public init(completed: Int, total: Int, item: String) {
        self.completed = completed; self.total = total; self.item = item
    }
}

public typealias ProgressHandler = @Sendable (ProgressStep) -> Void

public enum Progress {
    public static let silent: ProgressHandler = { _ in }
}

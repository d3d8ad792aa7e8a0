import Foundation

/// A run stopped by a signal, at a point where it could stop cleanly.
public struct RunInterrupted: Error, Sendable {
    public let signal: Int32
}

/// What a stopped run had done to its targets, for the message the command prints.
public enum InterruptionOutcome: Sendable, Equatable {
    /// Nothing was published: every target holds what it held before the run.
    case nothingPublished
    /// The run had already published these folders when it stopped; they are complete.
    case published([String])
}

/// The staging folders and files of work in progress in this process, and the stop
/// protocol for signals.
///
/// A signal only sets a flag (`requestStop`): the run notices it at its next write or
/// before publishing, throws `RunInterrupted`, and unwinds as from any error, so the
/// workers have stopped before its staging folders are removed. If the run does not unwind
/// in time (a long fit with nothing to write), `stopNow` removes what is registered, under
/// the same lock as publishing, so it never races a commit: each folder is first renamed
/// aside, so a writer still running cannot recreate it, then deleted. Leftovers of a process
/// killed outright (`kill -9`) are removed by the next run in the same folder (`recover`).
public enum StagingRegistry {
    private static let lock = NSLock()
    /// Held while a folder is published, and by `stopNow`: a stop waits for a commit.
    private static let publishing = NSLock()
    nonisolated(unsafe) private static var active: [String] = []
    nonisolated(unsafe) private static var stopSignal: Int32?
    nonisolated(unsafe) private static var publishedTargets: [String] = []

    /// The signal that asked this process to stop, if any.
    public static var interruption: Int32? {
        lock.lock(); defer { lock.unlock() }
        return stopSignal
    }

    /// A cancellation point: throws once a stop was requested.
    public static func checkInterrupted() throws {
        if let signal = interruption { throw RunInterrupted(signal: signal) }
    }

    /// Asks the run to stop at its next cancellation point (the first signal wins).
    public static func requestStop(signal: Int32) {
        lock.lock(); if stopSignal == nil { stopSignal = signal }; lock.unlock()
    }

    /// Tests only: forget a stop request made to exercise the protocol.
    static func clearStopRequestForTesting() {
        lock.lock(); stopSignal = nil; publishedTargets = []; lock.unlock()
    }

    /// What this process has published so far, for the stop message.
    public static var outcome: InterruptionOutcome {
        lock.lock(); defer { lock.unlock() }
        return publishedTargets.isEmpty ? .nothingPublished : .published(publishedTargets)
    }

    static func register(_ url: URL) {
        lock.lock(); active.append(url.path); lock.unlock()
    }

    static func unregister(_ url: URL) {
        lock.lock(); active.removeAll { $0 == url.path }; lock.unlock()
    }

    static func published(_ target: URL) {
        lock.lock(); publishedTargets.append(target.path); lock.unlock()
    }

    static func whilePublishing<T>(_ body: () throws -> T) rethrows -> T {
        publishing.lock(); defer { publishing.unlock() }
        return try body()
    }

    /// Removes every registered staging folder or file now, for a run that did not stop
    /// by itself; the caller then exits. Waits for a commit in progress to finish first.
    @discardableResult
    public static func stopNow(signal: Int32) -> InterruptionOutcome {
        requestStop(signal: signal)
        publishing.lock()  // never released: the process is about to exit
        lock.lock()
        let paths = active
        active = []
        lock.unlock()
        for path in paths {
            let url = URL(fileURLWithPath: path)
            let aside = url.deletingLastPathComponent()
                .appendingPathComponent(url.lastPathComponent.replacingOccurrences(of: ".partial-", with: ".discard-"))
            let doomed = rename(path, aside.path) == 0 ? aside.path : path
            for _ in 0..<3 where FileManager.default.fileExists(atPath: doomed) {
                try? FileManager.default.removeItem(atPath: doomed)
            }
        }
        return outcome
    }

    /// For a run that stopped by itself and is about to exit: a late `stopNow` (the grace
    /// timer) then waits instead of printing a second message.
    public static func holdForExit() {
        publishing.lock()
    }

    /// Clears what processes that no longer exist left beside `name` in `parent`: their
    /// `.partial-` and `.discard-` folders or files are removed; a `.previous-` folder (a
    /// two-rename publish cut between its renames) is put back as `name` when `name` is
    /// missing, and removed otherwise.
    static func recover(in parent: URL, name: String) {
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        let target = parent.appendingPathComponent(name).path
        for entry in entries {
            for marker in [".\(name).partial-", ".\(name).discard-", ".\(name).previous-"] where entry.hasPrefix(marker) {
                guard let pid = Int32(entry.dropFirst(marker.count)), pid != getpid(), !isAlive(pid) else { continue }
                let path = parent.appendingPathComponent(entry).path
                var status = stat()
                if marker.hasSuffix("previous-"), lstat(target, &status) != 0 {
                    _ = rename(path, target)
                } else {
                    try? FileManager.default.removeItem(atPath: path)
                }
            }
        }
    }

    private static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

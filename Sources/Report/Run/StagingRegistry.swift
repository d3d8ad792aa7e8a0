import Foundation

/// The staging folders of runs in progress in this process, so that an interrupted run
/// (Ctrl-C, a kill from a scheduler) can remove them before exiting, and the staging
/// folders that a killed process could not remove are cleared by the next run.
public enum StagingRegistry {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var active: [String] = []
    nonisolated(unsafe) private static var interrupted = false

    /// True once `removeAll` ran: writers must stop rather than recreate a removed folder.
    static var isInterrupted: Bool {
        lock.lock(); defer { lock.unlock() }
        return interrupted
    }

    static func register(_ url: URL) {
        lock.lock(); active.append(url.path); lock.unlock()
    }

    static func unregister(_ url: URL) {
        lock.lock(); active.removeAll { $0 == url.path }; lock.unlock()
    }

    /// Removes every staging folder still registered; for the interrupt handler, after
    /// which the process exits. Targets are never touched: they hold the previous run.
    public static func removeAll() {
        lock.lock()
        interrupted = true
        let paths = active
        active = []
        lock.unlock()
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Removes `.<name>.partial-<pid>` and `.<name>.previous-<pid>` folders in `parent` left by
    /// processes that no longer exist (killed with no chance to clean up). A `.previous-`
    /// folder is removed only when the target exists, i.e. the new run did land.
    static func removeStale(in parent: URL, name: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        let targetExists = FileManager.default.fileExists(atPath: parent.appendingPathComponent(name).path)
        for entry in entries {
            for marker in [".\(name).partial-", ".\(name).previous-"] where entry.hasPrefix(marker) {
                guard let pid = Int32(entry.dropFirst(marker.count)), pid != getpid(), !isAlive(pid) else { continue }
                if marker.hasSuffix("previous-") && !targetExists { continue }
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
            }
        }
    }

    private static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

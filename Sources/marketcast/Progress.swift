import Foundation
import Report

/// Shows a command's progress on stderr: a bar redrawn in place when stderr is a terminal,
/// one plain line per step otherwise (logs, CI), nothing with --quiet.
final class ProgressDisplay: @unchecked Sendable {
    enum Style { case bar, lines, none }

    private let style: Style
    private let label: String
    private let lock = NSLock()
    private var drewBar = false

    init(label: String, quiet: Bool) {
        self.label = label
        if quiet {
            style = .none
        } else {
            style = isatty(2) == 1 ? .bar : .lines
        }
    }

    var handler: ProgressHandler {
        { [self] step in self.show(step) }
    }

    private func show(_ step: ProgressStep) {
        lock.lock(); defer { lock.unlock() }
        switch style {
        case .none:
            return
        case .lines:
            write("marketcast: \(label) \(step.completed)/\(step.total) \(step.item)\n")
        case .bar:
            let width = 30
            let filled = step.total > 0 ? min(width, width * step.completed / step.total) : width
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            // \r returns to the line start; \u{1B}[K clears what a longer item name left behind.
            write("\r\(label) [\(bar)] \(step.completed)/\(step.total) \(step.item)\u{1B}[K")
            drewBar = true
            if step.completed >= step.total { write("\n"); drewBar = false }
        }
    }

    /// Ends a bar that stopped short (a failure), so the error starts on its own line.
    func end() {
        lock.lock(); defer { lock.unlock() }
        if drewBar { write("\n"); drewBar = false }
    }

    private func write(_ text: String) {
        StandardStreams.err(text)
    }
}

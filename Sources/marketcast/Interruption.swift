import Dispatch
import Foundation
import Report

/// Ctrl-C or a TERM signal: the run stops at its next write, its staging folders are removed
/// and the process exits with the shell's status for the signal (130, 143), saying what
/// really happened to the output. The signals are taken from the default handler and
/// delivered to a dispatch queue, so this is ordinary code rather than a signal handler.
///
/// The first signal asks the run to stop (StagingRegistry.requestStop) and the run unwinds
/// as from an error, so no worker is still writing when its folder is removed. A run that
/// has not stopped `grace` later (a long fit with nothing to write), or a second signal,
/// stops it at once: StagingRegistry.stopNow removes the staging folders, waiting for a
/// publish in progress to finish so that the message is true.
enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let grace: DispatchTimeInterval = .seconds(2)

    static func install() {
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                if StagingRegistry.interruption != nil { stopNow(signalNumber) }
                StagingRegistry.requestStop(signal: signalNumber)
                DispatchQueue.global().asyncAfter(deadline: .now() + grace) { stopNow(signalNumber) }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The line printed when a run stops: what the output folders hold now.
    static func message(signal: Int32, outcome: InterruptionOutcome) -> String {
        let name = signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
        switch outcome {
        case .nothingPublished:
            return "marketcast: interrupted (\(name)); nothing was published, the previous output is untouched\n"
        case .published(let folders):
            return "marketcast: interrupted (\(name)) after publishing \(folders.joined(separator: ", ")); that output is complete\n"
        }
    }

    /// Exit status of a process stopped by `signal`, as a shell reports it.
    static func status(_ signal: Int32) -> Int32 { 128 + signal }

    private static func stopNow(_ signalNumber: Int32) -> Never {
        let outcome = StagingRegistry.stopNow(signal: signalNumber)
        StandardStreams.err("\n" + message(signal: signalNumber, outcome: outcome))
        fflush(stderr)
        // _exit: the other threads are still running; atexit handlers and stdio flushing
        // must not run under them.
        _exit(status(signalNumber))
    }
}

import Dispatch
import Foundation
import Report

/// Ctrl-C or a TERM signal during a run removes the run's staging folder and exits with
/// the shell's status for the signal (130, 143), leaving the previous output as it was.
/// The signals are taken from the default handler and delivered to a dispatch queue, so
/// the cleanup runs as ordinary code rather than inside a signal handler.
enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                StagingRegistry.removeAll()
                FileHandle.standardError.write(Data(
                    "\nmarketcast: interrupted; nothing was written, the previous output is untouched\n".utf8))
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}

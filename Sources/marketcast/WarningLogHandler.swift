import Foundation
import Logging
import MarketData
import Report

/// The run's log on stderr, without the timestamps and labels of swift-log's
/// StreamLogHandler, so the output of two runs stays comparable: progress as
/// `marketcast: …`, and warnings and errors as the diagnostics they are, printed by the one
/// printer like the errors a command throws. A warning is never recognised by its text: the
/// run logs it as a `Diagnostic` (`Logger.log(_:)`, carried in the metadata), and a
/// warning logged as plain text is a diagnostic of no file with that text as its message.
struct WarningLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let severity: Diagnostic.Severity
        switch event.level {
        case .trace, .debug, .info, .notice:
            StandardStreams.err("marketcast: \(event.message)\n")
            return
        case .warning: severity = .warning
        case .error, .critical: severity = .error
        }
        let diagnostic = event.metadata?.diagnostic
            ?? Diagnostic(SourceLocation(file: ""), "\(event.message)", severity: severity)
        CommandLineOutput.printLogged(diagnostic)
    }
}

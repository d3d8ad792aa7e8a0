import Foundation
import Logging

/// Log lines as `marketcast: warning: …`, like the compiler's, without the timestamps and
/// labels of swift-log's StreamLogHandler: the output of two runs stays comparable and the
/// warnings read like the errors.
struct WarningLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let text = "\(event.message)"
        let level = event.level
        // Messages that already start with a location (`file:line: warning: …`) keep it.
        let line: String
        switch level {
        case .trace, .debug, .info, .notice:
            line = "marketcast: \(text)"
        case .warning:
            line = text.contains(": warning: ") ? text : "marketcast: warning: \(text)"
        case .error, .critical:
            line = text.contains(": error: ") ? text : "marketcast: error: \(text)"
        }
        StandardStreams.err((line + "\n"))
    }
}

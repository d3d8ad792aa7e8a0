import Logging
import MarketData

/// A run's warnings go to the log as the `Diagnostic`s they are, carried whole in the
/// event's metadata: the command line prints them with its one printer, so a location, a
/// severity or a hint is never read back out of a line of text.
extension Logger {
    /// The metadata key an event's diagnostic is carried under.
    public static let diagnosticKey = "diagnostic"

    /// Logs `diagnostic` at its severity's level; its message is the event's text, for a
    /// handler that knows nothing of diagnostics.
    public func log(_ diagnostic: Diagnostic) {
        log(level: diagnostic.severity == .error ? .error : .warning, "\(diagnostic.message)",
            metadata: [Self.diagnosticKey: .stringConvertible(diagnostic)])
    }

    /// A warning about the run itself rather than a place in a file (a fit that met its
    /// bounds, a crowded page).
    public func warning(concerningNoFile message: String) {
        log(Diagnostic(SourceLocation(file: ""), message, severity: .warning))
    }
}

extension Logger.Metadata {
    /// The diagnostic `Logger.log(_:)` put in an event's metadata, if any.
    public var diagnostic: Diagnostic? {
        guard case .stringConvertible(let value)? = self[Logger.diagnosticKey] else { return nil }
        return value as? Diagnostic
    }
}

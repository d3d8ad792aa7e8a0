import MarketData

/// A `fit` request the library refuses: an option's value (FitRequest, the `--model` argument), or what
/// the options ask of the data (a model that needs a year column, a horizon before the last
/// point). It names the option as the command line spells it, so the command prints it as
/// it is; errors about the data themselves are located `Diagnostic`s instead.
public struct FitError: DiagnosticConvertible, Sendable, Equatable {
    /// One sentence naming the option, e.g. "--level must lie strictly between 0 and 1 …".
    public var message: String

    public init(_ message: String) { self.message = message }

    public var diagnostics: [Diagnostic] { [Diagnostic(file: "", message)] }
}

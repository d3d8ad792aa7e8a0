// The deck's errors as diagnostics, so the command line's one printer renders them like
// every other layer's: a template names its file.
import MarketData

extension DeckError: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { [Diagnostic(file: "", description)] }
}

extension DeckTemplateError: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] {
        switch self {
        case let .unreadable(path, reason):
            return [Diagnostic(file: path, "cannot use as a deck template: \(reason)")]
        }
    }
}

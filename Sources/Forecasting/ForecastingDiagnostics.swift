// The errors of Forecasting and of Numerics below it, as diagnostics: the one printer
// (and batch.csv, and `fit --json`) renders every layer's errors alike. They concern no
// file of their own (a fit knows numbers, not where they came from), so they carry no
// location; a caller that knows the file or the formula's text places them.
import MarketData
import Numerics

// Numerics knows no Diagnostic (it depends on nothing but LAPACK); Forecasting, the module
// over both, says how its errors read.
extension NumericsError: DiagnosticConvertible {
    /// A formula error's `column` is in text only the caller has (fit's `--model`): the
    /// caller locates it (FitCommand), this gives the message alone.
    public var diagnostics: [Diagnostic] { [Diagnostic(file: "", message)] }
}

extension YearlyMethodError: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { [Diagnostic(file: "", description)] }
}

extension YearlyForecastError: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { [Diagnostic(file: "", description)] }
}

extension GapFilling.GapTooLong: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] {
        [Diagnostic(file: "", "no value between \(after) and \(before): \(before - after - 1) years in a row are missing, and at most \(GapFilling.maximumGap) are filled",
                    hint: "add the missing years, or forecast from the years after the gap alone")]
    }
}

extension SensitivityError: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] {
        switch failure {
        case let .tooFewActuals(parameters, actuals):
            return [Diagnostic(file: "", "the model has \(parameters) free parameters and the fit window only \(actuals) actual values",
                               hint: "a curve needs more actual values than free parameters to leave a residual")]
        case let .tooFewForMethod(needs, actuals):
            return [Diagnostic(file: "", "the method needs \(needs) yearly values and the fit window has \(actuals)")]
        case .failed(let message):
            return [Diagnostic(file: "", message)]
        }
    }
}

extension NaturalBoundsError: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { [Diagnostic(file: "", description)] }
}

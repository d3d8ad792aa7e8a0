import Forecasting

/// `marketcast fit` as a library call: a checked request in, the report out, as the
/// table people read and the JSON document scripts read. The command only parses options
/// into a FitRequest and prints what this returns; tests call it in-process.
public enum Fit {
    /// Reads the data, fits (a yearly method or `auto`: their forecast; a growth curve,
    /// `curves` or a formula: the curve with its uncertainty) and forecasts. Throws for input
    /// it cannot fit (a `Diagnostic` located in the data, a `NumericsError` located in the
    /// formula, a `FitError` naming the option); a fit that ran but did not converge is a
    /// result whose `failure` says why.
    public static func run(_ request: FitRequest) throws -> FitResult {
        if case .yearly(let model) = request.model {
            return FitResult(report: .yearly(try YearlyFitReport.build(request, model: model)))
        }
        return FitResult(report: .curve(try FitReportBuilder.build(request)))
    }
}

/// What one fit found, with its two renderings.
public struct FitResult {
    enum Report {
        case curve(FitReport)
        case yearly(YearlyFitReport)
    }

    let report: Report

    /// The aligned table `fit` prints for people, ending in a newline.
    public var table: String {
        switch report {
        case .curve(let report): return report.table()
        case .yearly(let report): return report.table()
        }
    }

    /// The one JSON object `fit --json` prints (sorted keys: the same fit, the same bytes).
    public func json() throws -> String {
        switch report {
        case .curve(let report): return try FitJSON.encode(FitDocument(report))
        case .yearly(let report): return try FitJSON.encode(report)
        }
    }

    /// Why the command must exit non-zero although there is a result: a curve fit that did
    /// not converge or whose parameters the data do not determine. Nil for a yearly method,
    /// which either forecasts or throws.
    public var failure: String? {
        if case .curve(let report) = report { return report.failure }
        return nil
    }

    /// With `benchRepeat`: the median time per fit.
    public var benchmark: FitBenchmark? {
        if case .curve(let report) = report { return report.benchmark }
        return nil
    }
}

import Forecasting
import Numerics

/// Everything `marketcast fit` found, in the form both writers (table and JSON) read:
/// the fit, what it was fitted to, the forecasts and, when asked for, the bootstrap and
/// the model selection.
struct FitReport {
    /// The model's name: the catalog name (the chosen one with `auto`) or the formula.
    var label: String
    /// The model written out (a catalog model's formula and parameter meanings).
    var description: String
    var curve: CurveFit
    var warnings: [String]
    /// The predictor values the fit used (forecasts continue after the largest).
    var x: [Double]
    var file: String
    var xName: String?
    var yName: String
    var level: Double
    var forecast: [FitForecastRow] = []
    var bootstrap: BootstrapResult? = nil
    var selection: FitSelection? = nil
    /// With --bench-repeat: the median time per fit.
    var benchmark: FitBenchmark? = nil

    var result: LeastSquaresResult { curve.result }

    /// Why the command must exit non-zero, if it must: a fit that stopped without meeting
    /// a convergence test, or one whose parameters the data do not determine.
    var failure: String? {
        if !result.converged { return "the fit did not converge: \(result.reason)" }
        if result.rankDeficient {
            return "the Jacobian is singular at the solution (rank \(result.rank) of \(result.parameters.count)): some parameters are not determined by the data; fix them or simplify the model"
        }
        return nil
    }

    var converged: Bool { failure == nil }

    /// The two-sided Student-t multiplier for `level` at the fit's degrees of freedom.
    var tQuantile: Double {
        StudentT.quantile(0.5 + level / 2, degreesOfFreedom: Double(result.degreesOfFreedom))
    }

    /// The t-based confidence interval of parameter `k`: estimate ± t·(standard error).
    func parameterInterval(_ k: Int) -> (lower: Double, upper: Double) {
        let se = result.standardErrors[k], value = result.parameters[k]
        return (value - tQuantile * se, value + tQuantile * se)
    }

    var residualStandardDeviation: Double { result.residualVariance.squareRoot() }
}

/// One forecast year: the curve's value, the prediction interval of a new observation,
/// the confidence interval of the curve, and the bootstrap's percentile interval of the
/// curve when a bootstrap was run.
struct FitForecastRow {
    var x: Double
    var value: Double
    var lower: Double
    var upper: Double
    var confidenceLower: Double
    var confidenceUpper: Double
    var bootstrapLower: Double? = nil
    var bootstrapUpper: Double? = nil
}

/// `--bench-repeat`'s measurement: the median wall time of one fit over the repeats.
public struct FitBenchmark: Sendable, Equatable {
    public var medianSeconds: Double
    public var repeats: Int
}

/// What `--model auto` weighed: every catalog model and why one was chosen.
struct FitSelection {
    var candidates: [ModelCandidate]
    var reason: String
}

// A fitted curve y = f(x; θ̂) of one predictor: predictions, delta-method intervals and
// information criteria. Shared by catalog models (GrowthFit) and user formulas.
import Foundation

/// The least-squares problem a fit solved, kept so that resampling methods can re-solve
/// it with a different response.
public struct FitProblem: Sendable {
    /// The fitted formula (log(model) with a log response).
    let program: CompiledFormula
    let columns: [[Double]]
    /// Response on the fitted scale (log y with a log response); data rows first, then
    /// pseudo-observations.
    let response: [Double]
    let weights: [Double]?
    let constraints: ParameterConstraints
    /// How many leading rows are data (the rest are pseudo-observations).
    let dataCount: Int
    let solver: LevenbergMarquardtOptions
}

public struct CurveFit: Sendable {
    /// The model as given (log not applied): what predictions evaluate.
    public let formula: Formula
    public let program: CompiledFormula
    /// Index of the predictor among the formula's variables.
    public let predictorIndex: Int
    public let result: LeastSquaresResult
    /// The fit was made to log(y) with log(f) as the model (multiplicative errors).
    public let logResponse: Bool
    public let problem: FitProblem

    init(formula: Formula, predictorIndex: Int, result: LeastSquaresResult, logResponse: Bool, problem: FitProblem) {
        self.formula = formula
        self.problem = problem
        // With a linear response the fitted program is the model's: no need to compile twice.
        self.program = logResponse ? formula.compiled() : problem.program
        self.predictorIndex = predictorIndex
        self.result = result
        self.logResponse = logResponse
    }

    public var parameterNames: [String] { result.parameterNames }
    public var parameters: [Double] { result.parameters }
    public var standardErrors: [Double] { result.standardErrors }
    public var residualSumOfSquares: Double { result.residualSumOfSquares }
    public var degreesOfFreedom: Int { result.degreesOfFreedom }

    /// Number of estimated parameters plus one for the error variance.
    private var informationParameterCount: Int {
        result.observationCount - result.degreesOfFreedom + 1
    }

    /// An exact fit (RSS = 0) would make the criteria −∞; the smallest normal double
    /// keeps them finite and still far below any real fit, so ties go to fewer parameters.
    private var flooredRSS: Double { max(result.residualSumOfSquares, Double.leastNormalMagnitude) }

    /// Akaike's criterion with the small-sample correction, for Gaussian errors:
    /// n·ln(RSS/n) + 2k + 2k(k+1)/(n−k−1), k = estimated parameters + 1. NaN when n ≤ k+1.
    public var aicc: Double {
        let n = Double(result.observationCount), k = Double(informationParameterCount)
        guard n - k - 1 > 0, result.residualSumOfSquares.isFinite else { return .nan }
        return n * log(flooredRSS / n) + 2 * k + 2 * k * (k + 1) / (n - k - 1)
    }

    /// Schwarz's criterion n·ln(RSS/n) + k·ln(n).
    public var bic: Double {
        let n = Double(result.observationCount), k = Double(informationParameterCount)
        guard n > 0, result.residualSumOfSquares.isFinite else { return .nan }
        return n * log(flooredRSS / n) + k * log(n)
    }

    /// The model value and its gradient w.r.t. the parameters at x.
    public func valueAndGradient(at x: Double) -> (value: Double, gradient: [Double]) {
        var variables = [Double](repeating: 0, count: max(program.variableCount, 1))
        if predictorIndex < variables.count { variables[predictorIndex] = x }
        let evaluator = FormulaEvaluator(program, rows: 1)
        var value = [0.0]
        var gradient = [Double](repeating: 0, count: program.parameterCount)
        evaluator.evaluate(parameters: result.parameters, data: Array(variables.prefix(program.variableCount)),
                           into: &value, jacobian: &gradient)
        return (value[0], gradient)
    }

    /// The fitted curve at x (on the original scale; with a log response this is the median).
    public func predict(_ x: Double) -> Double { valueAndGradient(at: x).value }

    /// Delta-method interval for the curve itself at x: f ± t·√(gᵀ Σ g). With a log
    /// response the interval is built for log f and transformed back (so it is asymmetric).
    /// NaN bounds when the covariance is not available (rank deficiency, no dof).
    public func confidenceInterval(at x: Double, level: Double) -> (lower: Double, upper: Double) {
        interval(at: x, level: level, addResidualVariance: false)
    }

    /// Delta-method interval for a new observation at x (curve variance + residual variance).
    public func predictionInterval(at x: Double, level: Double) -> (lower: Double, upper: Double) {
        interval(at: x, level: level, addResidualVariance: true)
    }

    private var covarianceIsUsable: Bool {
        result.degreesOfFreedom > 0 && result.rank > 0 && !result.rankDeficient
    }

    private func interval(at x: Double, level: Double, addResidualVariance: Bool) -> (lower: Double, upper: Double) {
        guard level > 0, level < 1, covarianceIsUsable else { return (.nan, .nan) }
        let (value, gradient) = valueAndGradient(at: x)
        // For log f the gradient is g / f.
        let g = logResponse ? gradient.map { $0 / value } : gradient
        let p = g.count
        var variance = 0.0
        for i in 0..<p { for j in 0..<p { variance += g[i] * result.covariance[i, j] * g[j] } }
        if addResidualVariance { variance += result.residualVariance }
        let t = StudentT.quantile(0.5 + level / 2, degreesOfFreedom: Double(result.degreesOfFreedom))
        let half = t * max(variance, 0).squareRoot()
        if logResponse {
            let center = log(value)
            return (exp(center - half), exp(center + half))
        }
        return (value - half, value + half)
    }
}

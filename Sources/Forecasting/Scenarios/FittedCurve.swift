// What the scenario fitter needs of a fitted curve, whether it came from the catalog
// (GrowthFit) or from an analyst's formula (FormulaCurveFit).
import Foundation
import Numerics

protocol FittedCurve {
    var model: ForecastModel { get }
    var modelDescription: String { get }
    var parameterNames: [String] { get }
    var parameters: [Double] { get }
    var standardErrors: [Double] { get }
    var residualSumOfSquares: Double { get }
    var degreesOfFreedom: Int { get }
    var aicc: Double { get }
    var bic: Double { get }
    var iterations: Int { get }
    var converged: Bool { get }
    var reason: String { get }
    /// The solver's and the model's warnings; with `ceilingIsSet` (the analyst fixed the
    /// ceiling) without those that say the data do not pin the ceiling down, chosen by their
    /// kind (IdentifiabilityIssue.concernsCeiling), not by their text.
    func warnings(ceilingIsSet: Bool) -> [ForecastWarning]
    /// The catalog's ceiling parameter; nil for formulas and models without one.
    var ceilingParameter: String? { get }
    func predict(_ x: Double) -> Double
    func predictionInterval(at x: Double, level: Double) -> (lower: Double, upper: Double)
}

extension GrowthFit: FittedCurve {
    var model: ForecastModel { .curve(kind) }
    var modelDescription: String { description }
    var ceilingParameter: String? { kind.ceilingParameter }
    func warnings(ceilingIsSet: Bool) -> [ForecastWarning] {
        curve.result.warnings.map(ForecastWarning.fit) + identifiability.filter { !(ceilingIsSet && $0.concernsCeiling) }.map(ForecastWarning.identifiability)
    }
}

/// A least-squares fit of an analyst's formula in the variable `year`, with delta-method
/// prediction intervals (the same construction as Numerics' CurveFit, on the original
/// scale: f ± t·√(gᵀΣg + s²)).
struct FormulaCurveFit: FittedCurve {
    static let variable = ScenarioFormula.variable

    let formula: Formula
    let result: LeastSquaresResult

    /// Fits `text` to (x, y) plus `pseudoObservations`, from `start` (every parameter by name).
    static func fit(_ text: String, x: [Double], y: [Double], options: GrowthFitOptions,
                    start: [String: Double]) throws -> FormulaCurveFit {
        let formula = try Formula(text, variables: [variable])
        let names = formula.parameterNames
        var starts: [Double] = []
        for name in names {
            guard let value = options.fixed[name] ?? start[name] else {
                throw NumericsError(.invalidInput, "parameter '\(name)' of the formula has no start value")
            }
            starts.append(value)
        }
        var xs = x, ys = y
        var weights = options.weights
        if !options.pseudoObservations.isEmpty {
            var w = weights ?? [Double](repeating: 1, count: x.count)
            for o in options.pseudoObservations { xs.append(o.x); ys.append(o.y); w.append(o.weight) }
            weights = w
        }
        let fixed = Set(names.indices.filter { options.fixed[names[$0]] != nil })
        let lower = names.map { options.lowerBounds[$0] ?? -.infinity }
        let upper = names.map { options.upperBounds[$0] ?? .infinity }
        let residuals = try FormulaResiduals(program: formula.compiled(), columns: [xs], response: ys, weights: weights)
        let result = try LevenbergMarquardt.minimize(residuals, start: starts, parameterNames: names,
                                                     constraints: ParameterConstraints(fixed: fixed, lower: lower, upper: upper),
                                                     options: options.solver)
        return FormulaCurveFit(formula: formula, result: result)
    }

    var model: ForecastModel { .formula }
    var modelDescription: String {
        let values = zip(parameterNames, parameters).map { "\($0) = \(String(format: "%.4g", $1))" }.joined(separator: ", ")
        return "y = \(formula.text); \(values)"
    }
    var parameterNames: [String] { result.parameterNames }
    var parameters: [Double] { result.parameters }
    var standardErrors: [Double] { result.standardErrors }
    var residualSumOfSquares: Double { result.residualSumOfSquares }
    var degreesOfFreedom: Int { result.degreesOfFreedom }
    var iterations: Int { result.iterations }
    var converged: Bool { result.converged }
    var reason: String { result.reason }
    func warnings(ceilingIsSet: Bool) -> [ForecastWarning] { result.warnings.map(ForecastWarning.fit) }
    var ceilingParameter: String? { nil }

    private var informationParameterCount: Double { Double(result.observationCount - result.degreesOfFreedom + 1) }
    var aicc: Double {
        let n = Double(result.observationCount), k = informationParameterCount
        guard n - k - 1 > 0, result.residualSumOfSquares > 0 else { return .nan }
        return n * log(result.residualSumOfSquares / n) + 2 * k + 2 * k * (k + 1) / (n - k - 1)
    }
    var bic: Double {
        let n = Double(result.observationCount), k = informationParameterCount
        guard n > 0, result.residualSumOfSquares > 0 else { return .nan }
        return n * log(result.residualSumOfSquares / n) + k * log(n)
    }

    private func valueAndGradient(_ x: Double) -> (Double, [Double]) {
        let program = formula.compiled()
        let evaluator = FormulaEvaluator(program, rows: 1)
        var value = [0.0]
        var gradient = [Double](repeating: 0, count: program.parameterCount)
        evaluator.evaluate(parameters: result.parameters, data: [x], into: &value, jacobian: &gradient)
        return (value[0], gradient)
    }

    func predict(_ x: Double) -> Double { valueAndGradient(x).0 }

    func predictionInterval(at x: Double, level: Double) -> (lower: Double, upper: Double) {
        let estimated = result.standardErrors.filter { !$0.isNaN }.count
        guard level > 0, level < 1, result.degreesOfFreedom > 0, estimated > 0, result.rank >= estimated else {
            return (.nan, .nan)
        }
        let (value, g) = valueAndGradient(x)
        var variance = result.residualVariance
        for i in g.indices { for j in g.indices { variance += g[i] * result.covariance[i, j] * g[j] } }
        let t = StudentT.quantile(0.5 + level / 2, degreesOfFreedom: Double(result.degreesOfFreedom))
        let half = t * max(variance, 0).squareRoot()
        return (value - half, value + half)
    }
}

/// Scenario formulas are written in one variable, the calendar year.
public enum ScenarioFormula {
    public static let variable = "year"
}

// Fits a one-formula model to (x, y) data from several start vectors and keeps the best:
// the common path of catalog models and user formulas. Handles the log response,
// weights, pseudo-observations, fixed and bounded parameters by name.
import Foundation

public enum CurveFitter {
    /// Fits the formula `formulaText` (one predictor per column) from every start vector
    /// `starts` returns and keeps the best fit: the entry point of callers outside the
    /// engine (the growth-curve catalog). `starts` runs after the data are validated, so a
    /// caller's start-value errors come after the data's own.
    public static func fit(formulaText: String, variableNames: [String], columns: [[Double]], y: [Double],
                           parameterNames: [String], options: GrowthFitOptions,
                           defaultLower: [String: Double] = [:], defaultUpper: [String: Double] = [:],
                           starts: () throws -> [[Double]]) throws -> CurveFit {
        let prepared = try prepare(formulaText: formulaText, variableNames: variableNames, columns: columns, y: y,
                                   parameterNames: parameterNames, options: options,
                                   defaultLower: defaultLower, defaultUpper: defaultUpper)
        let result = try bestFit(prepared, starts: try starts(), options: options)
        return CurveFit(formula: prepared.modelFormula, predictorIndex: 0, result: result,
                        logResponse: options.logResponse, problem: prepared.problem)
    }

    struct Prepared {
        /// The model as given (what predictions evaluate).
        let modelFormula: Formula
        /// What is fitted: the model, or log(model) with a log response.
        let formula: Formula
        let residuals: FormulaResiduals
        let constraints: ParameterConstraints
        let fixedValues: [Int: Double]
        let problem: FitProblem
    }

    /// Validates and assembles the least-squares problem. `columns` are the formula's
    /// variables in order (for catalog models: just x).
    static func prepare(formulaText: String, variableNames: [String], columns: [[Double]], y: [Double],
                        parameterNames: [String], options: GrowthFitOptions,
                        defaultLower: [String: Double] = [:], defaultUpper: [String: Double] = [:],
                        parsed: Formula? = nil) throws -> Prepared {
        let n = y.count
        guard n > 0 else { throw NumericsError(.invalidInput, "no data points to fit") }
        for (v, column) in columns.enumerated() {
            guard column.count == n else {
                throw NumericsError(.invalidInput, "column '\(variableNames[v])' has \(column.count) values but the response has \(n)")
            }
            if let i = column.firstIndex(where: { !$0.isFinite }) {
                throw NumericsError(.invalidInput, "column '\(variableNames[v])' value \(column[i]) at point \(i + 1) is not a finite number")
            }
        }
        if let i = y.firstIndex(where: { !$0.isFinite }) {
            throw NumericsError(.invalidInput, "response value \(y[i]) at point \(i + 1) is not a finite number")
        }
        var cols = columns
        var response = y
        var weights: [Double]? = options.weights
        if let w = weights, w.count != n {
            throw NumericsError(.invalidInput, "\(w.count) weights for \(n) data points")
        }
        if !options.pseudoObservations.isEmpty {
            guard columns.count == 1 else {
                throw NumericsError(.invalidInput, "pseudo-observations need a single-predictor model")
            }
            var w = weights ?? [Double](repeating: 1, count: n)
            for o in options.pseudoObservations {
                for v in 0..<cols.count { cols[v].append(o.x) }
                response.append(o.y)
                w.append(o.weight)
            }
            weights = w
        }
        // Zero-weight rows carry no information; dropping them keeps n and dof honest.
        var realCount = n
        if let w = weights, w.contains(0) {
            let keep = w.indices.filter { w[$0] != 0 }
            realCount = keep.filter { $0 < n }.count
            cols = cols.map { c in keep.map { c[$0] } }
            response = keep.map { response[$0] }
            weights = keep.map { w[$0] }
        }
        var text = formulaText
        if options.logResponse {
            if let i = response.firstIndex(where: { !($0 > 0) }) {
                throw NumericsError(.invalidInput,
                                    "--log needs positive values, but the response at point \(i + 1) is \(response[i]); drop that point or fit without --log")
            }
            response = response.map { log($0) }
            text = "log(\(formulaText))"
        }
        // `parsed` (the model formula the caller already parsed) saves parsing it again.
        let modelFormula = try parsed.flatMap { $0.text == formulaText && $0.variableNames == variableNames
                                                && $0.parameterNames == parameterNames ? $0 : nil }
            ?? Formula(formulaText, variables: variableNames, parameterOrder: parameterNames)
        let formula = options.logResponse
            ? try Formula(text, variables: variableNames, parameterOrder: modelFormula.parameterNames)
            : modelFormula
        func index(_ name: String, _ what: String) throws -> Int {
            guard let k = formula.parameterNames.firstIndex(of: name) else {
                throw NumericsError(.invalidInput,
                                    "\(what) names '\(name)', which is not a parameter of the model (parameters: \(formula.parameterNames.joined(separator: ", ")))")
            }
            return k
        }
        let p = formula.parameterNames.count
        var lower = [Double](repeating: -.infinity, count: p)
        var upper = [Double](repeating: .infinity, count: p)
        for (name, v) in defaultLower { if let k = formula.parameterNames.firstIndex(of: name) { lower[k] = v } }
        for (name, v) in defaultUpper { if let k = formula.parameterNames.firstIndex(of: name) { upper[k] = v } }
        for name in options.lowerBounds.keys.sorted() { lower[try index(name, "a lower bound")] = options.lowerBounds[name]! }
        for name in options.upperBounds.keys.sorted() { upper[try index(name, "an upper bound")] = options.upperBounds[name]! }
        var fixedValues: [Int: Double] = [:]
        for name in options.fixed.keys.sorted() {
            let v = options.fixed[name]!
            guard v.isFinite else { throw NumericsError(.invalidInput, "fixed value of \(name) is not a finite number") }
            fixedValues[try index(name, "a fixed value")] = v
        }
        let program = formula.compiled()
        let residuals = try FormulaResiduals(program: program, columns: cols, response: response, weights: weights)
        let constraints = ParameterConstraints(fixed: Set(fixedValues.keys), lower: lower, upper: upper)
        let problem = FitProblem(program: program, columns: cols, response: response, weights: weights,
                                 constraints: constraints, dataCount: realCount, solver: options.solver)
        return Prepared(modelFormula: modelFormula, formula: formula, residuals: residuals,
                        constraints: constraints, fixedValues: fixedValues, problem: problem)
    }

    /// Runs the solver from every start and keeps the converged fit with the smallest RSS
    /// (or, if none converged, the smallest RSS, whose warnings say so).
    static func bestFit(_ prepared: Prepared, starts: [[Double]], options: GrowthFitOptions) throws -> LeastSquaresResult {
        var best: LeastSquaresResult? = nil
        var firstError: Error? = nil
        for var start in starts {
            for (k, v) in prepared.fixedValues { start[k] = v }
            do {
                let fit = try LevenbergMarquardt.minimize(prepared.residuals, start: start,
                                                          parameterNames: prepared.formula.parameterNames,
                                                          constraints: prepared.constraints, options: options.solver)
                guard fit.residualSumOfSquares.isFinite else { continue }
                if let b = best {
                    let better = (fit.converged && !b.converged)
                        || (fit.converged == b.converged && fit.residualSumOfSquares < b.residualSumOfSquares * (1 - 1e-12))
                    if better { best = fit }
                } else {
                    best = fit
                }
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        if let b = best { return b }
        throw firstError ?? NumericsError(.notConverged, "no start values gave a finite fit")
    }
}

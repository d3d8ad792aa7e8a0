// What the Levenberg–Marquardt engine minimises: a vector of residuals r(θ) whose sum of
// squares is the objective, with its Jacobian. Weighted least squares is expressed by the
// residual itself (r_i = √w_i · (f_i(θ) − y_i)), so the engine never sees weights.

public protocol ResidualFunction: AnyObject {
    var residualCount: Int { get }
    var parameterCount: Int { get }
    /// Fills `residuals` (length residualCount) at `parameters`.
    func residuals(at parameters: [Double], into residuals: inout [Double])
    /// Fills residuals and the column-major residualCount × parameterCount Jacobian.
    func residualsAndJacobian(at parameters: [Double], residuals: inout [Double], jacobian: inout [Double])
    /// A fresh instance with its own scratch buffers (for use on another thread).
    func copy() -> Self
    /// How precisely the residual vector's norm can be computed at all: about ε times the
    /// norm of the (weighted) data the residuals are differences from. Changes of ‖r‖
    /// below this are rounding noise. 0 when unknown.
    var roundingLevel: Double { get }
}

/// Residuals √w_i (f(x_i; θ) − y_i) of a compiled formula over a data table.
public final class FormulaResiduals: ResidualFunction {
    public let program: CompiledFormula
    /// `program` with its data-only parts replaced by precomputed columns.
    private let evaluationProgram: CompiledFormula
    /// Column-major rows × (variableCount + precomputed columns).
    public let data: [Double]
    public private(set) var response: [Double]
    public let sqrtWeights: [Double]?
    private let evaluator: FormulaEvaluator
    private var model: [Double]

    public var residualCount: Int { response.count }
    public var parameterCount: Int { program.parameterCount }

    /// `columns[v]` holds variable v for every row. Rows with weight 0 should be removed by
    /// the caller (they would otherwise count as observations).
    public init(program: CompiledFormula, columns: [[Double]], response: [Double], weights: [Double]? = nil) throws {
        let n = response.count
        guard columns.count == program.variableCount else {
            throw NumericsError(.invalidInput, "formula expects \(program.variableCount) variables, got \(columns.count) columns")
        }
        for (v, column) in columns.enumerated() where column.count != n {
            throw NumericsError(.invalidInput, "variable column \(v + 1) has \(column.count) values, the response has \(n)")
        }
        if let w = weights {
            guard w.count == n else {
                throw NumericsError(.invalidInput, "\(w.count) weights for \(n) observations")
            }
            if let i = w.firstIndex(where: { !($0 >= 0) || !$0.isFinite }) {
                throw NumericsError(.invalidInput, "weight \(w[i]) of observation \(i + 1) is not a finite non-negative number")
            }
        }
        self.program = program
        // Parts of the model that depend only on the data are computed here, once, and
        // enter the evaluated program as extra columns.
        let (hoisted, derived) = program.expression.hoistingDataOnlySubtrees(firstIndex: program.variableCount)
        var data: [Double] = []
        data.reserveCapacity(n * (columns.count + derived.count))
        for column in columns { data += column }
        if derived.isEmpty {
            evaluationProgram = program
        } else {
            for d in derived {
                let sub = CompiledFormula(expression: d, parameterCount: 0, variableCount: program.variableCount)
                var column = [Double](repeating: 0, count: n)
                FormulaEvaluator(sub, rows: n).evaluate(parameters: [], data: data, into: &column)
                data += column
            }
            evaluationProgram = CompiledFormula(expression: hoisted, parameterCount: program.parameterCount,
                                                variableCount: program.variableCount + derived.count)
        }
        self.data = data
        self.response = response
        self.sqrtWeights = weights.map { $0.map { $0.squareRoot() } }
        self.evaluator = FormulaEvaluator(evaluationProgram, rows: n)
        self.model = [Double](repeating: 0, count: n)
    }

    private init(copying other: FormulaResiduals) {
        program = other.program
        evaluationProgram = other.evaluationProgram
        data = other.data
        response = other.response
        sqrtWeights = other.sqrtWeights
        evaluator = FormulaEvaluator(other.evaluationProgram, rows: other.response.count)
        model = other.model
    }

    public func copy() -> Self {
        Self(copying: self)
    }

    /// The same model and inputs with a different response (bootstrap resamples).
    public func withResponse(_ y: [Double]) -> FormulaResiduals {
        let other = FormulaResiduals(copying: self)
        if y.count == response.count { other.response = y }
        return other
    }

    /// Replaces the response in place (same length), for resampling.
    func setResponse(_ y: [Double]) {
        if y.count == response.count { response = y }
    }

    /// r_i = √w_i (f_i − y_i) is rounded by about ε·|√w_i y_i| near a fit; in
    /// ‖r‖ = Σ (r_i/‖r‖) r_i those errors add up to at most about ε·max |√w_i y_i|.
    public var roundingLevel: Double {
        var largest = 0.0
        for i in 0..<response.count {
            largest = max(largest, abs((sqrtWeights?[i] ?? 1) * response[i]))
        }
        return Double.ulpOfOne * largest
    }

    /// Model values f(x_i; θ) (unweighted).
    public func modelValues(at parameters: [Double]) -> [Double] {
        evaluator.evaluate(parameters: parameters, data: data, into: &model)
        return model
    }

    public func residuals(at parameters: [Double], into residuals: inout [Double]) {
        evaluator.evaluate(parameters: parameters, data: data, into: &model)
        storeResiduals(into: &residuals)
    }

    public func residualsAndJacobian(at parameters: [Double], residuals: inout [Double], jacobian: inout [Double]) {
        evaluator.evaluate(parameters: parameters, data: data, into: &model, jacobian: &jacobian)
        storeResiduals(into: &residuals)
        if let s = sqrtWeights {
            let n = response.count
            precondition(jacobian.count >= n * parameterCount, "FormulaResiduals: Jacobian buffer too small")
            s.withUnsafeBufferPointer { w in
                jacobian.withUnsafeMutableBufferPointer { jac in
                    for k in 0..<parameterCount { for i in 0..<n { jac[k * n + i] *= w[i] } }
                }
            }
        }
    }

    /// residuals = √w · (model − y), through buffer pointers: these loops run once per
    /// evaluation, and element access to a class's array properties costs checks per row.
    private func storeResiduals(into residuals: inout [Double]) {
        // Local copies (no data is copied) spare the exclusivity checks of class properties.
        let model = self.model, response = self.response
        let n = response.count
        precondition(residuals.count >= n, "FormulaResiduals: residual buffer too small")
        model.withUnsafeBufferPointer { f in
            response.withUnsafeBufferPointer { y in
                residuals.withUnsafeMutableBufferPointer { r in
                    if let s = sqrtWeights {
                        s.withUnsafeBufferPointer { w in for i in 0..<n { r[i] = w[i] * (f[i] - y[i]) } }
                    } else {
                        for i in 0..<n { r[i] = f[i] - y[i] }
                    }
                }
            }
        }
    }
}

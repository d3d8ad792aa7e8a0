// The outcome of a least-squares fit, with the statistics the rest of the product reports.

public struct LeastSquaresResult: Sendable {
    public var parameterNames: [String]
    /// All parameters, fixed ones included, in the model's order.
    public var parameters: [Double]
    /// sqrt(diag((JᵀJ)⁻¹) · RSS/dof); NaN for fixed parameters, parameters at a bound, and
    /// directions the data do not determine (rank deficiency).
    public var standardErrors: [Double]
    /// (JᵀJ)⁺ · RSS/dof over all parameters (zero rows/columns for fixed ones).
    public var covariance: Matrix
    /// Weighted residuals √w (f − y) at the solution.
    public var residuals: [Double]
    public var residualSumOfSquares: Double
    public var observationCount: Int
    /// Observations minus estimated (free) parameters.
    public var degreesOfFreedom: Int
    /// Numerical rank of the Jacobian of the free parameters at the solution.
    public var rank: Int
    /// The rank is below the number of estimated parameters: some are not determined.
    public var rankDeficient: Bool
    public var converged: Bool
    public var iterations: Int
    public var evaluations: Int
    /// Which convergence test stopped the fit, in words.
    public var reason: String
    /// What the fit warns about, as values (their words are each one's description).
    public var warnings: [FitWarning]

    /// Residual variance RSS/dof (NaN when dof = 0).
    public var residualVariance: Double {
        degreesOfFreedom > 0 ? residualSumOfSquares / Double(degreesOfFreedom) : .nan
    }
}

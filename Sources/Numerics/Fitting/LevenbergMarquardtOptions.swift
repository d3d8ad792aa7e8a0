// Settings of the Levenberg–Marquardt engine and the constraints a fit may impose on its
// parameters (fixed values, simple bounds).

public struct LevenbergMarquardtOptions: Sendable {
    /// Stop when both the actual and the predicted relative reduction of the sum of squares
    /// are at most this (MINPACK ftol).
    public var functionTolerance: Double = 1e-15
    /// Stop when the trust region is at most this relative to the scaled parameter norm (xtol).
    public var stepTolerance: Double = 1e-15
    /// Stop when the cosine between the residuals and every Jacobian column is at most this (gtol).
    public var gradientTolerance: Double = 0
    /// Limit on model evaluations per run: the start and each trial point count one (a trial
    /// point is evaluated with its Jacobian, which an accepted step then reuses).
    public var maxEvaluations: Int = 4000
    /// Initial trust region = factor · ‖D θ₀‖ (or factor when that is zero). MINPACK uses 100.
    public var initialStepFactor: Double = 100
    /// After a run stops, start again from its end with a fresh trust region, as long as the
    /// sum of squares keeps improving (cheap, and it rescues runs stalled by a shrunken region).
    public var maxRestarts: Int = 8
    /// Singular values below this fraction of the largest count as zero in the covariance.
    public var rankTolerance: Double = 1e-12

    public init() {}
}

public struct ParameterConstraints: Sendable, Equatable {
    /// Parameters held at their start value (by index).
    public var fixed: Set<Int>
    /// Per-parameter bounds; −∞/+∞ where absent. Empty arrays mean unbounded.
    public var lower: [Double]
    public var upper: [Double]

    public init(fixed: Set<Int> = [], lower: [Double] = [], upper: [Double] = []) {
        self.fixed = fixed
        self.lower = lower
        self.upper = upper
    }

    public static let none = ParameterConstraints()

    func lowerBound(_ k: Int) -> Double { k < lower.count ? lower[k] : -.infinity }
    func upperBound(_ k: Int) -> Double { k < upper.count ? upper[k] : .infinity }
    var hasBounds: Bool {
        lower.contains { $0 > -.infinity } || upper.contains { $0 < .infinity }
    }
}

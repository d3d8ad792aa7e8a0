// What a caller can ask of a growth-curve fit beyond the data.

public struct GrowthFitOptions: Sendable {
    /// Fit log(y) with log(f) as the model: multiplicative (percentage) errors. Needs y > 0.
    public var logResponse: Bool = false
    /// Observation weights (same length as the data), e.g. 1/variance; nil = equal weights.
    public var weights: [Double]? = nil
    /// Parameters held at a value, by name (e.g. ["K": 5000] for a known ceiling).
    public var fixed: [String: Double] = [:]
    /// Bounds by parameter name (e.g. lower ["K": 3000] for a ceiling anchor). They add to
    /// the catalog's own bounds (positive ceilings and rates), taking precedence.
    public var lowerBounds: [String: Double] = [:]
    public var upperBounds: [String: Double] = [:]
    /// Extra points that act as soft anchors (e.g. an analyst's target year value),
    /// fitted like data with their own weight.
    public var pseudoObservations: [PseudoObservation] = []
    /// Start values to try first (catalog models): they override the matching entries of
    /// the first derived start vector; the derived starts are still tried after it.
    public var startHints: [String: Double] = [:]
    /// Bass launch year; default one period before the first observation.
    public var bassLaunch: Double? = nil
    /// Solver settings. Catalog fits cap each of their starts at
    /// `catalogEvaluationsPerStart` evaluations on top of this.
    public var solver: LevenbergMarquardtOptions = .init()
    /// The catalog runs from several starts, and a start that has not converged in 600
    /// evaluations is chasing a ceiling the data do not contain.
    public var catalogEvaluationsPerStart: Int = 600

    public init(logResponse: Bool = false, weights: [Double]? = nil, fixed: [String: Double] = [:],
                lowerBounds: [String: Double] = [:], upperBounds: [String: Double] = [:],
                pseudoObservations: [PseudoObservation] = [], bassLaunch: Double? = nil) {
        self.logResponse = logResponse
        self.weights = weights
        self.fixed = fixed
        self.lowerBounds = lowerBounds
        self.upperBounds = upperBounds
        self.pseudoObservations = pseudoObservations
        self.bassLaunch = bassLaunch
    }
}

public struct PseudoObservation: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var weight: Double
    public init(x: Double, y: Double, weight: Double = 1) {
        self.x = x
        self.y = y
        self.weight = weight
    }
}

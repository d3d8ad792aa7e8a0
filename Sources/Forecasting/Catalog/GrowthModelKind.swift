// The growth-curve catalog. Every model is written in the formula language, so it is
// fitted with the same engine and differentiated by the same automatic differentiation
// as a user's formula. x is time (normally the year); y is the quantity (market size,
// users, …) in the data's own unit, written [y] below.
//
// | model          | formula                                              | parameters |
// | linear         | a + b·(x − x₀)                                        | a: level at x₀ [y]; b: change per year [y/yr] |
// | exponential    | a·(1 + g)^(x − x₀)                                    | a: level at x₀ [y]; g: constant annual growth rate, CAGR [fraction/yr] |
// | logistic       | K / (1 + e^(−r(x − t₀)))                              | K: ceiling [y]; r: growth rate [1/yr]; t₀: midpoint year, y = K/2, fastest growth [yr] |
// | gompertz       | K·exp(−e^(−r(x − t₀)))                                | K: ceiling [y]; r: growth rate [1/yr]; t₀: inflection year, y = K/e [yr] |
// | richards       | K / (1 + ν·e^(−r(x − t₀)))^(1/ν)                      | K: ceiling [y]; r: rate [1/yr]; t₀: location [yr]; ν: shape (1 = logistic, → 0 Gompertz) [–]; inflection at y = K/(1+ν)^(1/ν) |
// | bass           | m·(1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)), t = x − x_L | m: market potential, cumulative adopters at saturation [y]; p: innovation coefficient [1/yr]; q: imitation coefficient [1/yr]; x_L: launch year, fixed (default: one period before the first observation) |
// | monomolecular  | K·(1 − e^(−r(x − t₀)))                                | K: ceiling [y]; r: rate of approach [1/yr]; t₀: year at which y = 0 [yr] |
//
// x₀ is the first observed x, a constant of the fit (not a parameter), so that a and g
// read as "the level in the first year" and "the yearly growth rate".

public enum GrowthModelKind: String, CaseIterable, Sendable, Codable {
    case linear, exponential, logistic, gompertz, richards, bass, monomolecular

    public var parameterNames: [String] {
        switch self {
        case .linear: return ["a", "b"]
        case .exponential: return ["a", "g"]
        case .logistic, .gompertz, .monomolecular: return ["K", "r", "t0"]
        case .richards: return ["K", "r", "t0", "nu"]
        case .bass: return ["m", "p", "q"]
        }
    }

    /// What each parameter means and its unit, in parameter order.
    public var parameterMeanings: [String] {
        switch self {
        case .linear: return ["level in the first year [y]", "change per year [y/yr]"]
        case .exponential: return ["level in the first year [y]", "constant annual growth rate (CAGR) [fraction/yr]"]
        case .logistic: return ["ceiling [y]", "growth rate [1/yr]", "midpoint year, where y = K/2 and growth is fastest [yr]"]
        case .gompertz: return ["ceiling [y]", "growth rate [1/yr]", "inflection year, where y = K/e [yr]"]
        case .richards: return ["ceiling [y]", "growth rate [1/yr]", "location year [yr]", "shape: 1 = logistic, toward 0 = Gompertz [-]"]
        case .bass: return ["market potential: cumulative adoption at saturation [y]",
                            "coefficient of innovation [1/yr]", "coefficient of imitation [1/yr]"]
        case .monomolecular: return ["ceiling [y]", "rate of approach to the ceiling [1/yr]", "year at which y = 0 [yr]"]
        }
    }

    /// Models with a saturation level (whose ceiling the data may not pin down).
    public var ceilingParameter: String? {
        switch self {
        case .linear, .exponential: return nil
        case .logistic, .gompertz, .richards, .monomolecular: return "K"
        case .bass: return "m"
        }
    }

    /// A short human description, e.g. for chart notes.
    public var displayName: String {
        switch self {
        case .linear: return "linear trend"
        case .exponential: return "exponential (constant CAGR)"
        case .logistic: return "logistic curve"
        case .gompertz: return "Gompertz curve"
        case .richards: return "Richards (generalised logistic) curve"
        case .bass: return "Bass diffusion (cumulative adoption)"
        case .monomolecular: return "monomolecular (saturating) curve"
        }
    }

    /// The model in the formula language with its time origin substituted.
    /// `origin` is x₀ for linear/exponential and the launch year x_L for bass.
    public func formula(origin: Double) -> String {
        let t = "(x - (\(origin)))"
        switch self {
        case .linear: return "a + b*\(t)"
        case .exponential: return "a*(1+g)^\(t)"
        case .logistic: return "K/(1+exp(-r*(x-t0)))"
        case .gompertz: return "K*exp(-exp(-r*(x-t0)))"
        case .richards: return "K/(1+nu*exp(-r*(x-t0)))^(1/nu)"
        case .bass: return "m*(1-exp(-(p+q)*\(t)))/(1+(q/p)*exp(-(p+q)*\(t)))"
        case .monomolecular: return "K*(1-exp(-r*(x-t0)))"
        }
    }

    /// The formula as people write it, for notes and reports.
    public var formulaDescription: String {
        switch self {
        case .linear: return "y = a + b·(x − x₀)"
        case .exponential: return "y = a·(1 + g)^(x − x₀)"
        case .logistic: return "y = K / (1 + exp(−r·(x − t₀)))"
        case .gompertz: return "y = K·exp(−exp(−r·(x − t₀)))"
        case .richards: return "y = K / (1 + ν·exp(−r·(x − t₀)))^(1/ν)"
        case .bass: return "y = m·(1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)), t = x − launch"
        case .monomolecular: return "y = K·(1 − exp(−r·(x − t₀)))"
        }
    }

    /// Bounds that keep each model meaningful (positive ceilings and rates, ν > 0, g > −1).
    var defaultBounds: (lower: [String: Double], upper: [String: Double]) {
        switch self {
        case .linear: return ([:], [:])
        case .exponential: return (["g": -0.999999], [:])
        case .logistic, .gompertz, .monomolecular: return (["r": 0], [:])
        case .richards: return (["r": 0, "nu": 1e-3], ["nu": 1e3])
        case .bass: return (["m": 0, "p": 1e-9, "q": 0], [:])
        }
    }
}

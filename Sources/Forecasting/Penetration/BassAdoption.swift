import Foundation
import Numerics

// Adoption paths from the penetration score. Each industry follows a Bass diffusion,
// evaluated with the growth catalog's own Bass formula (GrowthModelKind.bass), whose
//   m = the industry's potential (percent),
//   p = innovation, interpolated linearly in the score between `innovation` at 0 and 100,
//   q = imitation, likewise between `imitation` at 0 and 100.
// Readier industries (digital, open data, accepting, error-tolerant) both start and copy
// faster, so both coefficients rise with the score; the defaults bracket the means of
// Sultan, Farley & Lehmann's (1990) meta-analysis of Bass fits (p ≈ 0.03, q ≈ 0.38).
// The industry's "age" τ on its curve is then solved in closed form so that
// m·F(τ) equals the current penetration in the data year: the data fix where each
// industry stands today, the score fixes how fast it moves from there.

public struct AdoptionSettings: Sendable, Equatable {
    public var dataYear: Int
    public var horizon: Int
    /// p at score 0 and at score 100.
    public var innovation: ClosedRange<Double>
    /// q at score 0 and at score 100.
    public var imitation: ClosedRange<Double>
    /// The level whose crossing year is reported, percent.
    public var milestone: Double

    public init(dataYear: Int = 2023, horizon: Int = 2030, innovation: ClosedRange<Double> = 0.01...0.05,
                imitation: ClosedRange<Double> = 0.2...0.6, milestone: Double = 50) {
        self.dataYear = dataYear; self.horizon = horizon; self.innovation = innovation
        self.imitation = imitation; self.milestone = milestone
    }
}

public struct AdoptionPath: Sendable, Equatable {
    public enum Milestone: Sendable, Equatable {
        /// Already at or above the level in the data year.
        case reached
        /// First calendar year whose value is at or above the level.
        case year(Int)
        /// Not before the horizon (the curve gets there later).
        case afterHorizon
        /// The potential is at or below the level: never.
        case never
    }

    public var m: Double
    public var p: Double
    public var q: Double
    /// Years since the curve's start at the data year.
    public var age: Double
    /// (year, percent) from the data year to the horizon.
    public var points: [(year: Int, value: Double)]
    public var milestone: Milestone

    public static func == (a: AdoptionPath, b: AdoptionPath) -> Bool {
        a.m == b.m && a.p == b.p && a.q == b.q && a.age == b.age && a.milestone == b.milestone
            && a.points.map(\.year) == b.points.map(\.year) && a.points.map(\.value) == b.points.map(\.value)
    }
}

public enum BassAdoption {
    /// The catalog's Bass formula with its launch at t = 0, parameters in (m, p, q) order.
    static let program: CompiledFormula? = {
        try? Formula(GrowthModelKind.bass.formula(origin: 0), variables: ["x"], parameterOrder: ["m", "p", "q"]).compiled()
    }()

    /// m·F(t) at each t, through the catalog formula.
    public static func values(m: Double, p: Double, q: Double, at times: [Double]) -> [Double] {
        guard let program, !times.isEmpty else { return [] }
        let evaluator = FormulaEvaluator(program, rows: times.count)
        var output = [Double](repeating: 0, count: times.count)
        evaluator.evaluate(parameters: [m, p, q], data: times, into: &output)
        return output
    }

    /// The t at which F(t) = fraction (0 ≤ fraction < 1): the closed-form inverse of Bass,
    /// e^(−(p+q)t) = (1 − F)/(1 + F·q/p).
    public static func time(atFraction fraction: Double, p: Double, q: Double) -> Double? {
        guard fraction >= 0, fraction < 1, p > 0, q >= 0 else { return nil }
        let e = (1 - fraction) / (1 + fraction * q / p)
        return -log(e) / (p + q)
    }

    public static func coefficients(score: Double, settings: AdoptionSettings) -> (p: Double, q: Double) {
        let s = min(max(score, 0), 100) / 100
        func lerp(_ range: ClosedRange<Double>) -> Double { range.lowerBound + (range.upperBound - range.lowerBound) * s }
        return (lerp(settings.innovation), lerp(settings.imitation))
    }

    /// The path of one industry: calibrated to `current` in the data year, to the horizon.
    public static func path(score: Double, current: Double, potential: Double,
                            settings: AdoptionSettings) -> AdoptionPath? {
        let (p, q) = coefficients(score: score, settings: settings)
        guard potential > 0, let age = time(atFraction: current / potential, p: p, q: q) else { return nil }
        let years = Array(settings.dataYear...max(settings.dataYear, settings.horizon))
        let values = Self.values(m: potential, p: p, q: q, at: years.map { age + Double($0 - settings.dataYear) })
        let milestone: AdoptionPath.Milestone
        if current >= settings.milestone {
            milestone = .reached
        } else if potential <= settings.milestone {
            milestone = .never
        } else if let crossing = time(atFraction: settings.milestone / potential, p: p, q: q) {
            // The first whole year at or past the crossing; a tiny tolerance keeps an exact
            // crossing in its own year despite rounding.
            let year = settings.dataYear + Int((crossing - age - 1e-9).rounded(.up))
            milestone = year <= settings.horizon ? .year(year) : .afterHorizon
        } else {
            milestone = .never
        }
        return AdoptionPath(m: potential, p: p, q: q, age: age, points: Array(zip(years, values)).map { ($0.0, $0.1) },
                            milestone: milestone)
    }
}

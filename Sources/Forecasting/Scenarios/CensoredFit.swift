// A published bound ("超过9000亿元": at least 9,000) is a censored observation, not a value.
// Fitting it as a value pulls the curve down onto the floor; the loss that treats it as
// what it is is one-sided (Tobit-style least squares): a fitted value on the permitted
// side of a bound costs nothing, one on the wrong side costs its distance as a residual,
//     r_i = max(0, b_i − f(x_i))  for a lower bound,   r_i = max(0, f(x_i) − b_i)  for an upper.
//
// Our Levenberg–Marquardt engine fits smooth residuals, and this hinge has a kink at the
// bound. So it is minimised by the equivalent that the engine does support: iterated
// imputation (a majorise–minimise scheme). Each round replaces a bound's figure by the
// nearer permitted value, y*_i = max(b_i, f(x_i)) (min for an upper bound), and refits by
// ordinary least squares. Then (y*_i − f)² majorises the hinge residual's square and equals
// it at the current fit, so the one-sided loss never rises from one round to the next, and
// at the fixed point the residual of every bound is exactly its hinge residual: the normal
// equations of the last fit are the stationarity conditions of the one-sided loss. Two
// closed-form consequences the tests hold: where the fit of the exact values alone lies on
// the permitted side of every bound, the censored fit *is* that fit (the bounds impute to
// the fitted values and change nothing); and a series of bounds only ends on the lowest
// path of the model that clears all of them — three floors carry no more information.
import Foundation
import MarketData
import Numerics

enum CensoredFit {
    /// Rounds of imputation before giving up (each is one ordinary fit of a short series).
    static let maximumRounds = 400
    /// A round that moves no imputed value by more than this, relative to the value, ends it.
    static let tolerance = 1e-11

    struct Outcome<Fit> {
        var fit: Fit
        /// The first, ordinary fit (bounds at their figures). Its scatter is the honest
        /// measure of how far the path may miss: the censored fit imputes each bound onto
        /// the curve, so its own residuals shrink toward zero although nothing became surer.
        var ordinary: Fit
        /// The values the last fit saw: exact values as given, bounds imputed.
        var imputed: [Double]
        var rounds: Int
        var converged: Bool
    }

    /// Fits `y` (some entries censored by `bounds[i]`) with `fitting`, which fits an
    /// ordinary least-squares problem to the values it is given. With no bound, one fit.
    static func fit<Fit>(x: [Double], y: [Double], bounds: [ObservationBound?],
                         predict: (Fit, Double) -> Double,
                         _ fitting: ([Double]) throws -> Fit) throws -> Outcome<Fit> {
        precondition(x.count == y.count && y.count == bounds.count, "one bound entry per observation")
        var imputed = y
        var fit = try fitting(imputed)
        let ordinary = fit
        let censored = bounds.indices.filter { bounds[$0] != nil }
        guard !censored.isEmpty else { return Outcome(fit: fit, ordinary: ordinary, imputed: imputed, rounds: 1, converged: true) }
        for round in 1...maximumRounds {
            var moved = false
            for i in censored {
                let fitted = predict(fit, x[i])
                guard fitted.isFinite else { continue }
                let target = bounds[i] == .lower ? max(y[i], fitted) : min(y[i], fitted)
                if abs(target - imputed[i]) > tolerance * max(abs(target), 1) { moved = true }
                imputed[i] = target
            }
            if !moved { return Outcome(fit: fit, ordinary: ordinary, imputed: imputed, rounds: round, converged: true) }
            fit = try fitting(imputed)
        }
        return Outcome(fit: fit, ordinary: ordinary, imputed: imputed, rounds: maximumRounds, converged: false)
    }
}

/// A fitted path that passes on the wrong side of a published *actual* bound of its own
/// year: below a figure the publisher says was exceeded. `check` and `run` refuse it
/// (the path is not a forecast of this series any more).
public struct BoundBreach: Sendable, Equatable {
    public var year: Int
    public var bound: ObservationBound
    /// The published figure and the row it came from.
    public var figure: Double
    public var line: Int
    public var source: String
    /// The path's value in that year.
    public var fitted: Double

    public init(year: Int, bound: ObservationBound, figure: Double, line: Int, source: String, fitted: Double) {
        self.year = year; self.bound = bound; self.figure = figure; self.line = line; self.source = source
        self.fitted = fitted
    }

    /// How far past the bound (relative) a path may lie and still count as on it: the
    /// imputation converges to the bound from the wrong side.
    public static let tolerance = 1e-6

    /// The breaches of `fitted` (the path's value per year) against the actual bounds of
    /// `observations` among `years`. `allowance` is how far the path may pass a bound and
    /// still be a fit of the data: the scatter of the exact figures around it (a curve fitted
    /// to exact values and a floor may trade a little of one for the other). What lies
    /// beyond it was forced by an assumption, and is refused.
    public static func find(in observations: [Observation], years: ClosedRange<Int>, allowance: Double = 0,
                            fitted: (Int) -> Double) -> [BoundBreach] {
        observations.compactMap { observation in
            // A year carried back by an older vintage's growth is no published figure.
            guard observation.status == .actual, !observation.isLinked, years.contains(observation.year),
                  let bound = observation.bound else { return nil }
            let value = fitted(observation.year)
            guard value.isFinite else { return nil }
            let slack = tolerance * abs(observation.value) + max(allowance, 0)
            let breached = bound == .lower ? value < observation.value - slack : value > observation.value + slack
            return breached ? BoundBreach(year: observation.year, bound: bound, figure: observation.value,
                                          line: observation.line, source: observation.source, fitted: value) : nil
        }
    }
}

// A growth curve joins `auto`'s pool only where its fit says the data bend: the logistic
// curve, fitted to the series, converged with every parameter determined, its inflection
// point (the midpoint year t₀) inside the data rather than beyond it, and its ceiling
// between the largest value and three times it. A series still in its near-exponential
// phase leaves the ceiling unidentified and the curve out. Measured on M1 yearly: the
// curve joins 28 of 181 series and the combination's sMAPE goes from 15.78 to 15.65.
import Foundation
import Numerics

enum BentCurve {
    /// Fewest values a bend can be read from: the inflection must have data on both sides.
    static let minimumPoints = 6
    static let maximumCeilingRatio = 3.0

    /// The logistic forecast 1…horizon steps ahead when the data bend, nil otherwise.
    static func logisticForecast(_ y: [Double], horizon: Int) -> [Double]? {
        let n = y.count
        guard n >= minimumPoints, y.allSatisfy({ $0 > 0 }), let largest = y.max() else { return nil }
        // A bend in the data first: the steepest yearly rise lies inside the series, not at
        // either end (a logistic's midpoint is where it rises fastest). Most series fail this
        // at no cost, so the fit runs only where it can pass.
        let rises = (1..<n).map { y[$0] - y[$0 - 1] }
        guard let steepest = rises.indices.max(by: { rises[$0] < rises[$1] }), rises[steepest] > 0,
              steepest >= 1, steepest <= rises.count - 2 else { return nil }
        let x = (0..<n).map(Double.init)
        // The ceiling is bounded where the test below would reject it anyway, and a fit that
        // has not settled in 80 evaluations is chasing a ceiling the data do not show: both
        // keep this screen cheap (it runs for every series `auto` forecasts).
        var options = GrowthFitOptions(upperBounds: ["K": maximumCeilingRatio * largest])
        options.catalogEvaluationsPerStart = 80
        guard let fit = try? GrowthCurves.fit(.logistic, x: x, y: y, options: options), fit.converged,
              !fit.curve.result.rankDeficient,
              let ceiling = fit.parameter("K"), let rate = fit.parameter("r"), let midpoint = fit.parameter("t0"),
              rate > 0, (1...Double(n - 2)).contains(midpoint),
              ceiling > largest, ceiling < maximumCeilingRatio * largest else { return nil }
        let forecast = (1...horizon).map { fit.predict(Double(n - 1 + $0)) }
        return forecast.allSatisfy(\.isFinite) ? forecast : nil
    }
}

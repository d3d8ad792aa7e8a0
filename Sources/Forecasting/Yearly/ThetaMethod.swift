// The Theta method (Assimakopoulos & Nikolopoulos 2000), winner of the M3 competition, in
// the form Hyndman & Billah (2003) showed it to be: simple exponential smoothing of the
// series plus half the slope b of its least-squares line, with the drift adjusted for the
// smoothing's lag:
//
//   ŷ(n + h) = l_n + (b / 2) · (h − 1 + 1/α − (1 − α)ⁿ / α)
enum ThetaMethod {
    static func forecast(_ y: [Double], horizon: Int) throws -> [Double] {
        forecast(y, alpha: try SimpleExponentialSmoothing.fit(y).alpha, horizon: horizon)
    }

    /// The forecast at a given smoothing parameter (the SES level starts at y₁): the path
    /// the fit's α gives, and what the statsforecast oracle checks at statsforecast's α.
    static func forecast(_ y: [Double], alpha: Double, horizon: Int) -> [Double] {
        let level = SimpleExponentialSmoothing.levels(y, alpha: alpha).last!
        let slope = leastSquaresSlope(y)
        var decay = 1.0
        for _ in 0..<y.count { decay *= 1 - alpha }
        return (1...horizon).map { h in
            level + slope / 2 * (Double(h) - 1 + 1 / alpha - decay / alpha)
        }
    }

    /// Slope of the least-squares line through (t, y_t), t = 1…n.
    static func leastSquaresSlope(_ y: [Double]) -> Double {
        let n = Double(y.count)
        let meanT = (n + 1) / 2
        let meanY = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (i, v) in y.enumerated() {
            let dt = Double(i + 1) - meanT
            sxy += dt * (v - meanY)
            sxx += dt * dt
        }
        return sxx > 0 ? sxy / sxx : 0
    }
}

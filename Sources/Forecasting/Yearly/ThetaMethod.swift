// The Theta method (Assimakopoulos & Nikolopoulos 2000), winner of the M3 competition, in
// the form Hyndman & Billah (2003) showed it to be: simple exponential smoothing of the
// series plus half the slope b of its least-squares line, with the drift adjusted for the
// smoothing's lag:
//
//   ŷ(n + h) = l_n + (b / 2) · (h − 1 + 1/α − (1 − α)ⁿ / α)
enum ThetaMethod {
    static func forecast(_ y: [Double], horizon: Int) throws -> [Double] {
        let n = y.count
        let ses = try SimpleExponentialSmoothing.fit(y)
        let slope = leastSquaresSlope(y)
        let alpha = ses.alpha
        var decay = 1.0
        for _ in 0..<n { decay *= 1 - alpha }
        return (1...horizon).map { h in
            ses.level + slope / 2 * (Double(h) - 1 + 1 / alpha - decay / alpha)
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

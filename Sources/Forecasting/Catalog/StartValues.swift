// Self-starting: start vectors derived from the data for each catalog model. Each model
// gets several, because one heuristic can mislead (a ceiling guessed from a series that
// has not bent yet, say); the fit runs from all of them and keeps the best.
import Foundation
import Numerics

enum StartValues {
    /// Least-squares line z ≈ intercept + slope·t; nil with fewer than two distinct t.
    static func line(_ t: [Double], _ z: [Double]) -> (slope: Double, intercept: Double)? {
        let n = Double(t.count)
        guard t.count >= 2, t.count == z.count else { return nil }
        let mt = t.reduce(0, +) / n, mz = z.reduce(0, +) / n
        var stt = 0.0, stz = 0.0
        for i in 0..<t.count { stt += (t[i] - mt) * (t[i] - mt); stz += (t[i] - mt) * (z[i] - mz) }
        guard stt > 0 else { return nil }
        let slope = stz / stt
        let result = (slope, mz - slope * mt)
        return result.0.isFinite && result.1.isFinite ? result : nil
    }

    /// Linearises y = K·h(r(x − t₀)) through `transform` (z = r(x − t₀)) for a given K and
    /// returns (r, t₀) when the transformed points give a rising line.
    static func rateAndLocation(x: [Double], y: [Double], transform: (Double) -> Double?) -> (r: Double, t0: Double)? {
        var ts: [Double] = [], zs: [Double] = []
        for (xi, yi) in zip(x, y) { if let z = transform(yi), z.isFinite { ts.append(xi); zs.append(z) } }
        guard let l = line(ts, zs), l.slope > 0 else { return nil }
        return (l.slope, -l.intercept / l.slope)
    }

    static func candidates(for kind: GrowthModelKind, x: [Double], y: [Double], origin: Double) -> [[Double]] {
        let yMax = y.max() ?? 1
        let scale = yMax > 0 ? yMax : 1
        let ceilingFactors: [Double] = [1.05, 1.25, 1.6, 2.5, 5, 10]
        var out: [[Double]] = []
        switch kind {
        case .linear:
            if let l = line(x.map { $0 - origin }, y) { out.append([l.intercept, l.slope]) }
            out.append([y.first ?? 0, 0])
        case .exponential:
            let positive = zip(x, y).filter { $0.1 > 0 }
            if let l = line(positive.map { $0.0 - origin }, positive.map { log($0.1) }) {
                out.append([exp(l.intercept), exp(l.slope) - 1])
            }
            out.append([max(y.first ?? 1, 1e-12), 0.1])
        case .logistic:
            for f in ceilingFactors {
                let k = scale * f
                if let s = rateAndLocation(x: x, y: y, transform: { $0 > 0 && $0 < k ? log($0 / (k - $0)) : nil }) {
                    out.append([k, s.r, s.t0])
                }
            }
            if let s = steepestGrowth(x: x, y: y) {
                let k = max(2 * s.level, yMax * 1.05)
                out.append([k, 4 * s.slope / k, s.at])
            }
        case .gompertz:
            for f in ceilingFactors {
                let k = scale * f
                if let s = rateAndLocation(x: x, y: y, transform: { $0 > 0 && $0 < k ? -log(-log($0 / k)) : nil }) {
                    out.append([k, s.r, s.t0])
                }
            }
        case .monomolecular:
            for f in ceilingFactors {
                let k = scale * f
                if let s = rateAndLocation(x: x, y: y, transform: { $0 < k ? -log(1 - $0 / k) : nil }) {
                    out.append([k, s.r, s.t0])
                }
            }
        case .richards:
            for f in [1.25, 2.5, 10] {
                let k = scale * f
                if let s = rateAndLocation(x: x, y: y, transform: { $0 > 0 && $0 < k ? log($0 / (k - $0)) : nil }) {
                    for nu in [1.0, 0.3, 3.0] {
                        // Same midpoint: K/(1+ν e^{-r(x−t)})^{1/ν} = K/2 at x = t + ln(ν/(2^ν − 1))/r.
                        let shift = log(nu / (pow(2, nu) - 1)) / s.r
                        out.append([k, s.r, s.t0 - shift, nu])
                    }
                }
            }
        case .bass:
            for f in [1.25, 2.0, 4.0, 10.0] {
                for p in [0.01, 0.05] {
                    for q in [0.2, 0.6] { out.append([scale * f, p, q]) }
                }
            }
        }
        // Drop non-finite candidates; keep order (deterministic).
        return out.filter { $0.allSatisfy { $0.isFinite } }
    }

    /// Where the series grows fastest: the midpoint of the steepest segment, its slope and level.
    static func steepestGrowth(x: [Double], y: [Double]) -> (at: Double, slope: Double, level: Double)? {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var best: (Double, Double, Double)? = nil
        for w in 0..<max(order.count - 1, 0) {
            let i = order[w], j = order[w + 1]
            let dx = x[j] - x[i]
            guard dx > 0 else { continue }
            let slope = (y[j] - y[i]) / dx
            if slope > 0, best == nil || slope > best!.1 { best = ((x[i] + x[j]) / 2, slope, (y[i] + y[j]) / 2) }
        }
        return best
    }
}

import Foundation
import Numerics

// Random weight vectors around the analyst's weights: Dirichlet(c·w/Σw), whose mean is
// the configured weights and whose spread shrinks as the concentration c grows. Built on
// Numerics' SplitMix64, the project's one seeded generator; Gamma variates by Marsaglia &
// Tsang (2000), "A simple method for generating gamma variables", ACM TOMS 26(3), with
// their boost U^(1/α) for shapes below 1; normals by the Marsaglia polar method.

public struct DirichletSampler {
    /// Shape parameters α_k = concentration · w_k / Σw; a zero weight stays exactly zero.
    public let alphas: [Double]

    public init(meanWeights: [Double], concentration: Double) {
        let total = meanWeights.reduce(0, +)
        alphas = meanWeights.map { total > 0 ? concentration * $0 / total : 0 }
    }

    /// One weight vector summing to 1.
    public func sample(using generator: inout SplitMix64) -> [Double] {
        var draws = alphas.map { $0 > 0 ? Self.gamma(shape: $0, using: &generator) : 0 }
        let total = draws.reduce(0, +)
        guard total > 0 else { return alphas.map { _ in 1 / Double(max(alphas.count, 1)) } }
        for k in draws.indices { draws[k] /= total }
        return draws
    }

    /// Uniform in (0, 1): 53 random bits, never exactly 0 (logs of it stay finite).
    static func uniform(using generator: inout SplitMix64) -> Double {
        (Double(generator.next() >> 11) + 0.5) * 0x1p-53
    }

    static func standardNormal(using generator: inout SplitMix64) -> Double {
        while true {
            let u = 2 * uniform(using: &generator) - 1
            let v = 2 * uniform(using: &generator) - 1
            let s = u * u + v * v
            if s > 0, s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// Gamma(shape, 1).
    static func gamma(shape alpha: Double, using generator: inout SplitMix64) -> Double {
        if alpha < 1 {
            let boosted = gamma(shape: alpha + 1, using: &generator)
            return boosted * pow(uniform(using: &generator), 1 / alpha)
        }
        let d = alpha - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = standardNormal(using: &generator)
            let v0 = 1 + c * x
            guard v0 > 0 else { continue }
            let v = v0 * v0 * v0
            let u = uniform(using: &generator)
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }
}

import Numerics

// How much the ranking rests on the exact weights: rank every industry under many weight
// vectors drawn around the configured ones and count how often each takes each rank.
// Draw d uses its own generator SplitMix64(seed, stream: d), so a draw's weights depend
// on (seed, d) alone and the result does not depend on evaluation order.

public struct RankSensitivity: Sendable, Equatable {
    public var draws: Int
    public var concentration: Double
    public var seed: UInt64
    /// probabilities[i][r]: industry i (file order) takes rank r + 1. Rows sum to 1.
    public var probabilities: [[Double]]

    public static func run(index: PenetrationIndex, weights: [Double], draws: Int, concentration: Double,
                           seed: UInt64) -> RankSensitivity {
        let n = index.normalised.count
        var counts = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        let sampler = DirichletSampler(meanWeights: weights, concentration: concentration)
        let drawCount = max(draws, 1)
        for d in 0..<drawCount {
            var generator = SplitMix64(seed: seed, stream: UInt64(d))
            let sampled = sampler.sample(using: &generator)
            let ranks = index.ranks(of: index.scores(weights: sampled))
            for (i, rank) in ranks.enumerated() where rank >= 1 && rank <= n { counts[i][rank - 1] += 1 }
        }
        let probabilities = counts.map { row in row.map { Double($0) / Double(drawCount) } }
        return RankSensitivity(draws: drawCount, concentration: concentration, seed: seed,
                               probabilities: probabilities)
    }

    /// The rank industry `i` takes most often (ties: the better rank).
    public func modalRank(of i: Int) -> Int {
        guard probabilities.indices.contains(i) else { return 0 }
        let row = probabilities[i]
        var best = 0
        for r in row.indices where row[r] > row[best] { best = r }
        return best + 1
    }
}

import Numerics

// How much the ranking rests on the exact weights and the exact scores: rank every
// industry under many draws and count how often each takes each rank. A draw takes a
// weight vector around the configured one (Dirichlet) and, because every 1–5 score is an
// analyst's reading of the report's wording that another reader could place one step
// higher or lower, moves each score one step down with probability scoreStep/2 and one
// step up with probability scoreStep/2 (kept within 1–5), then re-normalises and re-ranks.
// Draw d uses its own generator SplitMix64(seed, stream: d), weights first, then the
// scores row by row, so a draw depends on (seed, d) alone and the result does not depend
// on evaluation order.

public struct RankSensitivity: Sendable, Equatable {
    public var draws: Int
    public var concentration: Double
    public var seed: UInt64
    /// The probability that a draw moves a score by one step (half down, half up); 0 when
    /// only the weights were perturbed.
    public var scoreStep: Double = 0
    /// probabilities[i][r]: industry i (file order) takes rank r + 1. Rows sum to 1.
    public var probabilities: [[Double]]

    public static func run(index: PenetrationIndex, weights: [Double], draws: Int, concentration: Double,
                           seed: UInt64) -> RankSensitivity {
        let drawCount = max(draws, 1)
        let probabilities = rankFrequencies(industries: index.normalised.count, draws: drawCount, weights: weights,
                                            concentration: concentration, seed: seed) { sampled, _ in
            index.ranks(of: index.scores(weights: sampled))
        }
        return RankSensitivity(draws: drawCount, concentration: concentration, seed: seed,
                               probabilities: probabilities)
    }

    /// Weights and scores perturbed together (see the top of the file). `scoreStep` outside
    /// 0–1 is clamped, so a bad setting can never trap.
    public static func run(table: IndustryIndicatorTable, normalisation: PenetrationNormalisation, weights: [Double],
                           draws: Int, concentration: Double, scoreStep: Double, seed: UInt64) -> RankSensitivity {
        let n = table.industries.count
        let k = table.indicators.count
        let step = scoreStep.isFinite ? min(max(scoreStep, 0), 1) : 0
        let range = IndustryIndicatorTable.scoreRange
        let tieBreak = table.industries.map(\.currentPenetration)
        let drawCount = max(draws, 1)
        let probabilities = rankFrequencies(industries: n, draws: drawCount, weights: weights,
                                            concentration: concentration, seed: seed) { sampled, generator in
            let scores = table.industries.map { industry in
                industry.scores.map { score -> Double in
                    guard step > 0 else { return score }
                    let u = DirichletSampler.uniform(using: &generator)
                    let moved = u < step / 2 ? score - 1 : (u < step ? score + 1 : score)
                    return min(max(moved, range.lowerBound), range.upperBound)
                }
            }
            let index = PenetrationIndex(scores: scores, indicatorCount: k, tieBreak: tieBreak, normalisation: normalisation)
            return index.ranks(of: index.scores(weights: sampled))
        }
        return RankSensitivity(draws: drawCount, concentration: concentration, seed: seed, scoreStep: step,
                               probabilities: probabilities)
    }

    /// The share of draws in which each industry takes each rank. Draw d has its own random
    /// stream (SplitMix64 stream d), so the result does not depend on how draws are ordered;
    /// `ranksOfDraw` gets the draw's sampled weights and its generator (for anything else
    /// the draw perturbs) and returns each industry's rank, 1-based.
    static func rankFrequencies(industries n: Int, draws: Int, weights: [Double], concentration: Double, seed: UInt64,
                                ranksOfDraw: ([Double], inout SplitMix64) -> [Int]) -> [[Double]] {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        let sampler = DirichletSampler(meanWeights: weights, concentration: concentration)
        for d in 0..<draws {
            var generator = SplitMix64(seed: seed, stream: UInt64(d))
            let sampled = sampler.sample(using: &generator)
            let ranks = ranksOfDraw(sampled, &generator)
            for (i, rank) in ranks.enumerated() where i < n && rank >= 1 && rank <= n { counts[i][rank - 1] += 1 }
        }
        return counts.map { row in row.map { Double($0) / Double(max(draws, 1)) } }
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

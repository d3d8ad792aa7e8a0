import Foundation

// The composite penetration score: each indicator normalised across industries, then
// averaged with the analyst's weights into a 0–100 score, and ranked.
//
// - min-max: an indicator becomes (x − min)/(max − min) ∈ [0, 1]; the score is 100 × the
//   weighted mean. The best industry on every indicator scores 100, the worst 0. An
//   indicator on which all industries agree carries no information and counts 0.5 for all.
// - z-score: an indicator becomes (x − mean)/sd (population sd); the weighted mean z is
//   mapped through the standard normal CDF, so 50 is an average industry and the scale
//   does not stretch to 0 and 100 by construction. Constant indicators count 0.
//
// Ties (scores within 1e-9) are broken by the higher current penetration, then by the
// data file's row order, so a rank never depends on sorting internals.

public enum PenetrationNormalisation: String, Sendable, CaseIterable {
    case minMax = "min-max"
    case zScore = "z-score"
}

public struct PenetrationScore: Sendable, Equatable {
    /// Index into the table's industries.
    public var industry: Int
    public var score: Double
    /// 1 = furthest along.
    public var rank: Int

    /// The score as the report prints it: whole points, rounded half away from zero. The
    /// inputs are whole 1–5 steps, so a decimal would claim a precision the scoring does not
    /// have; ranks stay those of the unrounded score (a tie in whole points keeps its order).
    public var wholePoints: Double { score.isFinite ? score.rounded(.toNearestOrAwayFromZero) : score }
}

public struct PenetrationIndex: Sendable {
    public let normalisation: PenetrationNormalisation
    /// normalised[i][k]: industry i, indicator k.
    public let normalised: [[Double]]
    /// Tie-break key per industry: its current penetration.
    let tieBreak: [Double]

    public init(table: IndustryIndicatorTable, normalisation: PenetrationNormalisation) {
        self.init(scores: table.industries.map(\.scores), indicatorCount: table.indicators.count,
                  tieBreak: table.industries.map(\.currentPenetration), normalisation: normalisation)
    }

    /// The index of a score matrix (scores[i][k]: industry i, indicator k), so the rank
    /// sensitivity can re-normalise scores it has perturbed exactly as the table's own.
    public init(scores: [[Double]], indicatorCount k: Int, tieBreak: [Double], normalisation: PenetrationNormalisation) {
        self.normalisation = normalisation
        let n = scores.count
        var columns = [[Double]](repeating: [], count: k)
        for row in scores {
            for j in 0..<k { columns[j].append(j < row.count ? row[j] : .nan) }
        }
        let normalisedColumns = columns.map { Self.normalise($0, normalisation) }
        normalised = (0..<n).map { i in (0..<k).map { normalisedColumns[$0][i] } }
        self.tieBreak = tieBreak
    }

    static func normalise(_ values: [Double], _ method: PenetrationNormalisation) -> [Double] {
        guard !values.isEmpty else { return [] }
        switch method {
        case .minMax:
            let low = values.min() ?? 0, high = values.max() ?? 0
            guard high > low else { return values.map { _ in 0.5 } }
            return values.map { ($0 - low) / (high - low) }
        case .zScore:
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
            let sd = variance.squareRoot()
            guard sd > 0 else { return values.map { _ in 0 } }
            return values.map { ($0 - mean) / sd }
        }
    }

    /// Scores 0–100 for `weights` (one per indicator, ≥ 0, sum > 0; the caller checks).
    public func scores(weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        return normalised.map { row in
            var sum = 0.0
            for (j, w) in weights.enumerated() where j < row.count { sum += w * row[j] }
            let mean = total > 0 ? sum / total : 0
            switch normalisation {
            case .minMax: return 100 * mean
            case .zScore: return 100 * Self.standardNormalCDF(mean)
            }
        }
    }

    /// Ranks (1 = highest score) for `scores`, with the documented tie rule.
    public func ranks(of scores: [Double]) -> [Int] {
        let order = scores.indices.sorted { a, b in
            if abs(scores[a] - scores[b]) > 1e-9 { return scores[a] > scores[b] }
            let ta = tieBreak.indices.contains(a) ? tieBreak[a] : 0
            let tb = tieBreak.indices.contains(b) ? tieBreak[b] : 0
            if ta != tb { return ta > tb }
            return a < b
        }
        var ranks = [Int](repeating: 0, count: scores.count)
        for (position, industry) in order.enumerated() { ranks[industry] = position + 1 }
        return ranks
    }

    /// Scores and ranks, in industry (file) order.
    public func evaluate(weights: [Double]) -> [PenetrationScore] {
        let s = scores(weights: weights)
        let r = ranks(of: s)
        return s.indices.map { PenetrationScore(industry: $0, score: s[$0], rank: r[$0]) }
    }

    static func standardNormalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }
}

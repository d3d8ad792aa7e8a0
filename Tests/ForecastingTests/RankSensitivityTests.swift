import Numerics
import XCTest
@testable import Forecasting

final class RankSensitivityTests: XCTestCase {
    private func index() -> PenetrationIndex {
        let rows: [[Double]] = [[5, 1, 2], [4, 2, 3], [3, 3, 3], [2, 4, 4], [1, 5, 1]]
        let table = IndustryIndicatorTable(file: "t", indicators: ["a", "b", "c"], industries: rows.enumerated().map {
            IndustryIndicators(nameZh: "i\($0.offset)", nameEn: "", scores: $0.element, currentPenetration: 10, potential: 50)
        })
        return PenetrationIndex(table: table, normalisation: .minMax)
    }

    func testEveryIndustrysRankProbabilitiesSumToOne() {
        let result = RankSensitivity.run(index: index(), weights: [1, 1, 1], draws: 500, concentration: 5, seed: 7)
        XCTAssertEqual(result.probabilities.count, 5)
        for row in result.probabilities {
            XCTAssertEqual(row.count, 5)
            XCTAssertEqual(row.reduce(0, +), 1, accuracy: 1e-12)
        }
        // Each rank is taken by exactly one industry per draw, so columns sum to 1 too.
        for r in 0..<5 { XCTAssertEqual(result.probabilities.map { $0[r] }.reduce(0, +), 1, accuracy: 1e-12) }
        // Low concentration really moves the ranking (the test would pass vacuously otherwise).
        XCTAssertTrue(result.probabilities.contains { row in row.filter { $0 > 0 }.count > 1 })
    }

    func testSameSeedSameNumbersDifferentSeedDifferentNumbers() {
        let a = RankSensitivity.run(index: index(), weights: [1, 1, 1], draws: 300, concentration: 5, seed: 42)
        let b = RankSensitivity.run(index: index(), weights: [1, 1, 1], draws: 300, concentration: 5, seed: 42)
        let c = RankSensitivity.run(index: index(), weights: [1, 1, 1], draws: 300, concentration: 5, seed: 43)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a.probabilities, c.probabilities)
    }

    func testNoIndustriesGiveNoProbabilities() {
        let empty = PenetrationIndex(table: IndustryIndicatorTable(file: "t", indicators: ["a"], industries: []),
                                     normalisation: .minMax)
        XCTAssertEqual(RankSensitivity.run(index: empty, weights: [1], draws: 10, concentration: 5, seed: 1).probabilities, [])
    }

    func testHighConcentrationKeepsTheConfiguredRanking() {
        let idx = index()
        let base = idx.ranks(of: idx.scores(weights: [3, 1, 1]))
        let result = RankSensitivity.run(index: idx, weights: [3, 1, 1], draws: 200, concentration: 1e7, seed: 1)
        for (i, rank) in base.enumerated() { XCTAssertEqual(result.probabilities[i][rank - 1], 1, accuracy: 1e-12) }
    }

    func testDirichletMeanIsTheNormalisedWeightsAndZeroWeightsStayZero() {
        let sampler = DirichletSampler(meanWeights: [2, 1, 1, 0], concentration: 8)
        var generator = SplitMix64(seed: 99)
        var sum = [Double](repeating: 0, count: 4)
        let n = 20_000
        for _ in 0..<n {
            let w = sampler.sample(using: &generator)
            XCTAssertEqual(w.reduce(0, +), 1, accuracy: 1e-12)
            XCTAssertEqual(w[3], 0)
            for k in 0..<4 { sum[k] += w[k] }
        }
        // Var of component k is m(1 − m)/(c + 1) ≤ 0.25/9; the mean of 20000 is within
        // 0.005 (≈ 4.5 standard errors).
        XCTAssertEqual(sum[0] / Double(n), 0.5, accuracy: 0.005)
        XCTAssertEqual(sum[1] / Double(n), 0.25, accuracy: 0.005)
        XCTAssertEqual(sum[2] / Double(n), 0.25, accuracy: 0.005)
    }

    func testGammaMomentsForShapesAboveAndBelowOne() {
        for shape in [0.3, 1.0, 4.5] {
            var generator = SplitMix64(seed: 5)
            let n = 40_000
            var s = 0.0, s2 = 0.0
            for _ in 0..<n {
                let x = DirichletSampler.gamma(shape: shape, using: &generator)
                XCTAssertGreaterThanOrEqual(x, 0)
                s += x; s2 += x * x
            }
            let mean = s / Double(n), variance = s2 / Double(n) - mean * mean
            // Gamma(k, 1): mean k, variance k; standard error of the mean √(k/n).
            XCTAssertEqual(mean, shape, accuracy: 5 * (shape / Double(n)).squareRoot(), "shape \(shape)")
            XCTAssertEqual(variance, shape, accuracy: 0.06 * shape + 0.01, "shape \(shape)")
        }
    }
}

import XCTest
import Foundation
@testable import Numerics
@testable import Forecasting

final class BootstrapTests: XCTestCase {
    func testSplitMix64MatchesReferenceOutputs() {
        // Published reference sequence for seed 1234567.
        var g = SplitMix64(seed: 1234567)
        XCTAssertEqual((0..<5).map { _ in g.next() },
                       [6457827717110365317, 3203168211198807973, 9817491932198370423,
                        4593380528125082431, 16408922859458223821])
        var h = SplitMix64(seed: 9)
        for bound in [1, 2, 7, 1000] {
            for _ in 0..<200 { XCTAssert((0..<bound).contains(h.nextIndex(below: bound))) }
        }
    }

    private func logisticFit() throws -> GrowthFit {
        let x: [Double] = (2018...2024).map(Double.init)
        let noise: [Double] = [0.03, -0.02, 0.015, -0.01, 0.025, -0.03, 0.01]
        let y = x.enumerated().map { 1000 / (1 + exp(-0.9 * ($1 - 2021))) * (1 + noise[$0]) }
        return try GrowthCurves.fit(.logistic, x: x, y: y)
    }

    func testSameSeedSameNumbersWhateverTheThreadCount() throws {
        let fit = try logisticFit()
        let xs: [Double] = [2025, 2026, 2027]
        let one = try fit.bootstrap(at: xs, options: BootstrapOptions(resamples: 300, seed: 42, threads: 1))
        let two = try fit.bootstrap(at: xs, options: BootstrapOptions(resamples: 300, seed: 42, threads: 2))
        let five = try fit.bootstrap(at: xs, options: BootstrapOptions(resamples: 300, seed: 42, threads: 5))
        XCTAssertEqual(one.curve, two.curve)
        XCTAssertEqual(one.curve, five.curve)
        XCTAssertEqual(one.succeeded, five.succeeded)
        let other = try fit.bootstrap(at: xs, options: BootstrapOptions(resamples: 300, seed: 43, threads: 2))
        XCTAssertNotEqual(one.curve, other.curve)
    }

    func testPercentileIntervalsAreSensible() throws {
        let fit = try logisticFit()
        let result = try fit.bootstrap(at: [2022, 2026], options: BootstrapOptions(resamples: 500, seed: 7, level: 0.9))
        XCTAssertGreaterThan(result.succeeded, 450)
        for band in result.curve {
            XCTAssertLessThan(band.lower, band.value)
            XCTAssertGreaterThan(band.upper, band.value)
            // Same order of magnitude as the delta-method band.
            let delta = fit.confidenceInterval(at: band.x, level: 0.9)
            let ratio = (band.upper - band.lower) / (delta.upper - delta.lower)
            XCTAssertTrue(ratio > 0.3 && ratio < 3, "bootstrap/delta width ratio \(ratio) at \(band.x)")
        }
        // Inside the data the curve is pinned down better than in the forecast year.
        XCTAssertLessThan(result.curve[0].upper - result.curve[0].lower, result.curve[1].upper - result.curve[1].lower)
    }

    func testPercentileMatchesNumpyDefault() {
        // numpy.percentile([1, 2, 3, 4], [10, 50, 95]) = [1.3, 2.5, 3.85]
        XCTAssertEqual(Bootstrap.percentile([1, 2, 3, 4], 0.10), 1.3, accuracy: 1e-12)
        XCTAssertEqual(Bootstrap.percentile([1, 2, 3, 4], 0.50), 2.5, accuracy: 1e-12)
        XCTAssertEqual(Bootstrap.percentile([1, 2, 3, 4], 0.95), 3.85, accuracy: 1e-12)
    }

    func testSelectionGivesTheSamePercentilesAsSorting() {
        var g = SplitMix64(seed: 5)
        for count in [1, 2, 3, 10, 101, 1000] {
            let values = (0..<count).map { _ in Double(g.next() % 1000) / 7 }   // with ties
            for q in [0.0, 0.025, 0.5, 0.9, 0.975, 1.0] {
                var scratch = values
                XCTAssertEqual(Bootstrap.selectPercentile(&scratch, q), Bootstrap.percentile(values.sorted(), q),
                               "n=\(count) q=\(q)")
            }
        }
    }

    func testInvalidOptionsAreErrors() throws {
        let fit = try logisticFit()
        XCTAssertThrowsError(try fit.bootstrap(at: [2025], options: BootstrapOptions(resamples: 0)))
        XCTAssertThrowsError(try fit.bootstrap(at: [2025], options: BootstrapOptions(level: 1.5)))
    }
}

import Foundation
import XCTest
@testable import Forecasting

final class BassAdoptionTests: XCTestCase {
    /// The closed form written out independently of the catalog formula string.
    private func closedForm(m: Double, p: Double, q: Double, t: Double) -> Double {
        let e = exp(-(p + q) * t)
        return m * (1 - e) / (1 + (q / p) * e)
    }

    func testCatalogFormulaMatchesTheClosedForm() {
        let times = [0.5, 1, 2.5, 7, 15]
        for (m, p, q) in [(80.0, 0.03, 0.38), (100, 0.01, 0.6), (45, 0.05, 0.2)] {
            let values = BassAdoption.values(m: m, p: p, q: q, at: times)
            XCTAssertEqual(values.count, times.count)
            for (t, v) in zip(times, values) {
                XCTAssertEqual(v, closedForm(m: m, p: p, q: q, t: t), accuracy: 1e-12 * m, "t=\(t)")
            }
        }
        // A hand value: p = 0.03, q = 0.38, t = 5: e = e^(−2.05) = 0.128735…,
        // F = (1 − e)/(1 + 12.6667·e) = 0.871265/2.630642 = 0.331199…
        XCTAssertEqual(BassAdoption.values(m: 1, p: 0.03, q: 0.38, at: [5])[0], 0.33120, accuracy: 1e-5)
    }

    func testStartsAtZeroAndSaturatesAtThePotential() {
        let values = BassAdoption.values(m: 70, p: 0.02, q: 0.4, at: [0, 200])
        XCTAssertEqual(values[0], 0, accuracy: 1e-12)
        XCTAssertEqual(values[1], 70, accuracy: 1e-9)
    }

    func testInverseRoundTrips() throws {
        for f in [0.0, 0.1, 0.5, 0.9, 0.999] {
            let t = try XCTUnwrap(BassAdoption.time(atFraction: f, p: 0.03, q: 0.38))
            XCTAssertEqual(closedForm(m: 1, p: 0.03, q: 0.38, t: t), f, accuracy: 1e-12)
        }
        XCTAssertNil(BassAdoption.time(atFraction: 1, p: 0.03, q: 0.38))
        XCTAssertNil(BassAdoption.time(atFraction: 0.5, p: 0, q: 0.38))
    }

    func testPathIsCalibratedToTheCurrentLevel() throws {
        let settings = AdoptionSettings(dataYear: 2023, horizon: 2030)
        let path = try XCTUnwrap(BassAdoption.path(score: 60, current: 25, potential: 65, settings: settings))
        XCTAssertEqual(path.points.map(\.year), Array(2023...2030))
        XCTAssertEqual(path.points[0].value, 25, accuracy: 1e-9)
        XCTAssertEqual(path.p, 0.01 + 0.04 * 0.6, accuracy: 1e-15)
        XCTAssertEqual(path.q, 0.2 + 0.4 * 0.6, accuracy: 1e-15)
        for (a, b) in zip(path.points, path.points.dropFirst()) { XCTAssertGreaterThan(b.value, a.value) }
        XCTAssertLessThan(path.points.last?.value ?? 100, 65)
        XCTAssertEqual(path.points[3].value, closedForm(m: 65, p: path.p, q: path.q, t: path.age + 3), accuracy: 1e-9)
    }

    func testHalfwayYearIsTheFirstYearAtOrAboveFifty() throws {
        let settings = AdoptionSettings(dataYear: 2023, horizon: 2040)
        let path = try XCTUnwrap(BassAdoption.path(score: 40, current: 20, potential: 70, settings: settings))
        let firstAbove = path.points.first { $0.value >= 50 }?.year
        XCTAssertNotNil(firstAbove)
        XCTAssertEqual(path.milestone, .year(firstAbove ?? 0))
        // The year before is still below 50.
        if let year = firstAbove, let before = path.points.first(where: { $0.year == year - 1 }) {
            XCTAssertLessThan(before.value, 50)
        }
    }

    func testMilestoneCases() throws {
        let short = AdoptionSettings(dataYear: 2023, horizon: 2025)
        XCTAssertEqual(BassAdoption.path(score: 90, current: 70, potential: 90, settings: short)?.milestone, .reached)
        XCTAssertEqual(BassAdoption.path(score: 90, current: 10, potential: 45, settings: short)?.milestone, .never)
        XCTAssertEqual(BassAdoption.path(score: 10, current: 10, potential: 70, settings: short)?.milestone, .afterHorizon)
        XCTAssertNil(BassAdoption.path(score: 10, current: 70, potential: 70, settings: short), "current = potential cannot be calibrated")
    }

    func testHigherScoreMovesFaster() throws {
        let settings = AdoptionSettings()
        let slow = try XCTUnwrap(BassAdoption.path(score: 20, current: 20, potential: 70, settings: settings))
        let fast = try XCTUnwrap(BassAdoption.path(score: 80, current: 20, potential: 70, settings: settings))
        XCTAssertGreaterThan(fast.points.last?.value ?? 0, slow.points.last?.value ?? 0)
    }
}

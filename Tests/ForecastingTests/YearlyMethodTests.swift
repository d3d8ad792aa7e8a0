import Foundation
import Numerics
import XCTest
@testable import Forecasting

/// The yearly methods against closed forms and against an independent scipy fit of the
/// same objective (bench/accuracy/oracle_smoothing.py → Tests/Fixtures/forecasting).
final class YearlyMethodTests: XCTestCase {
    func testNaiveAndDriftAreTheirClosedForms() throws {
        XCTAssertEqual(try YearlyMethod.naive.forecast([4, 9, 7], horizon: 3), [7, 7, 7])
        // Drift: the line through the first and last values, continued: (10 − 1) / 3 = 3 a year.
        XCTAssertEqual(try YearlyMethod.drift.forecast([1, 5, 2, 10], horizon: 3), [13, 16, 19])
        // On the log scale: constant growth, 100 → 400 over two years is ×2 a year.
        let growth = try YearlyMethod.driftLog.forecast([100, 150, 400], horizon: 2)
        XCTAssertEqual(growth[0], 800, accuracy: 1e-9)
        XCTAssertEqual(growth[1], 1600, accuracy: 1e-9)
    }

    func testDampedTrendOnAnExactLineFlattensByPhi() throws {
        // On a straight line the forecast is the last value plus the slope damped by φ, φ², …
        // for whatever φ the fit settled on (to 1e-6: with φ < 1 the one-step forecasts miss
        // the line slightly, so the states are not exactly 163 and 7).
        let y = (0..<10).map { 100 + 7 * Double($0) }
        let fit = try DampedTrend.fit(y)
        var expected: [Double] = []
        var sum = 0.0, power = 1.0
        for _ in 0..<4 { power *= fit.phi; sum += power; expected.append(163 + 7 * sum) }
        let forecast = fit.forecast(horizon: 4)
        for (a, b) in zip(forecast, expected) { XCTAssertEqual(a, b, accuracy: 1e-6 * b) }
        XCTAssertTrue((DampedTrend.dampingBounds.lower...DampedTrend.dampingBounds.upper).contains(fit.phi))
    }

    func testJacobiansMatchFiniteDifferences() {
        let y: [Double] = [12, 15, 14, 19, 23, 22, 28, 35, 33, 41]
        func check(_ function: ResidualFunction, at theta: [Double]) {
            let m = function.residualCount, p = function.parameterCount
            var r = [Double](repeating: 0, count: m), jacobian = [Double](repeating: 0, count: m * p)
            function.residualsAndJacobian(at: theta, residuals: &r, jacobian: &jacobian)
            for k in 0..<p {
                let step = 1e-6
                var plus = theta, minus = theta
                plus[k] += step; minus[k] -= step
                var rp = [Double](repeating: 0, count: m), rm = rp
                function.residuals(at: plus, into: &rp)
                function.residuals(at: minus, into: &rm)
                for i in 0..<m {
                    let numeric = (rp[i] - rm[i]) / (2 * step)
                    XCTAssertEqual(jacobian[k * m + i], numeric, accuracy: 1e-5 * max(1, abs(numeric)), "∂r\(i)/∂θ\(k)")
                }
            }
        }
        check(DampedTrend.OneStepErrors(y), at: [0.4, 0.3, 0.9])
        check(DampedTrend.OneStepErrors(y), at: [0.9, 0.05, 0.81])
        check(SimpleExponentialSmoothing.OneStepErrors(y), at: [0.35])
    }

    func testSmoothingFitsMatchAnIndependentScipyFit() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/forecasting/smoothing-oracle.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        let m1 = Dictionary(uniqueKeysWithValues: try M1Data.training().map { ($0.id, $0.values) })
        XCTAssertEqual(lines.count, 12)
        for line in lines {
            let cells = line.split(separator: ",").map(String.init)
            let name = cells[0], method = cells[1]
            let sse = try XCTUnwrap(Double(cells[2]))
            let expected = cells[3...].compactMap(Double.init)
            let y = name == "china-ai-market-size" ? [2633, 3031, 4305, 5080, 5298, 7470] : try XCTUnwrap(m1[name])
            let ours: (sse: Double, forecast: [Double])
            switch method {
            case "ses":
                let fit = try SimpleExponentialSmoothing.fit(y)
                ours = (sumOfSquares(SimpleExponentialSmoothing.OneStepErrors(y), [fit.alpha]), fit.forecast(horizon: 6))
            case "theta":
                let fit = try SimpleExponentialSmoothing.fit(y)
                ours = (sumOfSquares(SimpleExponentialSmoothing.OneStepErrors(y), [fit.alpha]),
                        try ThetaMethod.forecast(y, horizon: 6))
            default:
                let fit = try DampedTrend.fit(y)
                ours = (sumOfSquares(DampedTrend.OneStepErrors(y), [fit.alpha, fit.beta, fit.phi]), fit.forecast(horizon: 6))
            }
            // Our optimum is at least as good as scipy's (both minimise the same sum).
            XCTAssertLessThanOrEqual(ours.sse, sse * (1 + 1e-6), "\(name) \(method)")
            for (a, b) in zip(ours.forecast, expected) {
                XCTAssertEqual(a, b, accuracy: 1e-3 * abs(b), "\(name) \(method)")
            }
        }
    }

    private func sumOfSquares(_ function: ResidualFunction, _ theta: [Double]) -> Double {
        var r = [Double](repeating: 0, count: function.residualCount)
        function.residuals(at: theta, into: &r)
        return r.reduce(0) { $0 + $1 * $1 }
    }

    func testMedianWeightsAddUpToOneEachYear() throws {
        // Growth that wavers (a fall in 2 of 6 years): every pool member joins.
        let result = try YearlyForecaster.forecast([100, 120, 110, 150, 140, 180, 200], model: .auto, horizon: 5, level: 0.95)
        XCTAssertEqual(result.members.map(\.name), YearlyForecaster.pool.map(\.rawValue))
        for h in 0..<5 {
            XCTAssertEqual(result.members.map { $0.weights[h] }.reduce(0, +), 1, accuracy: 1e-12)
            let weighted = result.members.map { $0.weights[h] * $0.values[h] }.reduce(0, +)
            XCTAssertEqual(result.values[h], weighted, accuracy: 1e-9 * abs(weighted))
            let sorted = result.members.map { $0.values[h] }.sorted()
            XCTAssertEqual(result.values[h], (sorted[2] + sorted[3]) / 2, accuracy: 1e-9 * abs(weighted))
        }
        // The combination is a value carrying its members; the label is only made for display.
        XCTAssertEqual(result.combination?.members.map(\.method), [.naive, .ses, .drift, .damped, .driftLog, .thetaLog])
        XCTAssertEqual(result.combination?.leftOut, [])
        XCTAssertEqual(result.combination?.steadyGrowth, false)
        XCTAssertEqual(result.label, "combination(naive,ses,drift,damped,drift-log,theta-log)")
    }

    /// A steadily growing series (mean log change above its standard deviation) leaves out
    /// the two members without trend; the median of the other four is the mean of the middle two.
    func testASteadilyGrowingSeriesLeavesOutTheMembersWithoutTrend() throws {
        let steady: [Double] = [100, 120, 150, 170, 210, 260, 300]
        XCTAssertTrue(YearlyForecaster.growsSteadily(steady))
        let result = try YearlyForecaster.forecast(steady, model: .auto, horizon: 5, level: 0.95)
        XCTAssertEqual(result.combination?.members.map(\.method), [.drift, .damped, .driftLog, .thetaLog])
        XCTAssertEqual(result.combination?.steadyGrowth, true)
        XCTAssertEqual(result.combination?.leftOut, [], "left out by the rule, not for want of data")
        for h in 0..<5 {
            let sorted = result.members.map { $0.values[h] }.sorted()
            XCTAssertEqual(result.values[h], (sorted[1] + sorted[2]) / 2, accuracy: 1e-9 * result.values[h])
        }
        // The rule's edges, by hand: log changes ln 2 and ln 1.1 have mean 0.394 and standard
        // deviation 0.423, so not steady; a single rise is steady, a single fall is not;
        // a series with a value ≤ 0 is never steady (no log changes).
        XCTAssertFalse(YearlyForecaster.growsSteadily([1, 2, 2.2]))
        XCTAssertTrue(YearlyForecaster.growsSteadily([1, 2, 3]))
        XCTAssertTrue(YearlyForecaster.growsSteadily([1, 1.5]))
        XCTAssertFalse(YearlyForecaster.growsSteadily([2, 1]))
        XCTAssertFalse(YearlyForecaster.growsSteadily([0, 1, 2, 3]))
        XCTAssertFalse(YearlyForecaster.growsSteadily([5]))
    }

    func testIntervalsNestByLevelAndWidenWithTheHorizon() throws {
        let y: [Double] = [100, 120, 150, 170, 210, 260, 300]
        let wide = try YearlyForecaster.forecast(y, model: .auto, horizon: 6, level: 0.95)
        let narrow = try YearlyForecaster.forecast(y, model: .auto, horizon: 6, level: 0.8)
        for h in 0..<6 {
            XCTAssertLessThan(wide.lower[h], narrow.lower[h])
            XCTAssertLessThan(narrow.lower[h], narrow.values[h])
            XCTAssertLessThan(narrow.values[h], narrow.upper[h])
            XCTAssertLessThan(narrow.upper[h], wide.upper[h])
            if h > 0 { XCTAssertGreaterThan(wide.upper[h] - wide.lower[h], wide.upper[h - 1] - wide.lower[h - 1]) }
        }
        // Above the point: the calibrated quantile times the series' scale, mean |Δy| = 200/6;
        // below it: the relative quantile, F · exp(r · s / F).
        let table = ReferenceCalibration.table(for: .auto)
        let s = 200.0 / 6, f = wide.values[0]
        XCTAssertEqual(wide.upper[0] - f, table.quantile(0.975, horizon: 1) * s, accuracy: 1e-9)
        XCTAssertEqual(wide.lower[0], f * exp(table.relativeQuantile(0.025, horizon: 1) * s / f), accuracy: 1e-9 * f)
        // Asymmetric as growth is: the relative lower end lies closer to the point than the
        // additive one would.
        XCTAssertGreaterThan(wide.lower[5], wide.values[5] + table.quantile(0.025, horizon: 6) * s)
    }

    func testTheCombinationLeavesOutWhatTheSeriesCannotSupport() throws {
        let mixed = try YearlyForecaster.forecast([5, -2, 4, -1, 6, 3], model: .auto, horizon: 3, level: 0.95)
        XCTAssertEqual(mixed.combination?.members.map(\.method), [.naive, .ses, .drift, .damped])
        XCTAssertEqual(mixed.combination?.leftOut, [.driftLog, .thetaLog])
        let short = try YearlyForecaster.forecast([10, 12, 15], model: .auto, horizon: 3, level: 0.95)
        XCTAssertEqual(short.combination?.leftOut, [.damped])
        XCTAssertEqual(short.warnings.first, .partialPool(members: short.members.map(\.method), needsPositive: false, needsPoints: YearlyMethod.damped.minimumPoints))
        XCTAssertTrue(short.warnings.contains { $0.description.contains("damped") })
    }

    func testAPositiveSeriesIsNeverForecastBelowZero() throws {
        let falling: [Double] = [1000, 700, 450, 260, 120, 40]
        for model in ReferenceCalibration.models {
            let result = try YearlyForecaster.forecast(falling, model: model, horizon: 8, level: 0.95)
            XCTAssertTrue(result.values.allSatisfy { $0 > 0 }, model.name)
            XCTAssertTrue(result.lower.allSatisfy { $0 > 0 }, model.name)
            XCTAssertTrue(zip(result.lower, result.values).allSatisfy { $0 <= $1 }, model.name)
        }
    }

    func testQuantilesBeyondTheCalibratedHorizonGrowInProportion() {
        let table = ReferenceCalibration.table(for: .auto)
        let q10 = table.quantile(0.975, horizon: 10)
        XCTAssertEqual(table.quantile(0.975, horizon: 20), 2 * q10, accuracy: 1e-12)
        XCTAssertEqual(table.quantile(0.5, horizon: 1), table.quantiles[0][99], accuracy: 1e-12)
    }
}

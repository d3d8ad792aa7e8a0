import XCTest
import Foundation
@testable import Numerics
@testable import Forecasting

final class GrowthCurveTests: XCTestCase {
    static let years: [Double] = (2015...2024).map(Double.init)
    static let noise: [Double] = [0.03, -0.02, 0.015, -0.01, 0.025, -0.03, 0.01, 0.02, -0.015, 0.005]

    /// Noiseless data from known parameters: every catalog model must recover them
    /// without being given start values.
    func testEveryModelRecoversItsParametersFromExactData() throws {
        let x = Self.years
        let truth: [GrowthModelKind: [Double]] = [
            .linear: [120, 35],
            .exponential: [80, 0.32],
            .logistic: [1000, 0.8, 2020],
            .gompertz: [500, 0.5, 2019],
            .richards: [800, 0.7, 2019.5, 0.5],
            .bass: [2000, 0.02, 0.5],
            .monomolecular: [900, 0.25, 2013],
        ]
        for kind in GrowthModelKind.allCases {
            let theta = try XCTUnwrap(truth[kind])
            let origin = GrowthCurves.origin(for: kind, x: x, options: .init())
            let formula = try Formula(kind.formula(origin: origin), variables: ["x"], parameterOrder: kind.parameterNames)
            let y = x.map { formula.expression.evaluateDual(parameters: theta, variables: [$0]).value }
            let fit = try GrowthCurves.fit(kind, x: x, y: y)
            XCTAssertTrue(fit.converged, "\(kind): \(fit.reason)")
            for (k, name) in kind.parameterNames.enumerated() {
                XCTAssertEqual(fit.parameters[k], theta[k], accuracy: 1e-6 * max(1, abs(theta[k])), "\(kind).\(name)")
            }
            XCTAssertLessThan(fit.residualSumOfSquares, 1e-12 * y.map { $0 * $0 }.reduce(0.0, +), "\(kind)")
            XCTAssertEqual(fit.predict(2030), formula.expression.evaluateDual(parameters: theta, variables: [2030]).value,
                           accuracy: 1e-5 * abs(fit.predict(2030)), "\(kind)")
        }
    }

    /// scipy.optimize.curve_fit (tight tolerances) on the same noisy data is the oracle
    /// (values printed by bench/numerics/oracle_growth.py).
    func testLogisticAndGompertzMatchScipy() throws {
        let x = Self.years
        let logistic = x.enumerated().map { 1000 / (1 + exp(-0.8 * ($1 - 2020))) * (1 + Self.noise[$0]) }
        let fit = try GrowthCurves.fit(.logistic, x: x, y: logistic)
        let expected = [999.9832817741142, 0.8057681323578192, 2019.9958661335281]
        let expectedSE = [12.409010069347152, 0.02522074845302976, 0.05305440503543376]
        for k in 0..<3 {
            XCTAssertEqual(fit.parameters[k], expected[k], accuracy: 1e-7 * abs(expected[k]))
            XCTAssertEqual(fit.standardErrors[k], expectedSE[k], accuracy: 1e-5 * expectedSE[k])
        }
        XCTAssertEqual(fit.residualSumOfSquares, 811.6947734738341, accuracy: 1e-7 * 811.69)
        let ci = fit.confidenceInterval(at: 2026, level: 0.95)
        XCTAssertEqual(ci.lower, 965.6498690611623, accuracy: 1e-4)
        XCTAssertEqual(ci.upper, 1018.5948066270438, accuracy: 1e-4)
        let pi = fit.predictionInterval(at: 2026, level: 0.95)
        XCTAssertEqual(pi.lower, 955.3914823423517, accuracy: 1e-4)
        XCTAssertEqual(pi.upper, 1028.8531933458544, accuracy: 1e-4)

        let gompertz = x.enumerated().map { 500 * exp(-exp(-0.5 * ($1 - 2019))) * (1 + Self.noise[$0]) }
        let g = try GrowthCurves.fit(.gompertz, x: x, y: gompertz)
        let ge = [500.92949657105873, 0.49984637696250284, 2019.0026191231543]
        let gse = [8.77158048448006, 0.02087454902166819, 0.054936414780416075]
        for k in 0..<3 {
            XCTAssertEqual(g.parameters[k], ge[k], accuracy: 1e-7 * abs(ge[k]))
            XCTAssertEqual(g.standardErrors[k], gse[k], accuracy: 1e-5 * gse[k])
        }
    }

    func testLogResponseFitsMultiplicativeErrors() throws {
        // Exponential with log response is a straight line in log y: compare with OLS.
        let x = Self.years
        let y = x.enumerated().map { 50 * pow(1.3, $1 - 2015) * exp(Self.noise[$0]) }
        let fit = try GrowthCurves.fit(.exponential, x: x, y: y, options: GrowthFitOptions(logResponse: true))
        let line = try XCTUnwrap(StartValues.line(x.map { $0 - 2015 }, y.map { log($0) }))
        XCTAssertEqual(fit.parameter("a")!, exp(line.intercept), accuracy: 1e-9 * exp(line.intercept))
        XCTAssertEqual(fit.parameter("g")!, exp(line.slope) - 1, accuracy: 1e-10)
        // The interval is built on the log scale: asymmetric around the prediction.
        let ci = fit.confidenceInterval(at: 2027, level: 0.9)
        let mid = fit.predict(2027)
        XCTAssertEqual(mid, exp(line.intercept) * pow(exp(line.slope), 12), accuracy: 1e-8 * mid)
        XCTAssertLessThan(ci.lower, mid)
        XCTAssertGreaterThan(ci.upper - mid, mid - ci.lower)
        XCTAssertThrowsError(try GrowthCurves.fit(.exponential, x: [1, 2, 3], y: [1, -2, 3], options: GrowthFitOptions(logResponse: true))) { e in
            XCTAssertTrue("\(e)".contains("positive"), "\(e)")
        }
    }

    func testEarlyPhaseDataWarnsThatTheCeilingIsNotPinnedDown() throws {
        // Pure exponential growth fitted with a logistic: the ceiling is not identified.
        let x = Self.years
        let y = x.enumerated().map { 10 * pow(1.4, $1 - 2015) * (1 + Self.noise[$0]) }
        let fit = try GrowthCurves.fit(.logistic, x: x, y: y)
        XCTAssertTrue(fit.warnings.contains { $0.contains("inflection") || $0.contains("ceiling") || $0.contains("poorly determined") },
                      "\(fit.warnings)")
    }

    func testFixedCeilingAndBoundsByName() throws {
        let x = Self.years
        let y = x.enumerated().map { 1000 / (1 + exp(-0.8 * ($1 - 2020))) * (1 + Self.noise[$0]) }
        let fixed = try GrowthCurves.fit(.logistic, x: x, y: y, options: GrowthFitOptions(fixed: ["K": 1200]))
        XCTAssertEqual(fixed.parameter("K"), 1200)
        XCTAssertEqual(fixed.degreesOfFreedom, 8)
        let bounded = try GrowthCurves.fit(.logistic, x: x, y: y, options: GrowthFitOptions(upperBounds: ["K": 950]))
        XCTAssertEqual(bounded.parameter("K")!, 950, accuracy: 1e-9)
        XCTAssertThrowsError(try GrowthCurves.fit(.logistic, x: x, y: y, options: GrowthFitOptions(fixed: ["Q": 1]))) { e in
            XCTAssertTrue("\(e)".contains("not a parameter"), "\(e)")
        }
    }

    func testPseudoObservationPullsTheCurve() throws {
        let x = Array(Self.years.prefix(6))
        let y = x.enumerated().map { 10 * pow(1.4, $1 - 2015) * (1 + Self.noise[$0]) }
        let anchored = try GrowthCurves.fit(.logistic, x: x, y: y, options: GrowthFitOptions(
            pseudoObservations: [PseudoObservation(x: 2035, y: 400, weight: 10)]))
        XCTAssertEqual(anchored.predict(2035), 400, accuracy: 40)
    }

    func testTooFewPointsIsAClearError() {
        XCTAssertThrowsError(try GrowthCurves.fit(.richards, x: [1, 2, 3], y: [1, 2, 3])) { e in
            XCTAssertTrue("\(e)".contains("only 3 data points"), "\(e)")
        }
        XCTAssertThrowsError(try GrowthCurves.fit(.linear, x: [1, 2], y: [1]))
        XCTAssertThrowsError(try GrowthCurves.fit(.linear, x: [1, 2, .nan], y: [1, 2, 3]))
    }

    func testStudentTQuantilesMatchScipy() {
        let cases: [(Double, Double, Double)] = [
            (1, 0.975, 12.706204736174694), (2, 0.95, 2.9199855803537242), (3, 0.995, 5.840909309733355),
            (5, 0.975, 2.5705818356363146), (10, 0.9, 1.372183641110336), (30, 0.975, 2.0422724563012378),
            (1000, 0.995, 2.580754698065951),
        ]
        for (nu, p, q) in cases {
            XCTAssertEqual(StudentT.quantile(p, degreesOfFreedom: nu), q, accuracy: 1e-9 * q, "t(\(nu)) \(p)")
            XCTAssertEqual(StudentT.quantile(1 - p, degreesOfFreedom: nu), -q, accuracy: 1e-9 * q)
        }
        XCTAssertTrue(StudentT.quantile(0.5, degreesOfFreedom: 0).isNaN)
    }
}

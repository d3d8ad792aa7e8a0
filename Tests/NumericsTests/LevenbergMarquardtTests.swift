import XCTest
import Foundation
@testable import Numerics

final class LevenbergMarquardtTests: XCTestCase {
    private func residuals(_ text: String, x: [Double], y: [Double], weights: [Double]? = nil) throws -> (FormulaResiduals, [String]) {
        let f = try Formula(text, variables: ["x"])
        return (try FormulaResiduals(program: f.compiled(), columns: [x], response: y, weights: weights), f.parameterNames)
    }

    /// A straight line has the closed-form OLS solution; LM must land on it, with the
    /// textbook standard errors.
    func testLinearModelMatchesClosedForm() throws {
        let x: [Double] = [1, 2, 3, 4, 5, 6]
        let y: [Double] = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2]
        let (r, names) = try residuals("a + b*x", x: x, y: y)
        let fit = try LevenbergMarquardt.minimize(r, start: [0, 0], parameterNames: names)
        let n = Double(x.count), mx = x.reduce(0.0, +) / n, my = y.reduce(0.0, +) / n
        let sxx = x.map { ($0 - mx) * ($0 - mx) }.reduce(0.0, +)
        let sxy = zip(x, y).map { ($0 - mx) * ($1 - my) }.reduce(0.0, +)
        let b = sxy / sxx, a = my - b * mx
        let rss = zip(x, y).map { let e = $1 - a - b * $0; return e * e }.reduce(0.0, +)
        let s2 = rss / (n - 2)
        XCTAssertTrue(fit.converged)
        XCTAssertEqual(fit.parameters[0], a, accuracy: 1e-12)
        XCTAssertEqual(fit.parameters[1], b, accuracy: 1e-12)
        XCTAssertEqual(fit.residualSumOfSquares, rss, accuracy: 1e-12)
        XCTAssertEqual(fit.standardErrors[1], (s2 / sxx).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(fit.standardErrors[0], (s2 * (1 / n + mx * mx / sxx)).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(fit.degreesOfFreedom, 4)
    }

    /// Weighted fit of a constant is the weighted mean.
    func testWeightsGiveWeightedMean() throws {
        let y: [Double] = [1, 2, 4]
        let w: [Double] = [1, 2, 5]
        let (r, names) = try residuals("c + 0*x", x: [0, 0, 0], y: y, weights: w)
        let fit = try LevenbergMarquardt.minimize(r, start: [0], parameterNames: names)
        XCTAssertEqual(fit.parameters[0], (1 + 4 + 20) / 8.0, accuracy: 1e-12)
    }

    func testFixedParameterStaysAndIsNotCountedInDegreesOfFreedom() throws {
        let x: [Double] = [0, 1, 2, 3, 4]
        let y = x.map { 3 + 2 * $0 + 0.01 * sin($0 * 7) }
        let (r, names) = try residuals("a + b*x", x: x, y: y)
        let fit = try LevenbergMarquardt.minimize(r, start: [10, 1], parameterNames: names,
                                                  constraints: ParameterConstraints(fixed: [0]))
        XCTAssertEqual(fit.parameters[0], 10)
        XCTAssertTrue(fit.standardErrors[0].isNaN)
        XCTAssertEqual(fit.degreesOfFreedom, 4)
        // With a fixed at 10, the best slope is Σx(y−10)/Σx².
        let b = zip(x, y).map { $0 * ($1 - 10) }.reduce(0.0, +) / x.map { $0 * $0 }.reduce(0.0, +)
        XCTAssertEqual(fit.parameters[1], b, accuracy: 1e-12)
    }

    func testUpperBoundIsRespectedAndReported() throws {
        // Saturating data whose unconstrained ceiling is ~100; cap it at 80.
        let x: [Double] = [0, 1, 2, 3, 4, 5, 6, 7]
        let y = x.map { 100 / (1 + exp(-(($0) - 3))) }
        let (r, names) = try residuals("K/(1+exp(-(x-t0)))", x: x, y: y)
        let fit = try LevenbergMarquardt.minimize(r, start: [50, 2], parameterNames: names,
                                                  constraints: ParameterConstraints(upper: [80, .infinity]))
        XCTAssertEqual(fit.parameters[0], 80, accuracy: 0)
        XCTAssertEqual(fit.warnings, [.onBound(parameter: "K", value: 80, side: .upper)])
        XCTAssertEqual(fit.warnings.map(\.description),
                       ["K = 80.0 sits on its upper bound; the data would move it further, so its standard error is not reported"])
        XCTAssertTrue(fit.converged)
    }

    /// sqrt(b) is NaN for b < 0: a first step that overshoots into negative b must be
    /// rejected and the region shrunk, not propagated.
    func testNaNStepsAreRejected() throws {
        let x: [Double] = [1, 2, 3, 4, 5]
        let y = x.map { 0.01 * $0 }     // best b ≈ 1e-4, far from the start 50
        let (r, names) = try residuals("sqrt(b)*x", x: x, y: y)
        let fit = try LevenbergMarquardt.minimize(r, start: [50], parameterNames: names)
        XCTAssertTrue(fit.parameters[0].isFinite)
        XCTAssertEqual(fit.parameters[0], 1e-4, accuracy: 1e-12)
    }

    func testRankDeficiencyIsAWarning() throws {
        // a and b only appear as a*b: one direction is free.
        let x: [Double] = [1, 2, 3, 4]
        let (r, names) = try residuals("a*b*x", x: x, y: x.map { 2 * $0 + 0.01 * $0 * $0 })
        let fit = try LevenbergMarquardt.minimize(r, start: [1, 1], parameterNames: names)
        XCTAssertEqual(fit.rank, 1)
        XCTAssertEqual(fit.warnings, [.rankDeficient(rank: 1, estimated: 2, undetermined: ["a", "b"])])
        XCTAssertTrue(fit.warnings[0].description.hasPrefix("the Jacobian is rank deficient (rank 1 of 2): the data do not determine a, b separately"),
                      "\(fit.warnings)")
        XCTAssertTrue(fit.standardErrors.allSatisfy { $0.isNaN })
    }

    func testBadInputIsAnErrorWithAMessage() throws {
        let (r, names) = try residuals("a*exp(b*x)", x: [1, 2], y: [1, 2])
        XCTAssertThrowsError(try LevenbergMarquardt.minimize(r, start: [1], parameterNames: ["a"]))
        XCTAssertThrowsError(try LevenbergMarquardt.minimize(r, start: [.nan, 1], parameterNames: names))
        XCTAssertThrowsError(try LevenbergMarquardt.minimize(r, start: [1, 1000], parameterNames: names)) { e in
            XCTAssertTrue("\(e)".contains("not finite at observation"), "\(e)")
        }
        let (r3, n3) = try residuals("a + b*x + c*x^2", x: [1, 2], y: [1, 2])
        XCTAssertThrowsError(try LevenbergMarquardt.minimize(r3, start: [1, 1, 1], parameterNames: n3)) { e in
            XCTAssertTrue("\(e)".contains("cannot determine 3 parameters"), "\(e)")
        }
    }

    func testEvaluationLimitGivesNotConverged() throws {
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7]
        let y = x.map { 5 * exp(-0.3 * $0) + 0.001 * cos($0) }
        let (r, names) = try residuals("a*exp(-b*x)", x: x, y: y)
        var options = LevenbergMarquardtOptions()
        options.maxEvaluations = 2
        let fit = try LevenbergMarquardt.minimize(r, start: [1, 1], parameterNames: names, options: options)
        XCTAssertFalse(fit.converged)
        XCTAssertTrue(fit.warnings.contains { if case .notConverged = $0 { return true }; return false }, "\(fit.warnings)")
    }
}

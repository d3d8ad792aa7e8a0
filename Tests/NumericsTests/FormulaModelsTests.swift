import XCTest
import Foundation
@testable import Numerics

final class FormulaModelsTests: XCTestCase {
    func testTwoVariableFormulaNamesItsColumns() throws {
        // y = b1 - b2*x1*exp(-b3*x2) without noise: exact recovery, variables by column name.
        let x1: [Double] = [1, 2, 4, 8, 16, 1, 2, 4, 8, 16]
        let x2: [Double] = [180, 180, 180, 180, 180, 250, 250, 250, 250, 250]
        let y = zip(x1, x2).map { 2.5 - 5e-9 * $0 * exp(0.06 * $1) }
        let fit = try FormulaModels.fit("b1 - b2*x1*exp(-b3*x2)", variables: [("x1", x1), ("x2", x2), ("unused", x1)],
                                        predictor: nil, y: y, start: ["b1": 2, "b2": 1e-8, "b3": -0.05])
        XCTAssertEqual(fit.parameterNames, ["b1", "b2", "b3"])
        XCTAssertEqual(fit.parameters[0], 2.5, accuracy: 1e-9)
        XCTAssertEqual(fit.parameters[1], 5e-9, accuracy: 1e-15)
        XCTAssertEqual(fit.parameters[2], -0.06, accuracy: 1e-10)
    }

    func testMissingAndUnknownStartValuesAreNamed() {
        let x: [Double] = [1, 2, 3, 4]
        XCTAssertThrowsError(try FormulaModels.fit("a*exp(b*x)", variables: [("x", x)], predictor: "x",
                                                   y: x, start: ["a": 1])) { e in
            XCTAssertEqual((e as? NumericsError)?.kind, .missingStart)
            XCTAssertTrue("\(e)".contains("--start b=VALUE"), "\(e)")
        }
        XCTAssertThrowsError(try FormulaModels.fit("a*exp(b*x)", variables: [("x", x)], predictor: "x",
                                                   y: x, start: ["a": 1, "b": 0.1, "c": 3])) { e in
            XCTAssertTrue("\(e)".contains("'c'"), "\(e)")
        }
        XCTAssertThrowsError(try FormulaModels.fit("2*x", variables: [("x", x)], predictor: "x", y: x, start: [:])) { e in
            XCTAssertTrue("\(e)".contains("no parameters"), "\(e)")
        }
    }

    func testLogResponseFormulaPredictsOnTheOriginalScale() throws {
        let x: [Double] = [0, 1, 2, 3, 4, 5]
        let noise: [Double] = [0.01, -0.02, 0.015, -0.01, 0.02, -0.005]
        let y = x.enumerated().map { 3 * exp(0.4 * $1 + noise[$0]) }
        let fit = try FormulaModels.fit("a*exp(b*x)", variables: [("x", x)], predictor: "x", y: y,
                                        start: ["a": 1, "b": 0.1], options: GrowthFitOptions(logResponse: true))
        // log y = log a + b x: ordinary least squares in closed form, written out here.
        let z = y.map { log($0) }
        let meanX = x.reduce(0, +) / Double(x.count), meanZ = z.reduce(0, +) / Double(z.count)
        var sxz = 0.0, sxx = 0.0
        for (xi, zi) in zip(x, z) { sxz += (xi - meanX) * (zi - meanZ); sxx += (xi - meanX) * (xi - meanX) }
        let slope = sxz / sxx
        let line = (slope: slope, intercept: meanZ - slope * meanX)
        XCTAssertEqual(fit.parameters[0], exp(line.intercept), accuracy: 1e-9)
        XCTAssertEqual(fit.parameters[1], line.slope, accuracy: 1e-10)
        XCTAssertEqual(fit.predict(6), exp(line.intercept + 6 * line.slope), accuracy: 1e-8)
    }
}

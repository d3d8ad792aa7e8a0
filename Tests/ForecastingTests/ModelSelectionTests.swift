import XCTest
import Foundation
@testable import Numerics
@testable import Forecasting

final class ModelSelectionTests: XCTestCase {
    static let x: [Double] = (2013...2024).map(Double.init)
    static let noise: [Double] = [0.012, -0.01, 0.008, -0.015, 0.01, -0.006, 0.014, -0.012, 0.005, 0.009, -0.011, 0.004]

    func testLinearDataChooseLinear() throws {
        let y = Self.x.enumerated().map { (100 + 25 * ($1 - 2013)) * (1 + Self.noise[$0]) }
        let selection = try ModelSelection.auto(x: Self.x, y: y)
        XCTAssertEqual(selection.chosen.kind, .linear, selection.reason)
        XCTAssertEqual(selection.candidates.count, GrowthModelKind.allCases.count)
        XCTAssertFalse(selection.reason.isEmpty)
    }

    func testExponentialDataChooseExponential() throws {
        let y = Self.x.enumerated().map { 20 * pow(1.35, $1 - 2013) * (1 + Self.noise[$0]) }
        let selection = try ModelSelection.auto(x: Self.x, y: y)
        XCTAssertEqual(selection.chosen.kind, .exponential, selection.reason)
    }

    func testSaturatingDataChooseASaturatingModel() throws {
        let y = Self.x.enumerated().map { 1000 / (1 + exp(-0.7 * ($1 - 2018))) * (1 + Self.noise[$0]) }
        let selection = try ModelSelection.auto(x: Self.x, y: y)
        XCTAssertTrue([.logistic, .richards, .gompertz].contains(selection.chosen.kind), selection.reason)
        let logistic = try XCTUnwrap(selection.candidates.first { $0.kind == .logistic })
        XCTAssertTrue(logistic.backtestMAPE.isFinite)
        XCTAssertGreaterThan(logistic.backtestForecasts, 0)
        // Ranked on the same data, the linear model must be far worse than the logistic.
        let linear = try XCTUnwrap(selection.candidates.first { $0.kind == .linear })
        XCTAssertGreaterThan(linear.aicc, logistic.aicc + 10)
    }

    func testModelsTheDataCannotSupportAreSkippedWithANote() throws {
        let x: [Double] = [2020, 2021, 2022, 2023]
        let y: [Double] = [10, 13, 17, 22]
        let selection = try ModelSelection.auto(x: x, y: y)
        let richards = try XCTUnwrap(selection.candidates.first { $0.kind == .richards })
        XCTAssertNil(richards.fit)
        XCTAssertTrue(richards.note?.contains("need more than") ?? false)
        XCTAssertTrue([.linear, .exponential].contains(selection.chosen.kind))
        XCTAssertThrowsError(try ModelSelection.auto(x: [1, 2], y: [1, 2]))
    }
}

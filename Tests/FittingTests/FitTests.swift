import Fitting
import Forecasting
import Foundation
import XCTest

/// `Fit.run` called in-process, as the command calls it: the same oracle as the command's
/// end-to-end test (scipy's estimates for the published market size), `auto` through the
/// yearly path, byte-identical JSON on a second run, and refusals as typed errors that name
/// the option.
final class FitTests: XCTestCase {
    /// The previous edition's vintage (2019–2024): six exact years.
    private let marketSize = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/editions/2026Q3/china-ai-market-size.csv").path

    private func request(model: String, x: String? = nil, level: Double = 0.95, horizon: Double? = nil,
                         data: String? = nil) throws -> FitRequest {
        try FitRequest(dataPath: data ?? marketSize, yColumn: "value", xColumn: x, model: try ModelSpec.fitArgument(model),
                       startArguments: [], logResponse: false, weightsColumn: nil, bootstrapResamples: 0, seed: 1,
                       level: level, horizon: horizon, benchRepeat: 0)
    }

    private func object(_ json: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json)
    }

    private func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    func testAnExponentialFitMatchesScipyAndTheSecondRunGivesTheSameBytes() throws {
        let result = try Fit.run(try request(model: "exponential", horizon: 2026))
        XCTAssertNil(result.failure)
        XCTAssertTrue(result.table.contains("2648.43"), result.table)
        let json = try result.json()
        let document = try object(json)
        XCTAssertEqual(document["model"] as? String, "exponential")
        XCTAssertEqual(document["converged"] as? Bool, true)
        let parameters = try XCTUnwrap(document["parameters"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: parameters.map { ($0["name"] as? String ?? "", $0) })
        // Oracle: scipy curve_fit of a·(1+g)^(x−2019), xtol = ftol = gtol = 1e-15.
        let a = try XCTUnwrap(number(byName["a"]?["value"])), g = try XCTUnwrap(number(byName["g"]?["value"]))
        XCTAssertEqual(a, 2648.4260979077, accuracy: 2648.43 * 1e-6)
        XCTAssertEqual(g, 0.22226773191129, accuracy: 0.222268 * 1e-6)
        let forecast = try XCTUnwrap(document["forecast"] as? [[String: Any]])
        XCTAssertEqual(forecast.compactMap { number($0["x"]) }, [2025, 2026])
        XCTAssertEqual(try Fit.run(try request(model: "exponential", horizon: 2026)).json(), json)
    }

    func testAutoForecastsThroughTheYearlyPathWithItsMembers() throws {
        let result = try Fit.run(try request(model: "auto", horizon: 2027))
        XCTAssertNil(result.failure)
        let document = try object(try result.json())
        XCTAssertEqual(document["model"] as? String, "auto")
        let points = try XCTUnwrap(document["forecast"] as? [[String: Any]])
        XCTAssertEqual(points.compactMap { number($0["x"]) }, [2025, 2026, 2027])
        for point in points {
            let value = try XCTUnwrap(number(point["value"]))
            XCTAssertLessThanOrEqual(try XCTUnwrap(number(point["lower"])), value)
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(number(point["upper"])), value)
        }
        XCTAssertGreaterThan((document["pool"] as? [Any])?.count ?? 0, 1)
    }

    func testRefusalsAreTypedAndNameTheOption() throws {
        XCTAssertThrowsError(try ModelSpec.fitArgument("gompertzz")) { error in
            XCTAssertTrue((error as? FitError)?.message.contains("did you mean `gompertz`") == true, "\(error)")
        }
        XCTAssertEqual(try ModelSpec.fitArgument("b1*(1-exp(-b2*x))"), .formula("b1*(1-exp(-b2*x))"))
        XCTAssertEqual(try ModelSpec.fitArgument("Logistic"), .curve(.logistic))
        XCTAssertThrowsError(try request(model: "exponential", level: 2)) { error in
            XCTAssertTrue((error as? FitError)?.message.hasPrefix("--level") == true, "\(error)")
        }
        XCTAssertThrowsError(try Fit.run(try request(model: "exponential", horizon: 2020))) { error in
            XCTAssertTrue((error as? FitError)?.message.contains("is not after the last data point") == true, "\(error)")
        }
    }
}

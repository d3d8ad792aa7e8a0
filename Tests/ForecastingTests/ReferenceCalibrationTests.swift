import Foundation
import XCTest
@testable import Forecasting

/// The shipped interval calibration is exactly what the methods give on the vendored M1
/// training years: learning it again reproduces the table to its printed precision.
final class ReferenceCalibrationTests: XCTestCase {
    func testShippedTableIsReproducibleFromTheVendoredData() throws {
        let series = try M1Data.training().map(\.values)
        XCTAssertEqual(series.count, 181)
        let learned = ReferenceCalibration.learn(from: series)
        for model in ReferenceCalibration.models {
            let shipped = ReferenceCalibration.table(for: model).quantiles
            let fresh = try XCTUnwrap(learned[model.name]).quantiles
            XCTAssertEqual(shipped.count, IntervalCalibration.horizons, model.name)
            XCTAssertEqual(fresh.count, shipped.count, model.name)
            for (h, (a, b)) in zip(shipped, fresh).enumerated() {
                XCTAssertEqual(a.count, IntervalCalibration.probabilities.count)
                for (x, y) in zip(a, b) {
                    // 6 significant digits are printed.
                    XCTAssertEqual(x, y, accuracy: 1e-5 * max(abs(y), 1e-3), "\(model.name) h=\(h + 1)")
                }
                // Quantiles ascend in probability.
                XCTAssertEqual(a, a.sorted(), "\(model.name) h=\(h + 1)")
            }
        }
    }
}

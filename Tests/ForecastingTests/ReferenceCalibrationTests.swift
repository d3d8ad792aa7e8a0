import Foundation
import XCTest
@testable import Forecasting

/// The shipped interval calibration is what the methods give on the vendored M1 and M3
/// training years. Learning every table again takes a minute in a debug build; the
/// closed-form methods' tables (naive, drift) take seconds and go through the same learner
/// and the same windows, so they are learned again here and compared to their printed
/// precision. `marketcast-bench calibrate` regenerates all of them.
final class ReferenceCalibrationTests: XCTestCase {
    func testShippedTablesOfTheClosedFormMethodsAreReproducible() throws {
        let sets = [try M1Data.training().map(\.values), try M3Data.training().map(\.values)]
        XCTAssertEqual(sets.map(\.count), [181, 645])
        for method in [YearlyMethod.naive, .drift] {
            let shipped = ReferenceCalibration.table(for: .method(method))
            let fresh = ReferenceCalibration.learn(.method(method), from: sets)
            for (name, a, b) in [("additive", shipped.quantiles, fresh.quantiles), ("relative", shipped.relative, fresh.relative)] {
                XCTAssertEqual(a.count, b.count, "\(method) \(name)")
                for (h, (x, y)) in zip(a, b).enumerated() {
                    for (u, v) in zip(x, y) {
                        // 6 significant digits are printed.
                        XCTAssertEqual(u, v, accuracy: 1e-5 * max(abs(v), 1e-3), "\(method) \(name) h=\(h + 1)")
                    }
                }
            }
        }
    }

    /// Every model has both tables, at every calibrated horizon and probability, ascending.
    func testEveryModelHasAFullTable() {
        for model in ReferenceCalibration.models {
            let table = ReferenceCalibration.table(for: model)
            for rows in [table.quantiles, table.relative] {
                XCTAssertEqual(rows.count, IntervalCalibration.horizons, model.name)
                for (h, row) in rows.enumerated() {
                    XCTAssertEqual(row.count, IntervalCalibration.probabilities.count, "\(model.name) h=\(h + 1)")
                    XCTAssertTrue(row.allSatisfy(\.isFinite), "\(model.name) h=\(h + 1)")
                    XCTAssertEqual(row, row.sorted(), "\(model.name) h=\(h + 1)")
                }
            }
        }
    }
}

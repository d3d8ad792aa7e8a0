import Foundation
import XCTest
@testable import Charts

/// Values at the edges of what a Double holds still give a layout instead of a trap: axis
/// ranges near ±Double.greatestFiniteMagnitude or a few subnormals wide.
final class ExtremeInputTests: XCTestCase {
    func testNiceScaleOfExtremeRangesGivesTicksWithoutTrapping() {
        let cases: [(Double, Double, Double)] = [
            (0, 1.79e308, 0.1),                        // headroom pushes the top past the largest double
            (0, .greatestFiniteMagnitude, 0),
            (-1.7e308, 1.7e308, 0),                    // the span itself overflows
            (-.greatestFiniteMagnitude, .greatestFiniteMagnitude, 0.5),
            (0, 4 * Double.leastNonzeroMagnitude, 0),  // a step below the smallest power of ten
            (0, Double.leastNonzeroMagnitude, 0),
            (5e-324, 5e-324, 0),
            (.nan, .infinity, 0.1),
        ]
        for (low, high, headroom) in cases {
            let scale = NiceScale(minimum: low, maximum: high, headroom: headroom)
            let ticks = scale.ticks
            XCTAssertFalse(ticks.isEmpty, "\(low)…\(high)")
            XCTAssertLessThan(ticks.count, 10_001, "\(low)…\(high)")
        }
        // Ordinary ranges are unchanged.
        XCTAssertEqual(NiceScale(minimum: 0, maximum: 95).ticks, [0, 20, 40, 60, 80, 100])
    }
}

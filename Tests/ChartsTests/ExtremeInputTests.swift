import Foundation
import TestSupport
import XCTest
@testable import Charts

/// Values and theme sizes at the edges of what a Double holds still give a layout (with
/// problems listed) instead of a trap: axis ranges near ±Double.greatestFiniteMagnitude or
/// a few subnormals wide, and a theme whose gaps are 1e308 pt.
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

    /// Every layout whose problems quote lengths in points, with gaps so large that those
    /// lengths are infinite: the problems are reported, nothing traps.
    func testAThemeWithEnormousGapsGivesProblemsNotATrap() {
        var theme = Theme.standard
        theme.spacing.labelGap = 1e308
        theme.spacing.blockGap = 1e308
        theme.spacing.minimumLabelSeparation = 1e308
        let measurer = FakeMeasurer()
        var problems: [String] = []
        problems += sampleMarketSizeChart().layout(theme: theme, measurer: measurer).problems
        problems += sampleScenarioChart().layout(theme: theme, measurer: measurer).problems
        problems += sampleVisitsChart().layout(theme: theme, measurer: measurer).problems
        problems += sampleReleaseTimeline().layout(theme: theme, measurer: measurer).problems
        problems += sampleStageDiagram().layout(theme: theme, measurer: measurer).problems
        problems += sampleRankingChart().layout(theme: theme, measurer: measurer).problems
        XCTAssertFalse(problems.isEmpty)
        for problem in problems { XCTAssertFalse(problem.isEmpty) }
    }

    func testLayoutMessagesPrintEnormousLengthsAsNumbers() {
        XCTAssertEqual(PointsText.whole(41.6), "42")
        XCTAssertEqual(PointsText.whole(41.6, .towardZero), "41")
        XCTAssertEqual(PointsText.whole(-0.4, .towardZero), "0")
        XCTAssertEqual(PointsText.whole(1e20), "100000000000000000000")
        XCTAssertEqual(PointsText.whole(.infinity), "n/a")
        XCTAssertEqual(PointsText.whole(.nan), "n/a")
    }
}

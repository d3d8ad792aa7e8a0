import XCTest
@testable import Forecasting

final class RevisionsTests: XCTestCase {
    func testChangesYearByYearWithYearsInOneRunOnly() {
        let old = [ForecastValue(series: "a", year: 2023, value: 100, isEstimate: false),
                   ForecastValue(series: "a", year: 2024, value: 120, isEstimate: true),
                   ForecastValue(series: "gone", year: 2024, value: 5, isEstimate: true)]
        let new = [ForecastValue(series: "b", year: 2024, value: 0, isEstimate: true),
                   ForecastValue(series: "a", year: 2024, value: 90, isEstimate: false),
                   ForecastValue(series: "a", year: 2025, value: 130, isEstimate: true),
                   ForecastValue(series: "a", year: 2023, value: 100, isEstimate: false)]
        let revisions = Revisions.compare(old: old, new: new)
        XCTAssertEqual(revisions.map { "\($0.series) \($0.year)" },
                       ["b 2024", "a 2023", "a 2024", "a 2025", "gone 2024"])
        XCTAssertEqual(revisions[1].change, 0)
        XCTAssertEqual(revisions[2].change, -30)
        XCTAssertEqual(revisions[2].relativeChange ?? 0, -0.25, accuracy: 1e-12)
        XCTAssertNil(revisions[3].old)
        XCTAssertNil(revisions[3].change, "a year in the new run only has no change")
        XCTAssertNil(revisions[4].new)
    }

    func testPercentOfAZeroOldValueIsAbsentNotInfinite() {
        let revisions = Revisions.compare(old: [ForecastValue(series: "a", year: 2024, value: 0, isEstimate: true)],
                                          new: [ForecastValue(series: "a", year: 2024, value: 3, isEstimate: true)])
        XCTAssertEqual(revisions.first?.change, 3)
        XCTAssertNil(revisions.first?.relativeChange)
    }

    func testScenariosAreComparedSeparately() {
        let old = [ForecastValue(series: "a", scenario: "base", year: 2025, value: 10, isEstimate: true),
                   ForecastValue(series: "a", scenario: "bull", year: 2025, value: 12, isEstimate: true)]
        let new = [ForecastValue(series: "a", scenario: "base", year: 2025, value: 11, isEstimate: true),
                   ForecastValue(series: "a", scenario: "bull", year: 2025, value: 12, isEstimate: true)]
        let revisions = Revisions.compare(old: old, new: new)
        XCTAssertEqual(revisions.map(\.scenario), ["base", "bull"])
        XCTAssertEqual(revisions.map(\.change), [1, 0])
    }
}

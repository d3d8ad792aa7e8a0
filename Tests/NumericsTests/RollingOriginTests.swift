import XCTest
@testable import Numerics

/// The one rolling-origin loop: which windows a series of n values has, by hand.
final class RollingOriginTests: XCTestCase {
    func testWindowsFullAndCutAsFarAsTheDataReach() {
        let windows = RollingOrigin.windows(count: 8, origins: 5...7, maximumHorizon: 2, cutLengths: [3, 5, 6])
        // Origin 5: full [0,5) and cut to 3 [2,5) (5 is not longer than 5); reach 2.
        // Origin 6: full, cut 3 and 5; reach 2. Origin 7: full, cut 3, 5, 6; reach 1.
        XCTAssertEqual(windows.map { [$0.start, $0.origin, $0.reach] },
                       [[0, 5, 2], [2, 5, 2],
                        [0, 6, 2], [3, 6, 2], [1, 6, 2],
                        [0, 7, 1], [4, 7, 1], [2, 7, 1], [1, 7, 1]])
        XCTAssertEqual(windows[1].history, 2..<5)
        XCTAssertEqual(windows[1].actuals, 5..<7)
    }

    func testOriginsOutsideTheDataAreDropped() {
        XCTAssertEqual(RollingOrigin.windows(count: 4, origins: 0...10, maximumHorizon: 1).map(\.origin), [1, 2, 3])
        XCTAssertTrue(RollingOrigin.windows(count: 1, origins: 0...3, maximumHorizon: 1).isEmpty)
        XCTAssertTrue(RollingOrigin.windows(count: 5, origins: 1...3, maximumHorizon: 0).isEmpty)
        XCTAssertTrue(RollingOrigin.windows(count: 5, origins: 6...9, maximumHorizon: 2).isEmpty)
    }

    func testForecastsAreCheckedForTheirLength() {
        let values: [Double] = [1, 2, 3, 4, 5]
        let windows = RollingOrigin.windows(count: 5, origins: 2...4, maximumHorizon: 2)
        let results = RollingOrigin.forecasts(values, windows: windows) { history, reach in
            history.count == 3 ? [0] : Array(repeating: history.last!, count: reach)
        }
        XCTAssertEqual(results.map(\.forecast), [[2, 2], nil, [4]])
    }
}

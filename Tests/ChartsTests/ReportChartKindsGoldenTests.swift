// Golden images of the report's chart kinds (timeline, stage diagram, figure tiles, table
// page), with the same rendering, tolerance and update switch as ChartGoldenImageTests.
import XCTest
@testable import Charts

extension ChartGoldenImageTests {
    func testTimelineMatchesGolden() throws {
        try assertMatchesGolden(sampleReleaseTimeline().layout(measurer: measurer).scene, name: "chart-timeline")
    }

    func testStageDiagramMatchesGolden() throws {
        try assertMatchesGolden(sampleStageDiagram().layout(measurer: measurer).scene, name: "chart-stage-diagram")
    }

    func testFigureTilesMatchGolden() throws {
        try assertMatchesGolden(sampleFigureTiles().layout(measurer: measurer).scene, name: "chart-figure-tiles")
    }

    func testTablePageMatchesGolden() throws {
        let pages = sampleTable().layoutPages(measurer: measurer)
        XCTAssertEqual(pages.count, 1)
        try assertMatchesGolden(pages[0].scene, name: "chart-table")
    }
}

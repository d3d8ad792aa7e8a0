import Foundation
import XCTest
@testable import Charts

/// Writes the sample charts as SVG into $CHARTS_DEBUG_DIR for a human to look at; skipped
/// otherwise. Not an assertion test: the layout tests carry the assertions.
final class DebugSVGOutput: XCTestCase {
    func testWriteSampleChartsWhenAsked() throws {
        guard let dir = ProcessInfo.processInfo.environment["CHARTS_DEBUG_DIR"] else {
            throw XCTSkip("set CHARTS_DEBUG_DIR to write debug SVGs")
        }
        let measurer = FakeMeasurer()
        for (name, scene) in DebugSamples.scenes(measurer: measurer) {
            try DebugSVG.document(scene).write(toFile: dir + "/" + name + ".svg", atomically: true, encoding: .utf8)
        }
    }
}

enum DebugSamples {
    static func scenes(measurer: TextMeasuring) -> [(String, Scene)] {
        var nested = sampleMarketSizeChart()
        nested.cagrSpans.append(.init(from: 0, to: 8, rate: 0.245, label: "CAGR 2019–2027E 24.5%"))
        nested.showsGridlines = true
        return [("market-size", sampleMarketSizeChart().layout(measurer: measurer).scene),
                ("market-size-nested", nested.layout(measurer: measurer).scene),
                ("chatgpt-visits", sampleVisitsChart().layout(measurer: measurer).scene),
                ("penetration-ranking", sampleRankingChart().layout(measurer: measurer).scene)]
    }
}

// Golden images, one per chart kind (market size, line, horizontal bars, scenarios,
// bubble matrix, rank-stability heatmap; the report kinds in ReportChartKindsGoldenTests.swift): the chart laid out with Pango and rendered to PNG
// at scale 0.5 (480×270 px), compared with Tests/Fixtures/golden/chart-<kind>.png.
// Layout tests assert geometry as numbers; these catch what numbers miss (a colour,
// a missing stroke, a glyph that falls back to tofu).
//
// The comparison, its one tolerance, the difference image on failure and the update switch
// are TestSupport's GoldenImage; testToleranceCatchesAChangedValue shows the tolerance has
// teeth.
import Foundation
import XCTest
@testable import Charts
import Rendering
import TestSupport

final class ChartGoldenImageTests: XCTestCase {
    /// Goldens stay small so the repository does not grow with every visual change.
    static let maximumGoldenBytes = 60_000

    let measurer = PangoTextMeasurer()
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "chart-golden-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder = folder { try? FileManager.default.removeItem(atPath: folder) }
    }

    func testMarketSizeChartMatchesGolden() throws {
        try assertMatchesGolden(sampleMarketSizeChart().layout(measurer: measurer).scene, name: "chart-market-size")
    }

    func testLineChartMatchesGolden() throws {
        try assertMatchesGolden(sampleVisitsChart().layout(measurer: measurer).scene, name: "chart-line")
    }

    func testHorizontalBarChartMatchesGolden() throws {
        try assertMatchesGolden(sampleRankingChart().layout(measurer: measurer).scene, name: "chart-horizontal-bars")
    }

    func testScenarioChartMatchesGolden() throws {
        try assertMatchesGolden(sampleScenarioChart().layout(measurer: measurer).scene, name: "chart-scenarios")
    }

    /// Issue 4's matrix: the report's eight industries, current penetration against room to grow.
    func testBubbleMatrixMatchesGolden() throws {
        let rows: [(String, Double, Double, Double)] = [
            ("互联网办公", 70, 20, 4), ("金融", 45, 35, 5), ("泛消费", 40, 35, 3), ("能源-电力", 25, 40, 4),
            ("能源-矿山", 20, 40, 4), ("交通", 15, 55, 5), ("制造", 12, 48, 2), ("医疗", 10, 60, 5),
        ]
        let matrix = BubbleMatrix(title: "大模型行业渗透：现状与空间", unitLabel: "剩余空间（百分点）",
                                  xAxisTitle: "当前渗透率（%）",
                                  bubbles: rows.enumerated().map { .init(label: $1.0, x: $1.1, y: $1.2, size: $1.3,
                                                                          isHighlighted: $0 < 2) },
                                  sizeLegend: "气泡面积 = 价值空间", sourceNote: "来源：报告定性评估（示意）。")
        try assertMatchesGolden(matrix.layout(measurer: measurer).scene, name: "chart-bubble-matrix")
    }

    /// Issue 4's rank-stability heatmap: a band matrix, each row a probability distribution.
    func testRankStabilityHeatmapMatchesGolden() throws {
        let industries = ["互联网办公", "金融", "泛消费", "能源-电力", "能源-矿山", "交通", "制造", "医疗"]
        let count = industries.count
        let probabilities: [[Double]] = (0..<count).map { r in
            (0..<count).map { c in
                c == r ? 0.7 : (abs(c - r) == 1 ? (r == 0 || r == count - 1 ? 0.3 : 0.15) : 0)
            }
        }
        let heatmap = RankStabilityHeatmap(title: "推进程度排名的稳健性", unitLabel: "单位：概率",
                                           rowLabels: industries, columnLabels: (1...count).map { "第\($0)名" },
                                           probabilities: probabilities, threshold: 0.1,
                                           sourceNote: "注：自助法重抽样下各行业名次的概率（示意）。")
        try assertMatchesGolden(heatmap.layout(measurer: measurer).scene, name: "chart-rank-heatmap")
    }

    /// The tolerance has teeth: one bar 10 % taller must not pass as the golden.
    func testToleranceCatchesAChangedValue() throws {
        var chart = sampleMarketSizeChart()
        chart.bars[3].value *= 1.1
        XCTAssertFalse(try GoldenImage.matches(chart.layout(measurer: measurer).scene, name: "chart-market-size",
                                               renderer: SceneRenderer(measurer: measurer)))
    }

    func assertMatchesGolden(_ scene: Scene, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try GoldenImage.assertMatches(scene, name: name, renderer: SceneRenderer(measurer: measurer), file: file, line: line)
        let golden = GoldenImage.folder + "/\(name).png"
        if let size = (try? FileManager.default.attributesOfItem(atPath: golden))?[.size] as? Int {
            XCTAssertLessThan(size, Self.maximumGoldenBytes, "\(golden) is too large for a fixture", file: file, line: line)
        }
    }
}

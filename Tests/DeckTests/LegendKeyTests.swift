import Charts
import Deck
import Foundation
import FoundationXML
import TestSupport
import XCTest

/// The scenario chart's native legend holds the scene legend's entries that are no series:
/// linked years (a light box with an outline) and the bounds' open ends (a dashed line), as
/// series without values (ChartLegendKeys), shown in the legend and drawing nothing.
/// Looked at in LibreOffice on Tests/Fixtures/linked-project's scenario slide.
final class LegendKeyTests: XCTestCase {
    let linked = "按旧版增速回推（非公布值）", bound = "出版方所述下限（实际值更高）"

    func scenario() -> ScenarioChart {
        let categories = ["2021", "2022", "2023", "2024E", "2025E"]
        var chart = ScenarioChart(title: "情景", unitLabel: "单位：亿元", categories: categories,
                                  actuals: [3000, 4000, 5000, nil, nil], actualLabel: "实际值",
                                  paths: [.init(label: "基准情景", startIndex: 2, values: [5000, 6000, 7000])],
                                  band: .init(label: "区间", startIndex: 2, lower: [5000, 5500, 6000], upper: [5000, 6500, 8000]))
        chart.linkedActuals = [0]
        chart.linkedLegend = linked
        chart.lowerBoundActuals = [2]
        chart.boundLegend = bound
        return chart
    }

    func part(_ chart: ScenarioChart) throws -> XMLDocument {
        let layout = chart.layout(theme: .standard, measurer: FakeMeasurer())
        let deck = try DeckPackage(try DeckWriter.data(slides: [DeckSlide(scene: layout.scene, native: layout.native,
                                                                          title: "情景", name: "scenarios")],
                                                       properties: SampleDeck.properties))
        return try deck.xml("ppt/charts/chart1.xml")
    }

    func name(_ series: XMLElement) -> String? {
        DeckPackage.elements("c:tx", in: series).first.flatMap { DeckPackage.elements("c:v", in: $0).first?.stringValue }
    }

    func index(_ node: XMLElement) -> Int? {
        DeckPackage.elements("c:idx", in: node).first.flatMap { DeckPackage.attribute($0, "val") }.flatMap(Int.init)
    }

    func testLinkedYearsAndBoundsHaveLegendEntries() throws {
        let part = try part(scenario())
        let series = DeckPackage.elements("c:ser", in: part)
        // The box is a bar series on the actuals' place (overlap 100), so the bars keep their
        // width; the band's stacked area holds only the band (a blank area on it would draw
        // its outline along the band's top).
        let bars = try XCTUnwrap(DeckPackage.elements("c:barChart", in: part).first)
        let box = try XCTUnwrap(DeckPackage.elements("c:ser", in: bars).first { name($0) == linked },
                                "the linked years' key is no bar series")
        XCTAssertEqual(DeckPackage.elements("c:overlap", in: bars).first.flatMap { DeckPackage.attribute($0, "val") }, "100")
        XCTAssertEqual(DeckPackage.elements("c:areaChart", in: part).first.map { DeckPackage.elements("c:ser", in: $0).count }, 2)
        let line = try XCTUnwrap(DeckPackage.elements("c:lineChart", in: part).first.flatMap { lines in
            DeckPackage.elements("c:ser", in: lines).first { name($0) == bound }
        }, "the bounds' key is no line series")
        for key in [box, line] {
            XCTAssertTrue(DeckPackage.elements("c:pt", in: DeckPackage.elements("c:numCache", in: key)[0]).isEmpty, "a key draws values")
        }
        // The box: the linked bars' light fill and outline; the line: dashed, without markers.
        let fill = try XCTUnwrap(DeckPackage.elements("c:spPr", in: box).first)
        XCTAssertFalse(DeckPackage.elements("a:solidFill", in: fill).isEmpty)
        let outline = try XCTUnwrap(DeckPackage.elements("a:ln", in: fill).first)
        XCTAssertTrue(DeckPackage.elements("a:noFill", in: outline).isEmpty, "the box has no outline")
        XCTAssertFalse(DeckPackage.elements("a:prstDash", in: line).isEmpty, "the bounds' line is not dashed")
        XCTAssertEqual(DeckPackage.elements("c:symbol", in: line).first.flatMap { DeckPackage.attribute($0, "val") }, "none")
        // Shown: the legend hides only the band's invisible edge (series 0).
        let hidden = DeckPackage.elements("c:legendEntry", in: part).compactMap(index)
        XCTAssertEqual(hidden, [0])
        // Indices follow plot order, so PowerPoint (by index) and LibreOffice (by order) agree.
        XCTAssertEqual(series.compactMap(index), Array(0..<series.count))
    }

    /// Without linked years or bounds the legend has no key for them.
    func testNoKeyWithoutWhatItNames() throws {
        var chart = scenario()
        chart.linkedActuals = []
        chart.lowerBoundActuals = []
        let names = DeckPackage.elements("c:ser", in: try part(chart)).compactMap(name)
        XCTAssertFalse(names.contains(linked) || names.contains(bound), "\(names)")
    }
}

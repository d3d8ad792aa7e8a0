import Charts
import Deck
import Foundation
import FoundationXML
import TestSupport
import XCTest

/// The market-size chart part read back: its cached numbers are the chart's, the workbook
/// holds the same, forecast points carry the pattern, and the CAGR arrows, series of the
/// chart, run over the bars they name at the scene's height (GrowthArrowTests: their formulas).
final class NativeChartPartTests: XCTestCase {
    let chart = SampleDeck.marketSizeChart()
    lazy var package = try! DeckPackage(try! DeckWriter.data(slides: SampleDeck.slides(measurer: FakeMeasurer()),
                                                             properties: SampleDeck.properties))

    /// The cache of the series' `c:val` (or another reference), by point index.
    func cached(_ reference: String, in part: XMLNode) -> [Int: Double] {
        guard let node = DeckPackage.elements(reference, in: part).first else { return [:] }
        var values: [Int: Double] = [:]
        for point in DeckPackage.elements("c:pt", in: node) {
            if let index = DeckPackage.attribute(point, "idx").flatMap(Int.init),
               let value = DeckPackage.elements("c:v", in: point).first?.stringValue.flatMap(Double.init) {
                values[index] = value
            }
        }
        return values
    }

    func testCachedValuesAreTheBarsAndTheMissingYearIsAnEmptyCategory() throws {
        let part = try package.xml("ppt/charts/chart1.xml")
        let values = cached("c:val", in: part)
        for (i, bar) in chart.bars.enumerated() {
            if bar.isMissing { XCTAssertNil(values[i], "the missing year has a value") } else { XCTAssertEqual(values[i], bar.value) }
        }
        let categories = DeckPackage.elements("c:cat", in: part).first.map { DeckPackage.elements("c:v", in: $0).compactMap(\.stringValue) }
        XCTAssertEqual(categories, chart.bars.map(\.label))
        let format = DeckPackage.elements("c:dLbls", in: part).first.flatMap { DeckPackage.elements("c:numFmt", in: $0).last }
        XCTAssertEqual(format.flatMap { DeckPackage.attribute($0, "formatCode") }, "#,##0.0")
    }

    func testForecastPointsArePatternFilledAndActualsAreNot() throws {
        let part = try package.xml("ppt/charts/chart1.xml")
        let series = try XCTUnwrap(DeckPackage.elements("c:ser", in: part).first)
        // The series' own fill is the pattern (the forecasts end the series), so a year
        // added after the last is hatched too; each actual year is a solid exception.
        let own = try XCTUnwrap((series.children ?? []).compactMap { $0 as? XMLElement }.first { $0.name == "c:spPr" })
        XCTAssertFalse(DeckPackage.elements("a:pattFill", in: own).isEmpty, "the series' own fill is not the pattern")
        let points = DeckPackage.elements("c:dPt", in: series)
        func index(_ point: XMLElement) -> Int? {
            DeckPackage.elements("c:idx", in: point).first.flatMap { DeckPackage.attribute($0, "val") }.flatMap(Int.init)
        }
        let solid = Set(points.filter { DeckPackage.elements("a:pattFill", in: $0).isEmpty }.compactMap(index))
        let hatched = Set(chart.bars.indices).subtracting(solid)
        XCTAssertEqual(hatched, Set(chart.bars.indices.filter { chart.bars[$0].isEstimate }))
    }

    func testErrorBarsAreTheIntervalsDistancesAndTheWorkbookHoldsTheEnds() throws {
        let part = try package.xml("ppt/charts/chart1.xml")
        let plus = cached("c:plus", in: part), minus = cached("c:minus", in: part)
        for (i, bar) in chart.bars.enumerated() {
            guard let interval = bar.interval else { XCTAssertNil(plus[i]); continue }
            XCTAssertEqual(plus[i] ?? .nan, interval.upper - bar.value, accuracy: 1e-9)
            XCTAssertEqual(minus[i] ?? .nan, bar.value - interval.lower, accuracy: 1e-9)
        }
        // The embedded workbook: the same cells, the distances as formulas of the ends.
        let rels = try package.xml("ppt/charts/_rels/chart1.xml.rels")
        let target = DeckPackage.elements("Relationship", in: rels).first.flatMap { DeckPackage.attribute($0, "Target") } ?? ""
        let workbook = try DeckPackage(package.parts[DeckPackage.resolve(target, from: "ppt/charts/chart1.xml")] ?? Data())
        let sheet = try workbook.xml("xl/worksheets/sheet1.xml")
        let cells = Dictionary(uniqueKeysWithValues: DeckPackage.elements("c", in: sheet).compactMap { cell -> (String, XMLElement)? in
            DeckPackage.attribute(cell, "r").map { ($0, cell) }
        })
        func number(_ reference: String) -> Double? {
            cells[reference].flatMap { DeckPackage.elements("v", in: $0).first?.stringValue }.flatMap(Double.init)
        }
        // Values, the two distances (right after them), then the interval's ends.
        for (i, bar) in chart.bars.enumerated() where !bar.isMissing {
            XCTAssertEqual(number("B\(i + 2)"), bar.value)
            XCTAssertEqual(number("E\(i + 2)"), bar.interval?.lower)
            XCTAssertEqual(number("F\(i + 2)"), bar.interval?.upper)
        }
        let formula = cells["D8"].flatMap { DeckPackage.elements("f", in: $0).first?.stringValue }
        XCTAssertEqual(formula, "MAX(0,F8-B8)")
        // The columns the error bars read are the chart's own (invisible) series, so a rewrite
        // of the sheet that keeps the chart's series keeps them.
        let seriesColumns = Set(DeckPackage.elements("c:val", in: part).compactMap { DeckPackage.elements("c:f", in: $0).first?.stringValue })
        for bars in ["c:plus", "c:minus"] {
            let reference = try XCTUnwrap(DeckPackage.elements(bars, in: part).first.flatMap { DeckPackage.elements("c:f", in: $0).first?.stringValue })
            XCTAssertTrue(seriesColumns.contains(reference), "\(bars) reads \(reference), no series' column")
        }
        let lineSeries = DeckPackage.elements("c:lineChart", in: part).flatMap { DeckPackage.elements("c:ser", in: $0) }
        // The two distances and the series carrying the CAGR pills (ChartCellLabels), then
        // one line per CAGR arrow (ChartGrowthArrows), which draws.
        XCTAssertEqual(lineSeries.count, 3 + chart.cagrSpans.count)
        for ser in lineSeries.prefix(3) {
            XCTAssertEqual(DeckPackage.elements("c:symbol", in: ser).first.flatMap { DeckPackage.attribute($0, "val") }, "none")
            XCTAssertFalse(DeckPackage.elements("a:noFill", in: ser).isEmpty, "an error-distance series draws a line")
        }
    }

    /// A whisker the scene cuts (above the ceiling) keeps its interval's ends in the workbook
    /// but gets no error bar, and its arrow and label stay on the slide as shapes.
    func testACutWhiskerHasNoErrorBarButKeepsItsEndsAndItsArrow() throws {
        var chart = SampleDeck.marketSizeChart()
        chart.bars[6].interval = .init(lower: 5954.6, upper: 40000)
        chart.whiskerCeiling = 1.6
        let layout = chart.layout(theme: .standard, measurer: FakeMeasurer())
        let deck = try DeckPackage(try DeckWriter.data(slides: [DeckSlide(scene: layout.scene, native: layout.native,
                                                                          title: "cut", name: "cut")],
                                                       properties: SampleDeck.properties))
        let part = try deck.xml("ppt/charts/chart1.xml")
        let plus = cached("c:plus", in: part), minus = cached("c:minus", in: part)
        XCTAssertEqual(plus[5] ?? .nan, 9000 - 7470.25, accuracy: 1e-9, "the uncut whisker keeps its error bar")
        XCTAssertNil(plus[6], "the cut whisker has no error bar")
        XCTAssertNil(minus[6])
        let rels = try deck.xml("ppt/charts/_rels/chart1.xml.rels")
        let target = DeckPackage.elements("Relationship", in: rels).first.flatMap { DeckPackage.attribute($0, "Target") } ?? ""
        let workbook = try DeckPackage(deck.parts[DeckPackage.resolve(target, from: "ppt/charts/chart1.xml")] ?? Data())
        let sheet = try workbook.xml("xl/worksheets/sheet1.xml")
        let upper = DeckPackage.elements("c", in: sheet).first { DeckPackage.attribute($0, "r") == "F8" }
            .flatMap { DeckPackage.elements("v", in: $0).first?.stringValue }.flatMap(Double.init)
        XCTAssertEqual(upper, 40000, "the workbook holds the true upper end")
        let slide = try deck.xml("ppt/slides/slide1.xml")
        let texts = DeckPackage.elements("a:t", in: slide).compactMap(\.stringValue)
        XCTAssertTrue(texts.contains("↑40000.0"), "the cut whisker's label is a shape on the slide: \(texts)")
    }

    /// Each CAGR arrow is a line series whose points are the span's categories, from its
    /// first bar to its last, drawn where the scene draws its arrow's line: above every bar
    /// and whisker, inside the plot. The slide has no arrow shape left.
    func testCAGRArrowsAreLinesOverTheBarsTheyName() throws {
        let part = try package.xml("ppt/charts/chart1.xml")
        let slide = try package.xml("ppt/slides/slide1.xml")
        func number(_ name: String, in node: XMLNode) -> Double {
            DeckPackage.elements(name, in: node).first.flatMap { DeckPackage.attribute($0, "val") }.flatMap(Double.init) ?? .nan
        }
        let layout = chart.layout(theme: .standard, measurer: FakeMeasurer())
        let axisMax = number("c:max", in: part), axisMin = number("c:min", in: part)
        XCTAssertEqual(axisMin, 0)
        let plot = try XCTUnwrap(layout.native.flatMap { content -> NativeChart? in
            if case .chart(let chart) = content { return chart }
            return nil
        }).plot
        /// A value's height on the page, from the chart part's own axis.
        func y(_ value: Double) -> Double { plot.maxY - plot.height * (value - axisMin) / (axisMax - axisMin) }
        let arrows = DeckPackage.elements("c:ser", in: part).filter {
            DeckPackage.elements("c:v", in: DeckPackage.elements("c:tx", in: $0)[0]).first?.stringValue?.hasPrefix("CAGR 箭头") ?? false
        }
        XCTAssertEqual(arrows.count, chart.cagrSpans.count)
        let tallest = chart.bars.map { max($0.value, $0.interval?.upper ?? 0) }.max() ?? 0
        for (k, span) in chart.cagrSpans.enumerated() {
            let points = cached("c:val", in: arrows[k])
            XCTAssertEqual(points.keys.sorted(), Array(span.from...span.to), "arrow \(k + 1) runs over other categories")
            let heights = Set(points.values)
            XCTAssertEqual(heights.count, 1, "arrow \(k + 1) is not level")
            let height = try XCTUnwrap(heights.first)
            let scene = try XCTUnwrap(layout.arrows.first { $0.spanIndex == k })
            XCTAssertEqual(y(height), scene.lineY, accuracy: 0.01, "arrow \(k + 1) is not where the scene draws its line")
            XCTAssertGreaterThan(height, tallest, "arrow \(k + 1) is not above every bar and whisker")
            XCTAssertLessThan(height, axisMax, "arrow \(k + 1) is off the plot")
        }
        let names = DeckPackage.elements("p:cNvPr", in: slide).compactMap { DeckPackage.attribute($0, "name") }
        XCTAssertFalse(names.contains { $0.hasPrefix("cagr-arrow") || $0.contains(" CAGR ") }, "an arrow is still a shape: \(names)")
        XCTAssertTrue(DeckPackage.elements("p:cxnSp", in: slide).isEmpty)
    }
}

import Charts
import Deck
import Foundation
import FoundationXML
import TestSupport
import XCTest

/// Annotations tied to the data: the CAGR pills and a bound's "超过" are data labels that
/// read workbook cells ("Value From Cells"), and the cells are formulas of the chart's
/// values, so "Edit Data" changes them. Read back from the written deck: every label range
/// names cells whose cached text is the label's cache, the CAGR cell's formula recomputes
/// (from the workbook's own values) to the rate the pill says, and each labelled point has
/// a label showing a CELLRANGE field.
final class CellLabelTests: XCTestCase {
    /// The sample chart with rates that are the bars' growth, and 2020 a published lower bound.
    func chart() -> MarketSizeChart {
        var chart = SampleDeck.marketSizeChart()
        let values = chart.bars.map(\.value)
        chart.cagrSpans = [.init(from: 0, to: 4, rate: pow(values[4] / values[0], 1.0 / 4) - 1),
                           .init(from: 4, to: 6, rate: pow(values[6] / values[4], 1.0 / 2) - 1, prefix: "CAGR ≤")]
        chart.bars[1].bound = .lower
        chart.boundPrefixes = [.lower: "超过", .upper: "不足"]
        return chart
    }

    typealias Cell = DeckPackage.Cell

    /// The chart part and its workbook's cells by reference (`B2`).
    func written(_ chart: MarketSizeChart) throws -> (part: XMLDocument, cells: [String: Cell]) {
        let layout = chart.layout(theme: .standard, measurer: FakeMeasurer())
        let deck = try DeckPackage(try DeckWriter.data(slides: [DeckSlide(scene: layout.scene, native: layout.native,
                                                                          title: "cells", name: "market-size")],
                                                       properties: SampleDeck.properties))
        return (try deck.xml("ppt/charts/chart1.xml"), try deck.workbookCells(of: "ppt/charts/chart1.xml"))
    }

    /// Every series' label range: the column it reads and its cached text by point.
    func labelRanges(_ part: XMLDocument) -> [(series: XMLElement, column: String, cache: [Int: String])] {
        DeckPackage.elements("c:ser", in: part).compactMap { series in
            guard let range = DeckPackage.elements("c15:datalabelsRange", in: series).first,
                  let reference = DeckPackage.elements("c15:f", in: range).first?.stringValue,
                  let match = reference.range(of: #"![$]([A-Z]+)[$]"#, options: .regularExpression) else { return nil }
            let column = String(reference[match].dropFirst(2).dropLast())
            var cache: [Int: String] = [:]
            for point in DeckPackage.elements("c:pt", in: DeckPackage.elements("c15:dlblRangeCache", in: range)[0]) {
                if let index = DeckPackage.attribute(point, "idx").flatMap(Int.init) {
                    cache[index] = DeckPackage.elements("c:v", in: point).first?.stringValue
                }
            }
            return (series, column, cache)
        }
    }

    func testLabelsReadCellsWhoseFormulasGiveTheirCachedText() throws {
        let chart = chart()
        let (part, cells) = try written(chart)
        let ranges = labelRanges(part)
        XCTAssertEqual(ranges.count, 2, "the bars (bound labels) and the CAGR carrier read label ranges")
        var pills: [String] = []
        for (series, column, cache) in ranges {
            XCTAssertFalse(cache.isEmpty)
            for (index, text) in cache {
                let cell = try XCTUnwrap(cells["\(column)\(index + 2)"], "the label range has no cell for point \(index)")
                XCTAssertEqual(cell.value, text, "\(column)\(index + 2) holds \(cell.value ?? "nothing"), its label caches \(text)")
                XCTAssertNotNil(cell.formula, "\(column)\(index + 2) is no formula: the label would not follow the data")
                // The point's own label shows the cell's text as a field.
                let label = DeckPackage.elements("c:dLbl", in: series).first {
                    DeckPackage.elements("c:idx", in: $0).first.flatMap { DeckPackage.attribute($0, "val") } == String(index)
                }
                let field = label.flatMap { DeckPackage.elements("a:fld", in: $0).first }
                XCTAssertEqual(field.flatMap { DeckPackage.attribute($0, "type") }, "CELLRANGE", "point \(index) shows no cell text")
                let shows = label.flatMap { DeckPackage.elements("c15:showDataLabelsRange", in: $0).first }
                XCTAssertEqual(shows.flatMap { DeckPackage.attribute($0, "val") }, "1")
                if text.hasPrefix("CAGR") { pills.append(text) }
            }
        }
        XCTAssertEqual(Set(pills), Set(chart.cagrSpans.map(\.label)), "the pills read from cells are the scene's")
    }

    func testTheCAGRCellIsTheGrowthOfTheBarsItSpans() throws {
        let chart = chart()
        let (part, cells) = try written(chart)
        let carrier = try XCTUnwrap(labelRanges(part).first { $0.cache.values.contains { $0.hasPrefix("CAGR") } })
        func number(_ reference: String) -> Double? { cells[reference]?.value.flatMap(Double.init) }
        var rates: [Double] = []
        for (index, text) in carrier.cache {
            // "CAGR "&TEXT(I4,"#,##0.0%"): the label is its prefix and the rate cell.
            let formula = try XCTUnwrap(cells["\(carrier.column)\(index + 2)"]?.formula)
            let parts = try XCTUnwrap(formula.wholeMatch(of: #/"([^"]*)"&TEXT\(([A-Z]+[0-9]+),"#,##0\.0%"\)/#))
            let rateCell = try XCTUnwrap(cells[String(parts.2)])
            // (B6/B2)^(1/4)-1, recomputed from the workbook's values.
            let growth = try XCTUnwrap(rateCell.formula?.wholeMatch(of: #/\(([A-Z]+[0-9]+)\/([A-Z]+[0-9]+)\)\^\(1\/([0-9]+)\)-1/#))
            let last = try XCTUnwrap(number(String(growth.1))), first = try XCTUnwrap(number(String(growth.2)))
            let recomputed = pow(last / first, 1 / Double(Int(growth.3)!)) - 1
            XCTAssertEqual(Double(rateCell.value ?? "") ?? .nan, recomputed, accuracy: 1e-12, "the rate cell caches another value")
            // The scene's pill with this prefix and rate: the cached text is what the slide shows.
            let span = try XCTUnwrap(chart.cagrSpans.first { $0.prefix == String(parts.1) && abs($0.rate - recomputed) < 1e-12 })
            XCTAssertEqual(text, span.label)
            rates.append(recomputed)
        }
        XCTAssertEqual(rates.count, chart.cagrSpans.count)
    }

    func testABoundsWordsAreACellTheLabelJoinsToTheValue() throws {
        let chart = chart()
        let (part, cells) = try written(chart)
        let bars = try XCTUnwrap(labelRanges(part).first { !$0.cache.values.contains { $0.hasPrefix("CAGR") } })
        XCTAssertEqual(Array(bars.cache.keys), [1], "only the bounded bar reads a cell")
        let formula = try XCTUnwrap(cells["\(bars.column)3"]?.formula)
        let parts = try XCTUnwrap(formula.wholeMatch(of: #/([A-Z]+3)&TEXT\((B3),"#,##0\.0"\)/#))
        XCTAssertEqual(cells[String(parts.1)]?.value, "超过")
        XCTAssertEqual(cells["B3"]?.value.flatMap(Double.init), chart.bars[1].value)
        XCTAssertEqual(bars.cache[1], chart.valueText(chart.bars[1]))
        // The other bars keep their value labels.
        let values = DeckPackage.elements("c:ser", in: part)[0]
        let showVal = DeckPackage.elements("c:showVal", in: values).last.flatMap { DeckPackage.attribute($0, "val") }
        XCTAssertEqual(showVal, "1")
    }

    /// A pill whose rate is not the growth of its bars (the sample's rounded rates) keeps
    /// the rate as a number: no formula that would say something else.
    func testARateThatIsNotTheBarsGrowthStaysANumber() throws {
        let (part, cells) = try written(SampleDeck.marketSizeChart())
        let carrier = try XCTUnwrap(labelRanges(part).first)
        for (index, text) in carrier.cache {
            let formula = try XCTUnwrap(cells["\(carrier.column)\(index + 2)"]?.formula)
            let rate = try XCTUnwrap(formula.wholeMatch(of: #/"CAGR "&TEXT\(([A-Z]+[0-9]+),"#,##0\.0%"\)/#)?.1)
            XCTAssertNil(cells[String(rate)]?.formula)
            XCTAssertTrue(["CAGR 19.2%", "CAGR 27.4%"].contains(text), text)
        }
    }

    /// The pills are the chart's labels and the arrows its lines: the slide draws neither,
    /// and only the bound marks are a group.
    func testTheSlideDrawsNoPillShape() throws {
        let layout = chart().layout(theme: .standard, measurer: FakeMeasurer())
        let data = try DeckWriter.data(slides: [DeckSlide(scene: layout.scene, native: layout.native, title: "cells",
                                                          name: "market-size")], properties: SampleDeck.properties)
        let slide = try DeckPackage(data).xml("ppt/slides/slide1.xml")
        let texts = DeckPackage.elements("a:t", in: slide).compactMap(\.stringValue)
        XCTAssertFalse(texts.contains { $0.hasPrefix("CAGR") }, "a pill is still a text box: \(texts)")
        let groups = DeckPackage.elements("p:grpSp", in: slide).compactMap {
            DeckPackage.elements("p:cNvPr", in: $0).first.flatMap { DeckPackage.attribute($0, "name") }
        }
        XCTAssertEqual(groups, ["market-size bounds"])
    }
}

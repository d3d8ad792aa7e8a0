import Charts
@testable import Deck
import Foundation
import FoundationXML
import TestSupport
import XCTest

/// The CAGR arrows as series of the chart (ChartGrowthArrows): each arrow's cells are one
/// formula of the bars, `MAX(each value + its label's rise, whisker ends, fixed top) + room`,
/// over its span's rows, caching what the formula gives; recomputed here from the
/// workbook's own cells, before and after an edit like "Edit Data", the arrow keeps its room
/// above every bar's label and the pill on it.
final class GrowthArrowTests: XCTestCase {
    typealias Cell = DeckPackage.Cell

    struct Written {
        var part: XMLDocument
        var cells: [String: Cell]
        /// Per arrow (in span order): its column's letters.
        var arrowColumns: [String]
    }

    func written(_ chart: MarketSizeChart, legend: Bool = false) throws -> Written {
        let layout = chart.layout(theme: .standard, measurer: FakeMeasurer())
        var native = layout.native
        if legend, case .chart(var content)? = native {
            content.nativeLegend = true
            native = .chart(content)
        }
        let deck = try DeckPackage(try DeckWriter.data(slides: [DeckSlide(scene: layout.scene, native: native,
                                                                          title: "arrows", name: "market-size")],
                                                       properties: SampleDeck.properties))
        let cells = try deck.workbookCells(of: "ppt/charts/chart1.xml")
        let headers = cells.filter { $0.key.hasSuffix("1") && $0.key.dropLast().allSatisfy(\.isLetter) }
        let arrows = headers.compactMap { reference, cell -> (Int, String)? in
            guard let header = cell.value, let match = header.wholeMatch(of: #/CAGR 箭头 ([0-9]+)（高度随数据）/#) else { return nil }
            return (Int(match.1)!, String(reference.dropLast()))
        }.sorted { $0.0 < $1.0 }.map(\.1)
        return Written(part: try deck.xml("ppt/charts/chart1.xml"), cells: cells, arrowColumns: arrows)
    }

    /// `MAX(a,b,…)+room` evaluated over `values`, as Excel and LibreOffice do: a cell plus a
    /// number counts a blank as 0, a range (one column's rows) skips its blanks; nil for
    /// another formula.
    func evaluate(_ formula: String, _ values: [String: Double]) -> Double? {
        guard let match = formula.wholeMatch(of: #/MAX\(([^()]*)\)([+-][0-9.eE+-]+)/#), let room = Double(match.2) else { return nil }
        var numbers: [Double] = []
        for argument in match.1.split(separator: ",").map(String.init) {
            if let term = argument.wholeMatch(of: #/\$([A-Z]+)\$([0-9]+)(?:\+([0-9.eE+-]+))?/#) {
                if let rise = term.3.flatMap({ Double($0) }) {
                    numbers.append((values["\(term.1)\(term.2)"] ?? 0) + rise)
                } else if let value = values["\(term.1)\(term.2)"] {
                    numbers.append(value)
                }
            } else if let range = argument.wholeMatch(of: #/\$([A-Z]+)\$([0-9]+):\$([A-Z]+)\$([0-9]+)/#) {
                XCTAssertEqual(range.1, range.3, "a range over several columns")
                numbers += (Int(range.2)!...Int(range.4)!).compactMap { values["\(range.1)\($0)"] }
            } else if let number = Double(argument) {
                numbers.append(number)
            } else {
                XCTFail("unexpected argument \(argument) in \(formula)")
            }
        }
        return (numbers.max() ?? 0) + room
    }

    func numbers(_ cells: [String: Cell]) -> [String: Double] {
        cells.compactMapValues { $0.value.flatMap(Double.init) }
    }

    /// The sample with every rate the growth of its bars, so the pills' rates are formulas.
    func chart() -> MarketSizeChart {
        var chart = SampleDeck.marketSizeChart()
        let values = chart.bars.map(\.value)
        chart.cagrSpans = [.init(from: 0, to: 4, rate: pow(values[4] / values[0], 1.0 / 4) - 1),
                           .init(from: 4, to: 6, rate: pow(values[6] / values[4], 1.0 / 2) - 1)]
        return chart
    }

    func testEachArrowIsOneFormulaOverItsSpanCachingWhatItGives() throws {
        let chart = chart()
        let written = try written(chart)
        XCTAssertEqual(written.arrowColumns.count, chart.cagrSpans.count)
        let values = numbers(written.cells)
        for (span, column) in zip(chart.cagrSpans, written.arrowColumns) {
            let rows = chart.bars.indices.filter { written.cells["\(column)\($0 + 2)"] != nil }
            XCTAssertEqual(rows, Array(span.from...span.to), "the arrow's cells are not its span's rows, without a blank")
            let formulas = Set(rows.compactMap { written.cells["\(column)\($0 + 2)"]?.formula })
            XCTAssertEqual(formulas.count, 1, "the arrow's rows hold other formulas: \(formulas)")
            let formula = try XCTUnwrap(formulas.first)
            // Each bar with its label's rise, then the whiskers' upper ends (the sample cuts none).
            let terms = try Regex(#"\$B\$([0-9]+)\+([0-9.]+)"#)
            let barRows = formula.matches(of: terms).compactMap { $0.output[1].substring.flatMap { Int($0) } }
            XCTAssertEqual(barRows, Array(2...8), "the formula does not hold every bar with its label's rise: \(formula)")
            XCTAssertTrue(formula.contains(",$F$2:$F$8)+"), formula)
            let recomputed = try XCTUnwrap(evaluate(formula, values), formula)
            for row in rows {
                XCTAssertEqual(values["\(column)\(row + 2)"], recomputed, "\(column)\(row + 2) caches another value")
            }
        }
    }

    /// Like "Edit Data": the last forecast raised above the arrows, every formula recomputed
    /// from the edited cells. Each arrow rises with it, its room above the raised bar's
    /// label (the bar's value and the label's rise over it), and each pill stays on its arrow.
    func testArrowsAndPillsFollowAnEditedBar() throws {
        let chart = chart()
        let written = try written(chart)
        var values = numbers(written.cells)
        let before = try written.arrowColumns.map { try XCTUnwrap(values["\($0)\(chart.cagrSpans[0].to + 2)"]) }
        let raised = (before.max() ?? 0) * 1.3
        values["B8"] = raised
        for (k, column) in written.arrowColumns.enumerated() {
            let span = chart.cagrSpans[k]
            let formula = try XCTUnwrap(written.cells["\(column)\(span.from + 2)"]?.formula)
            let after = try XCTUnwrap(evaluate(formula, values))
            XCTAssertGreaterThan(after, raised, "arrow \(k + 1) runs through the raised bar")
            let rise = try XCTUnwrap(formula.firstMatch(of: #/\$B\$8\+([0-9.]+)/#).flatMap { Double($0.1) })
            let room = try XCTUnwrap(formula.firstMatch(of: #/\)\+([0-9.]+)$/#).flatMap { Double($0.1) })
            XCTAssertEqual(after, raised + rise + room, accuracy: 1e-6, "arrow \(k + 1) is not its room above the raised label")
            XCTAssertGreaterThan(after, before[k])
            for row in span.from...span.to { values["\(column)\(row + 2)"] = after }
        }
        // The pills' heights are references to their arrows' cells.
        let cached = numbers(written.cells)
        let pills = written.cells.compactMap { reference, cell -> (String, String)? in
            guard let formula = cell.formula, let target = formula.wholeMatch(of: #/([A-Z]+)[0-9]+/#),
                  written.arrowColumns.contains(String(target.1)) else { return nil }
            return (reference, formula)
        }
        XCTAssertEqual(pills.count, chart.cagrSpans.count, "a pill does not read its arrow's height")
        for (reference, arrow) in pills {
            XCTAssertEqual(cached[reference], cached[arrow], "\(reference) caches another height than its arrow \(arrow)")
            XCTAssertGreaterThan(try XCTUnwrap(values[arrow]), raised, "after the edit the pill \(reference) is below the bar")
        }
    }

    /// A whisker cut at the clip value is a shape: its true end (far above the plot) stays
    /// out of the arrows' formula, and the clip, where the shape ends, is their floor.
    func testACutWhiskerIsLeftOutAndItsClipIsTheFloor() throws {
        var chart = chart()
        chart.bars[6].interval = .init(lower: 5954.6, upper: 40000)
        chart.whiskerCeiling = 1.6
        // The clip as the formula writes it, rounded to a millionth.
        let clip = try XCTUnwrap(chart.whiskerClipValue.map { ($0 * 1e6).rounded() / 1e6 })
        let written = try written(chart)
        let formula = try XCTUnwrap(written.cells["\(written.arrowColumns[1])6"]?.formula)
        XCTAssertTrue(formula.contains(",$F$2:$F$7,"), "the cut whisker's end is in the formula: \(formula)")
        let values = numbers(written.cells)
        let height = try XCTUnwrap(evaluate(formula, values))
        // The cut whisker ends in an arrowhead and its label above the clip: the fixed top.
        let fixed = try XCTUnwrap(formula.firstMatch(of: #/,([0-9.]+)\)\+/#).flatMap { Double($0.1) })
        XCTAssertGreaterThan(fixed, clip)
        XCTAssertGreaterThan(height, fixed)
        XCTAssertLessThan(height, 40000, "the cut whisker's true end lifts the arrow")
        let axisMax = DeckPackage.elements("c:max", in: written.part).first.flatMap { DeckPackage.attribute($0, "val") }
            .flatMap(Double.init) ?? .nan
        XCTAssertLessThan(height, axisMax, "the arrow is off the plot")
    }

    /// The line: the arrow's colour, an arrowhead at its end (`a:tailEnd`), no markers, and as
    /// its only label the ▶ on its last point (LibreOffice draws no line ends on series).
    /// Its cells have no blank between its ends, so the chart keeps blanks as gaps.
    func testTheLineHasItsHeadNoMarkersAndOnlyTheHeadLabel() throws {
        let chart = chart()
        let written = try written(chart)
        XCTAssertEqual(DeckPackage.elements("c:dispBlanksAs", in: written.part).first.flatMap { DeckPackage.attribute($0, "val") }, "gap")
        let arrows = DeckPackage.elements("c:ser", in: written.part).filter { series in
            DeckPackage.elements("c:f", in: series).contains { $0.stringValue?.hasPrefix("Sheet1!$\(written.arrowColumns[0])$") ?? false }
                || DeckPackage.elements("c:f", in: series).contains { $0.stringValue?.hasPrefix("Sheet1!$\(written.arrowColumns[1])$") ?? false }
        }
        XCTAssertEqual(arrows.count, 2)
        for (series, span) in zip(arrows, chart.cagrSpans) {
            let own = try XCTUnwrap((series.children ?? []).compactMap { $0 as? XMLElement }.first { $0.name == "c:spPr" })
            let line = try XCTUnwrap(DeckPackage.elements("a:ln", in: own).first)
            XCTAssertTrue(DeckPackage.elements("a:noFill", in: line).isEmpty, "the arrow draws no line")
            XCTAssertEqual(DeckPackage.elements("a:tailEnd", in: line).first.flatMap { DeckPackage.attribute($0, "type") }, "triangle")
            XCTAssertEqual(DeckPackage.elements("c:symbol", in: series).first.flatMap { DeckPackage.attribute($0, "val") }, "none")
            let labels = DeckPackage.elements("c:dLbl", in: series)
            XCTAssertEqual(labels.count, 1)
            XCTAssertEqual(labels.first.flatMap { DeckPackage.elements("c:idx", in: $0).first }.flatMap { DeckPackage.attribute($0, "val") },
                           String(span.to), "the head is not on the arrow's last point")
            XCTAssertEqual(labels.first.flatMap { DeckPackage.elements("a:t", in: $0).first?.stringValue }, "▶")
            let seriesFlags = try XCTUnwrap(DeckPackage.elements("c:dLbls", in: series).first?.children?
                .compactMap { $0 as? XMLElement }.first { $0.name == "c:showVal" })
            XCTAssertEqual(DeckPackage.attribute(seriesFlags, "val"), "0", "the arrow's other points show their values")
        }
    }

    /// The labels' rises in the arrows' formulas are in the scene's axis units, so the arrows
    /// pin the axis even with nothing drawn over the plot, and the workbook's note says so.
    func testTheArrowsPinTheAxis() throws {
        let layout = chart().layout(theme: .standard, measurer: FakeMeasurer())
        guard case .chart(let native)? = layout.native else { return XCTFail("no native chart") }
        XCTAssertEqual(DeckWriter.overlays(on: native, in: Scene(size: layout.scene.size)), ["cagr-arrow"])
        var without = native
        without.growthArrows = nil
        XCTAssertNil(DeckWriter.overlays(on: without, in: Scene(size: layout.scene.size)))
        let written = try written(chart())
        let note = written.cells.filter { $0.value.value == "说明" }.keys.first.map { String($0.dropLast()) + "2" }
        XCTAssertTrue(note.flatMap { written.cells[$0]?.value }?.contains("CAGR 箭头") ?? false, "the note does not name the arrows")
    }

    /// With a legend, the series that only carry something (error distances, the pills'
    /// carrier, the arrows) have their entries deleted; the bars keep theirs.
    func testALegendLeavesOutTheArrows() throws {
        let chart = chart()
        let written = try written(chart, legend: true)
        let indices = DeckPackage.elements("c:ser", in: written.part).compactMap {
            DeckPackage.elements("c:idx", in: $0).first.flatMap { DeckPackage.attribute($0, "val") }.flatMap(Int.init)
        }
        let deleted = DeckPackage.elements("c:legendEntry", in: written.part).compactMap {
            DeckPackage.elements("c:idx", in: $0).first.flatMap { DeckPackage.attribute($0, "val") }.flatMap(Int.init)
        }
        XCTAssertEqual(indices.first, 0)
        XCTAssertEqual(deleted, Array(indices.dropFirst()), "the legend shows a series that only carries something")
    }
}

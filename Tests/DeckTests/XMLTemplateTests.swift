@testable import Deck
import Charts
import XCTest

/// The small templates every part is written from: escaping, attribute order, cell
/// references, numbers as the chart cache and the workbook write them, colours and lengths.
final class XMLTemplateTests: XCTestCase {
    func testEscapingAndOrderedAttributes() {
        let node = XMLNode("a:t", [("b", "2"), ("a", "x\"<&>\ny")], text: "1 < 2 & \u{0001}中文")
        var out = ""
        node.write(into: &out)
        XCTAssertEqual(out, "<a:t b=\"2\" a=\"x&quot;&lt;&amp;&gt;&#10;y\">1 &lt; 2 &amp; 中文</a:t>",
                       "attributes keep their order; a control character XML cannot hold is dropped")
        XCTAssertEqual({ var s = ""; XMLNode("c:x").write(into: &s); return s }(), "<c:x/>")
        XCTAssertTrue(node.document.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"))
    }

    func testColumnLettersAndReferences() {
        XCTAssertEqual([0, 1, 25, 26, 27, 51, 52, 701, 702].map(ChartSheet.letters),
                       ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
        var sheet = ChartSheet()
        sheet.add("", [.text("2019"), .text("2020E")])
        let values = sheet.add("value", [.number(1), .empty])
        XCTAssertEqual(sheet.headerReference(values), "Sheet1!$B$1")
        XCTAssertEqual(sheet.dataReference(values), "Sheet1!$B$2:$B$3")
    }

    func testNumbersReadBackToTheSameDouble() {
        XCTAssertEqual(ChartSheet.text(2633), "2633")
        XCTAssertEqual(ChartSheet.text(-5), "-5")
        for value in [8601.624699691545, 0.1, 1e-7, 123456789.125, 2.0 / 3.0] {
            XCTAssertEqual(Double(ChartSheet.text(value)), value)
        }
    }

    func testColoursLengthsAndSizesStayInRange() {
        XCTAssertEqual(DrawingML.hex(Color(hex: 0x004488)), "004488")
        XCTAssertEqual(DrawingML.hex(Color(red: 2, green: -1, blue: .nan, alpha: 1)), "FF0000")
        XCTAssertEqual(DrawingML.emu(1), 12_700)
        XCTAssertEqual(DrawingML.emu(.infinity), 0)
        XCTAssertEqual(DrawingML.fontSize(10.5), "1050")
        XCTAssertEqual(DrawingML.fontSize(0), "100")
        XCTAssertEqual(DrawingML.fontSize(.nan), "1000")
    }

    func testAWorkbookHoldsTheGridWithSharedStringsAndFormulas() throws {
        var sheet = ChartSheet()
        sheet.add("", [.text("2025E"), .text("2026E")])
        sheet.add("value", [.number(10), .number(12)])
        sheet.add("lower", [.number(8), .number(9)])
        sheet.add("below", [.formula("MAX(0,B2-C2)", 2), .formula("MAX(0,B3-C3)", 3)])
        let book = try DeckPackage(Workbook.data(for: sheet, numberFormat: "#,##0", theme: XMLNode("a:theme"),
                                                 date: DeckWriter.zipDate("2026-11-29")))
        let strings = try book.xml("xl/sharedStrings.xml")
        XCTAssertEqual(DeckPackage.elements("t", in: strings).compactMap(\.stringValue), ["", "2025E", "2026E", "value", "lower", "below"])
        let cells = DeckPackage.elements("c", in: try book.xml("xl/worksheets/sheet1.xml"))
        let d3 = try XCTUnwrap(cells.first { DeckPackage.attribute($0, "r") == "D3" })
        XCTAssertEqual(DeckPackage.elements("f", in: d3).first?.stringValue, "MAX(0,B3-C3)")
        XCTAssertEqual(DeckPackage.elements("v", in: d3).first?.stringValue, "3")
    }
}

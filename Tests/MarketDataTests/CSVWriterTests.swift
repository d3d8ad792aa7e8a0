import XCTest
@testable import MarketData

final class CSVWriterTests: XCTestCase {
    func testEscapingQuotesOnlyWhenNeeded() {
        XCTAssertEqual(CSVWriter.escape("plain"), "plain")
        XCTAssertEqual(CSVWriter.escape("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.escape("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.escape("two\nlines"), "\"two\nlines\"")
        // "\r\n" is one Character: the byte-wise test sees its line break.
        XCTAssertEqual(CSVWriter.escape("two\r\nlines"), "\"two\r\nlines\"")
        XCTAssertEqual(CSVWriter.escape("中文，全角逗号"), "中文，全角逗号")
        XCTAssertEqual(CSVWriter.escape("combination(naive,ses)"), "\"combination(naive,ses)\"")
        XCTAssertEqual(CSVWriter.line(["2025", "2025E", "中国, 亿元"]), "2025,2025E,\"中国, 亿元\"")
    }

    func testNumbersReadBackExactly() {
        XCTAssertEqual(CSVWriter.number(5298), "5298")
        XCTAssertEqual(CSVWriter.number(-3), "-3")
        XCTAssertEqual(CSVWriter.number(1234.5), "1234.5")
        XCTAssertEqual(CSVWriter.number(.nan), "")
        XCTAssertEqual(CSVWriter.number(.infinity), "")
        for value in [0.1, 1.0 / 3.0, 9107.123456789, 1e-7] {
            XCTAssertEqual(Double(CSVWriter.number(value)), value)
        }
    }

    func testWrittenCellsParseBackThroughTheReader() throws {
        let cells = ["a,b", "q\"uote", "中文", "plain"]
        let text = "h1,h2,h3,h4\n" + CSVWriter.line(cells) + "\n"
        let table = try CSVTable.parse(text, file: "roundtrip.csv")
        XCTAssertEqual(table.rows[0].cells.map(\.text), cells)
    }
}

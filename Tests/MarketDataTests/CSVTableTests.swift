import XCTest
@testable import MarketData

final class CSVTableTests: XCTestCase {
    func testQuotedFieldsWithCommasQuotesAndNewlines() throws {
        let text = "name,remark,value\n\"a, b\",\"he said \"\"hi\"\"\",1\n\"two\nlines\", plain ,2\n"
        let table = try CSVTable.parse(text, file: "q.csv")
        XCTAssertEqual(table.header, ["name", "remark", "value"])
        XCTAssertEqual(table.rows.count, 2)
        XCTAssertEqual(table.rows[0].cells.map(\.text), ["a, b", "he said \"hi\"", "1"])
        XCTAssertEqual(table.rows[0].cells.map(\.wasQuoted), [true, true, false])
        XCTAssertEqual(table.rows[1].cells.map(\.text), ["two\nlines", "plain", "2"])
        // The row starts on line 3; its second cell is on line 4 after the quoted line break.
        XCTAssertEqual(table.rows[1].line, 3)
        XCTAssertEqual(table.rows[1][1].line, 4)
        XCTAssertEqual(table.rows[1][1].column, 9, "spaces before a cell are not part of it")
    }

    func testCellPositionsAreOneBasedCharacterColumns() throws {
        let table = try CSVTable.parse("年份,规模\n2024,7470\n", file: "p.csv")
        XCTAssertEqual(table.headerLine, 1)
        XCTAssertEqual(table.rows[0].line, 2)
        XCTAssertEqual(table.rows[0].cells.map(\.column), [1, 6])
        // Column counts characters: "年份," is three characters, so 规模 starts at column 4.
        let header = try CSVReader.records(in: "年份,规模\n", file: "p.csv")
        XCTAssertEqual(header.first?.map(\.column), [1, 4])
    }

    func testTrailingNewlineOptionalAndBlankLinesSkipped() throws {
        let without = try CSVTable.parse("a,b\n1,2", file: "t.csv")
        let with = try CSVTable.parse("a,b\n\n1,2\n,\n\n", file: "t.csv")
        XCTAssertEqual(without.rows.map { $0.cells.map(\.text) }, [["1", "2"]])
        XCTAssertEqual(with.rows.map { $0.cells.map(\.text) }, [["1", "2"]])
        XCTAssertEqual(with.rows.first?.line, 3)
    }

    func testEmptyQuotedCellIsKeptAndEmptyLastCell() throws {
        let table = try CSVTable.parse("a,b,c\n\"\",x,\n", file: "t.csv")
        XCTAssertEqual(table.rows[0].cells.map(\.text), ["", "x", ""])
        XCTAssertEqual(table.rows[0].cells.map(\.wasQuoted), [true, false, false])
    }

    func testUnterminatedQuoteNamesWhereItStarts() {
        let errors = inputErrors { try CSVTable.read(path: Fixtures.path("unterminated-quote.csv")) }
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.location.line, 2)
        XCTAssertEqual(errors.first?.location.column, 21)
        XCTAssertTrue(errors.first?.message.contains("never closed") ?? false)
    }

    func testTextAfterClosingQuoteIsAnError() {
        let errors = inputErrors { try CSVTable.parse("a,b\n\"x\"y,2\n", file: "t.csv") }
        XCTAssertEqual(errors.first?.location, SourceLocation(file: "t.csv", line: 2, column: 4))
    }

    func testTooFewAndTooManyCellsAreAllReported() {
        let errors = inputErrors { try CSVTable.parse("a,b,c\n1,2\n1,2,3\n1,2,3,4\n", file: "t.csv") }
        XCTAssertEqual(errors.count, 2)
        XCTAssertEqual(errors.first?.location.line, 2)
        XCTAssertTrue(errors.first?.message.contains("missing: \"c\"") ?? false, "\(errors)")
        XCTAssertEqual(errors.last?.location, SourceLocation(file: "t.csv", line: 4, column: 7))
        XCTAssertTrue(errors.last?.hint?.contains("\"4,305\"") ?? false)
    }

    func testTooFewCellsFixture() {
        let path = Fixtures.path("too-few-cells.csv")
        let errors = inputErrors { try CSVTable.read(path: path) }
        XCTAssertEqual(errors.map(\.location), [SourceLocation(file: path, line: 3)])
        XCTAssertTrue(errors.first?.description.hasPrefix("\(path):3: error: row has 3 cells but the header has 5 columns") ?? false)
    }

    func testHeaderOnlyFileIsRefused() {
        let path = Fixtures.path("header-only.csv")
        let errors = inputErrors { try CSVTable.read(path: path) }
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.location, SourceLocation(file: path, line: 1))
        XCTAssertTrue(errors.first?.message.contains("no data rows") ?? false)
    }

    func testEmptyFileIsRefused() {
        let path = Fixtures.path("empty.csv")
        let errors = inputErrors { try CSVTable.read(path: path) }
        XCTAssertEqual(errors.map(\.description).first?.hasPrefix("\(path): error: the file is empty"), true)
    }

    func testDuplicateAndEmptyHeaderNames() {
        let errors = inputErrors { try CSVTable.parse("year,value,Year,,x\n1,2,3,4,5\n", file: "h.csv") }
        XCTAssertEqual(errors.map(\.location), [SourceLocation(file: "h.csv", line: 1, column: 12),
                                                SourceLocation(file: "h.csv", line: 1, column: 17)])
        XCTAssertTrue(errors[0].message.contains("appears twice"))
        XCTAssertTrue(errors[1].message.contains("empty column name"))
    }

    func testColumnLookupWithDidYouMean() throws {
        let table = try CSVTable.parse("Year,valeu\n2020,1\n", file: "c.csv")
        XCTAssertEqual(try table.columnIndex(named: "year"), 0, "case-insensitive match")
        let errors = inputErrors { try table.columnIndex(named: "value") }
        XCTAssertEqual(errors.first?.location, SourceLocation(file: "c.csv", line: 1))
        XCTAssertEqual(errors.first?.message, "required column \"value\" is missing")
        XCTAssertTrue(errors.first?.hint?.hasPrefix("did you mean \"valeu\"? the header has: \"Year\", \"valeu\"") ?? false)
        XCTAssertNil(table.optionalColumnIndex(named: "note"))
    }

    func testBOMAndCRLFFileParses() throws {
        let table = try CSVTable.read(path: Fixtures.path("bom-crlf.csv"))
        XCTAssertEqual(table.header, ["source", "year", "value", "unit", "status"])
        XCTAssertEqual(table.rows.map(\.line), [2, 3, 4])
        XCTAssertEqual(table.rows.last?.cells.map(\.text), ["CAICT", "2022", "5080", "亿元", "actual"])
        XCTAssertEqual(table.encoding, .utf8WithBOM)
    }
}

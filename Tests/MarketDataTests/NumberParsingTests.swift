import XCTest
@testable import MarketData

final class NumberParsingTests: XCTestCase {
    private let here = SourceLocation(file: "n.csv", line: 4, column: 7)

    private func parse(_ text: String, quoted: Bool = false) throws -> Double {
        try NumberParsing.double(text, quoted: quoted, column: "value", at: here)
    }

    func testPlainAndScientificDecimals() throws {
        XCTAssertEqual(try parse("4305"), 4305)
        XCTAssertEqual(try parse(" 4305.5 "), 4305.5)
        XCTAssertEqual(try parse("-0.25"), -0.25)
        XCTAssertEqual(try parse("+7"), 7)
        XCTAssertEqual(try parse(".5"), 0.5)
        XCTAssertEqual(try parse("5."), 5)
        XCTAssertEqual(try parse("4.305e3"), 4305)
        XCTAssertEqual(try parse("2.3E-4"), 0.00023)
        XCTAssertEqual(try parse("1e+2"), 100)
    }

    func testThousandsSeparatorsOnlyWhenQuotedAndWellGrouped() throws {
        XCTAssertEqual(try parse("4,305", quoted: true), 4305)
        XCTAssertEqual(try parse("1,234,567.5", quoted: true), 1_234_567.5)
        XCTAssertEqual(try parse("-12,345", quoted: true), -12345)
        for bad in ["43,05", "4,3050", "1234,567", ",123", "12,3a", "4,305,", "4305,5"] {
            XCTAssertThrowsError(try parse(bad, quoted: true), bad)
        }
        XCTAssertThrowsError(try parse("4,305", quoted: false))
    }

    func testRefusalsNameLocationAndValue() {
        for bad in ["", "  ", "NaN", "nan", "inf", "-Infinity", "#N/A", "abc", "12,3a", "1e", "e5", "--1", "0x10",
                    "1.2.3", "18%", "４３０５", "1e400", "4305亿元", "."] {
            let errors = inputErrors { try parse(bad) }
            XCTAssertEqual(errors.count, 1, bad)
            XCTAssertEqual(errors.first?.location, here, bad)
            XCTAssertNotNil(errors.first?.hint, bad)
        }
        let error = inputErrors { try parse("12,3a", quoted: true) }.first
        XCTAssertEqual(error?.description,
                       "n.csv:4:7: error: value \"12,3a\" in column \"value\" is not a number\n  hint: write a plain decimal number such as 4305 or 4305.5, with the unit in the unit column and remarks in the note column")
        XCTAssertTrue(inputErrors { try parse("18%") }.first?.hint?.contains("without %") ?? false)
        XCTAssertTrue(inputErrors { try parse("４３０５") }.first?.hint?.contains("全角") ?? false)
        XCTAssertTrue(inputErrors { try parse("4305,5", quoted: true) }.first?.hint?.contains("decimal comma") ?? false)
    }

    func testIntegers() throws {
        func cell(_ text: String) -> CSVCell { CSVCell(text: text, line: 3, column: 1) }
        XCTAssertEqual(try NumberParsing.integer(cell("2024"), column: "year", file: "y.csv"), 2024)
        XCTAssertEqual(try NumberParsing.integer(cell("-5"), column: "year", file: "y.csv"), -5)
        for bad in ["", "2024.0", "2025E", "20x4", "+", "99999999999999999999999"] {
            XCTAssertThrowsError(try NumberParsing.integer(cell(bad), column: "year", file: "y.csv"), bad)
        }
        XCTAssertTrue(inputErrors { try NumberParsing.integer(cell("2025E"), column: "year", file: "y.csv") }
            .first?.hint?.contains("estimate") ?? false)
    }
}

import Foundation
import XCTest
@testable import MarketData

final class TypedTableTests: XCTestCase {
    func table(_ text: String, required: [String]) throws -> TypedTable {
        try TypedTable(table: CSVTable.parse(text, file: "t.csv"), required: required)
    }

    func testDayNumbersMatchPythonsDatetime() {
        // Oracle: (datetime.date(y, m, d) - datetime.date(1970, 1, 1)).days in Python.
        XCTAssertEqual(CalendarDate.dayNumber(year: 2023, month: 2, day: 7), 19395)
        XCTAssertEqual(CalendarDate.dayNumber(year: 1950, month: 1, day: 1), -7305)
        XCTAssertEqual(CalendarDate.dayNumber(year: 2000, month: 2, day: 29), 11016)
        XCTAssertEqual(CalendarDate.dayNumber(year: 1969, month: 12, day: 31), -1)
        XCTAssertEqual(CalendarDate(iso: "2023-03")?.dayNumber, CalendarDate.dayNumber(year: 2023, month: 3, day: 1))
    }

    func testDatesParseAtTheirPrecisionAndRejectImpossibleDays() {
        XCTAssertEqual(CalendarDate(iso: "2023"), CalendarDate(year: 2023))
        XCTAssertEqual(CalendarDate(iso: "2023-09"), CalendarDate(year: 2023, month: 9))
        XCTAssertEqual(CalendarDate(iso: "2024-02-29")?.day, 29)
        for bad in ["2023-02-29", "2023-13", "23-01", "2023-1-05", "2023/01", "", "2023-01-01-01"] {
            XCTAssertNil(CalendarDate(iso: bad), bad)
        }
        XCTAssertEqual(CalendarDate(iso: "2023-04-07")?.description, "2023-04-07")
        XCTAssertLessThan(CalendarDate(year: 2023, month: 3), CalendarDate(year: 2023, month: 3, day: 16))
    }

    func testMissingColumnIsNamedWithASuggestion() {
        let errors = inputErrors { try self.table("date,vendr,source\n2023-01-01,x,y\n", required: ["date", "vendor"]) }
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.location.line, 1)
        XCTAssertTrue(errors.first?.description.contains("\"vendor\"") ?? false, "\(errors)")
        XCTAssertTrue(errors.first?.description.contains("vendr") ?? false, "\(errors)")
    }

    func testEveryBadCellIsReportedWithItsLineAndColumn() throws {
        var t = try table("date,value,kind\n2023-02-30,1,a\n2023-03,x,b\n2023-04,,c\n", required: ["date", "value", "kind"])
        for row in t.rows {
            _ = t.date(row, "date")
            _ = t.number(row, "value")
            _ = t.choice(row, "kind", allowed: ["a", "b"])
        }
        let errors = inputErrors { try t.finish() }
        let places = errors.map { "\($0.location.line ?? 0):\($0.location.column ?? 0)" }
        XCTAssertEqual(places, ["2:1", "3:9", "4:9", "4:10"], "\(errors)")
        XCTAssertTrue(errors[3].description.contains("write one of: a, b"), errors[3].description)
    }

    func testOptionalCellsMayBeEmpty() throws {
        var t = try table("date,value,name\n,,x\n", required: ["date", "value"])
        let row = t.rows[0]
        XCTAssertNil(t.date(row, "date", required: false))
        XCTAssertNil(t.optionalNumber(row, "value"))
        XCTAssertNoThrow(try t.finish())
    }
}

import XCTest
@testable import MarketData

final class InputErrorTests: XCTestCase {
    func testPrintsLikeACompilerWithHint() {
        let error = Diagnostic(file: "datasets/x.csv", line: 4, column: 7,
                               "value \"12,3a\" in column \"value\" is not a number",
                               hint: "write a plain decimal number such as 4305 or 4305.5")
        XCTAssertEqual(error.description,
                       "datasets/x.csv:4:7: error: value \"12,3a\" in column \"value\" is not a number\n  hint: write a plain decimal number such as 4305 or 4305.5")
    }

    /// Text that is not a file (fit's --model formula) is quoted under the message, with a
    /// caret under the column.
    func testAnExcerptIsPrintedWithACaretUnderTheColumn() {
        let error = Diagnostic(SourceLocation(file: "--model", line: 1, column: 3), "unknown function `ep`",
                               hint: "did you mean `exp`?", excerpt: "a*ep(x)")
        XCTAssertEqual(error.description,
                       "--model:1:3: error: unknown function `ep`\n  a*ep(x)\n    ^\n  hint: did you mean `exp`?")
    }

    func testLocationWithoutColumnOrLine() {
        XCTAssertEqual(SourceLocation(file: "a.csv", line: 3).description, "a.csv:3")
        XCTAssertEqual(SourceLocation(file: "a.csv").description, "a.csv")
        // A column without a line is meaningless and dropped.
        XCTAssertEqual(SourceLocation(file: "a.csv", line: nil, column: 5).description, "a.csv")
        XCTAssertEqual(Diagnostic(file: "a.csv", "the file is empty").description, "a.csv: error: the file is empty")
    }

    func testErrorListKeepsOrderAndFlattens() throws {
        var list = InputErrors()
        XCTAssertNoThrow(try list.throwIfAny())
        let first = Diagnostic(file: "a.csv", line: 2, "first")
        let second = Diagnostic(file: "a.csv", line: 9, "second")
        let failed: Int? = try list.collect { throw first }
        XCTAssertNil(failed)
        let value: Int? = list.collect { 42 }
        XCTAssertEqual(value, 42)
        list.append(contentsOf: InputErrors([second]))
        XCTAssertEqual(list.errors, [first, second])
        XCTAssertEqual(list.description, "a.csv:2: error: first\na.csv:9: error: second")
        XCTAssertThrowsError(try list.throwIfAny()) { error in
            XCTAssertEqual(error as? InputErrors, list)
        }
        XCTAssertEqual(InputErrors(flattening: first), InputErrors([first]))
        XCTAssertNil(InputErrors(flattening: CocoaError(.fileReadUnknown)))
    }

    func testCollectPassesOtherErrorsThrough() {
        var list = InputErrors()
        struct Unrelated: Error {}
        XCTAssertThrowsError(try list.collect { throw Unrelated() }) { error in
            XCTAssertTrue(error is Unrelated)
        }
        XCTAssertTrue(list.isEmpty)
    }
}

/// Every layer's errors print through one format: their diagnostics.
final class DiagnosticTests: XCTestCase {
    private struct Failure: DiagnosticConvertible {
        var diagnostics: [Diagnostic] {
            [Diagnostic(file: "a.csv", line: 3, column: 4, "first", hint: "fix it"),
             Diagnostic(file: "", "second", severity: .warning)]
        }
    }

    func testADiagnosticConvertibleErrorPrintsItsDiagnostics() {
        XCTAssertEqual("\(Failure())", "a.csv:3:4: error: first\n  hint: fix it\nwarning: second")
        XCTAssertEqual(Diagnostic.of(Failure()).count, 2)
        XCTAssertEqual(Diagnostic.of(InputErrors([Diagnostic(file: "b", "x")])).map(\.message), ["x"])
        struct Plain: Error, CustomStringConvertible { var description: String { "plain" } }
        XCTAssertEqual(Diagnostic.of(Plain()).map(\.description), ["error: plain"])
    }

    /// A series of a long table has no one line: the subject names it after the file.
    func testASubjectIsPrintedAfterTheLocation() {
        let series = Diagnostic(SourceLocation(file: "long.csv"), "years 2017–2018 are missing", hint: "add them",
                                severity: .warning, subject: "series gap")
        XCTAssertEqual("\(series)", "long.csv: series gap: warning: years 2017–2018 are missing\n  hint: add them")
        let located = Diagnostic(SourceLocation(file: "long.csv", line: 4), "no rows", subject: "series a")
        XCTAssertEqual("\(located)", "long.csv:4: series a: error: no rows")
    }

    /// A cell's problem in a long table is its series' problem: located at the cell, the
    /// series named in the message once, by the reader that knows which series it is.
    func testALongTableNamesTheSeriesOfABadCell() throws {
        let table = try CSVTable.parse("series,year,value\na,2018,oops\nb,2019,4\nb,2019,5\n", file: "long.csv")
        let long = try LongSeriesTable(table, idColumn: "series", xColumn: "year", yColumn: "value")
        XCTAssertEqual(long.problems.map(\.series), ["a", "b"])
        let cell = try XCTUnwrap(long.problems.first?.errors.errors.first)
        XCTAssertEqual(cell.location, SourceLocation(file: "long.csv", line: 2, column: 8))
        XCTAssertTrue(cell.message.hasPrefix("series a: "), cell.message)
        let twice = try XCTUnwrap(long.problems.last?.errors.errors.first)
        XCTAssertTrue(twice.message.hasPrefix("series \"b\" has year 2019 twice"), twice.message)
    }
}

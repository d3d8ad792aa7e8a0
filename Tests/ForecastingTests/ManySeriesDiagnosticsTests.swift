import Forecasting
import MarketData
import XCTest

/// `forecast`'s warnings and failures are diagnostics placed at their series, so the one
/// printer prints them and nothing reads a series or a severity back out of text.
final class ManySeriesDiagnosticsTests: XCTestCase {
    func testWarningsAndFailuresNameTheirSeriesAndFile() throws {
        let text = "series,year,value\nshort,2020,7\ngap,2016,10\ngap,2019,40\ngap,2020,50\ngap,2021,61\nbad,x,1\n"
        let table = try LongSeriesTable(try CSVTable.parse(text, file: "long.csv"),
                                        idColumn: "series", xColumn: "year", yColumn: "value")
        let result = ManySeriesForecast.run(table, options: ManySeriesOptions(horizon: .years(2)))

        let warning = try XCTUnwrap(result.warnings.first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.subject, "series gap")
        XCTAssertEqual(warning.location, SourceLocation(file: "long.csv"))
        XCTAssertTrue(warning.message.contains("missing"), warning.message)

        // The bad cell first (a problem of the file, at its cell), then the series that failed to fit.
        XCTAssertEqual(result.failures.map(\.severity), [.error, .error])
        XCTAssertEqual(result.failures.first?.location.line, 7)
        let short = try XCTUnwrap(result.failures.last)
        XCTAssertEqual(short.subject, "series short")
        XCTAssertEqual(short.location, SourceLocation(file: "long.csv"))
        XCTAssertTrue("\(short)".hasPrefix("long.csv: series short: error: "), "\(short)")
    }
}

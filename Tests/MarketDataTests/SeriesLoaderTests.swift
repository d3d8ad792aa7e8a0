import XCTest
@testable import MarketData

final class SeriesLoaderTests: XCTestCase {
    private func load(_ text: String, file: String = "s.csv", allowGaps: Bool = false) throws -> MarketSeries {
        try SeriesLoader.load(data: bytes(text), file: file, allowGaps: allowGaps)
    }

    /// The single error a fixture produces, checked to name the fixture's path and `line`.
    private func singleError(fixture name: String, line: Int?, file: StaticString = #filePath, testLine: UInt = #line) -> Diagnostic? {
        let path = Fixtures.path(name)
        let errors = inputErrors({ try SeriesLoader.load(path: path) }, file: file, line: testLine)
        XCTAssertEqual(errors.count, 1, "\(errors)", file: file, line: testLine)
        XCTAssertEqual(errors.first?.location.file, path, file: file, line: testLine)
        XCTAssertEqual(errors.first?.location.line, line, file: file, line: testLine)
        let prefix = line.map { "\(path):\($0):" } ?? "\(path): "
        XCTAssertTrue(errors.first?.description.hasPrefix(prefix) ?? false, file: file, line: testLine)
        return errors.first
    }

    func testValidFixtureLoads() throws {
        let series = try SeriesLoader.load(path: Fixtures.path("valid.csv"))
        XCTAssertEqual(series.id, "valid")
        XCTAssertEqual(series.unit, "亿元")
        XCTAssertEqual(series.definition, "AI core industry")
        XCTAssertEqual(series.years, [2020, 2021, 2022, 2023, 2024, 2025])
        XCTAssertEqual(series.actuals.map(\.value), [3031, 4305, 5080, 5298, 7470])
        XCTAssertEqual(series.estimates.map(\.year), [2025])
        XCTAssertEqual(series.observations.map(\.line), [2, 3, 4, 5, 6, 7])
        XCTAssertEqual(series.observation(forYear: 2021)?.note, "derived: 5080 / 1.18, the stated 2022 growth")
        XCTAssertEqual(series.sources, ["CAICT, reported 2022-07", "CAICT, reported 2023-10", "wyfm1053.com 2025-05-22", "test fixture"])
    }

    func testExplicitIDAndSortingByYear() throws {
        let series = try SeriesLoader.load(data: bytes("year,value,unit,status,source\n2022,3,亿元,actual,A\n2020,1,亿元,actual,A\n2021,2,亿元,actual,A\n"),
                                           file: "dir/x.csv", id: "custom")
        XCTAssertEqual(series.id, "custom")
        XCTAssertEqual(series.years, [2020, 2021, 2022])
        XCTAssertEqual(series.observations.map(\.line), [3, 4, 2])
        XCTAssertEqual(SeriesLoader.defaultID(for: "datasets/china-ai-market-size.csv"), "china-ai-market-size")
    }

    func testBOMCRLFFileLoadsFine() throws {
        let series = try SeriesLoader.load(path: Fixtures.path("bom-crlf.csv"))
        XCTAssertEqual(series.actuals.map(\.value), [3031, 4305, 5080])
        XCTAssertEqual(series.unit, "亿元")
        XCTAssertEqual(series.observations.map(\.source), ["CAICT", "CAICT", "CAICT"])
    }

    func testGBKFileLoads() throws {
        let series = try SeriesLoader.load(path: Fixtures.path("gbk.csv"))
        XCTAssertEqual(series.unit, "亿元")
        XCTAssertEqual(series.sources, ["中国信通院"])
        XCTAssertEqual(series.actuals.map(\.value), [3031, 4305])
    }

    func testNonNumericValue() {
        let error = singleError(fixture: "non-numeric.csv", line: 4)
        XCTAssertEqual(error?.location.column, 6)
        XCTAssertEqual(error?.message, "value \"12.3a\" in column \"value\" is not a number")
    }

    func testDuplicateYearNamesBothLines() {
        let error = singleError(fixture: "duplicate-year.csv", line: 4)
        XCTAssertEqual(error?.message, "year 2021 appears twice, on lines 3 and 4")
    }

    func testMissingColumnListsFoundColumns() {
        let error = singleError(fixture: "missing-column.csv", line: 1)
        XCTAssertEqual(error?.message, "required column \"status\" is missing")
        XCTAssertTrue(error?.hint?.hasPrefix("did you mean \"staus\"? the header has: \"year\", \"value\", \"unit\", \"staus\", \"source\"") ?? false,
                      error?.hint ?? "")
    }

    /// A config pointing at some other kind of file (here a line shaped like a system
    /// password file's) gets a question, not that file's first line quoted back.
    func testTheFirstLineOfAFileThatIsNotATableIsNotQuoted() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-table-\(UUID().uuidString).csv").path
        try "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertThrowsError(try SeriesLoader.load(path: path)) { error in
            let text = "\(error)"
            XCTAssertFalse(text.contains("/bin/bash"), text)
            XCTAssertTrue(text.contains("is it the right file?"), text)
        }
    }

    func testTooFewCells() {
        let error = singleError(fixture: "too-few-cells.csv", line: 3)
        XCTAssertTrue(error?.message.contains("missing: \"status\", \"source\"") ?? false)
    }

    func testEmptyAndHeaderOnly() {
        XCTAssertEqual(singleError(fixture: "empty.csv", line: nil)?.message, "the file is empty")
        XCTAssertTrue(singleError(fixture: "header-only.csv", line: 1)?.message.contains("no data rows") ?? false)
    }

    func testNaNRefused() {
        let error = singleError(fixture: "nan.csv", line: 2)
        XCTAssertEqual(error?.location.column, 6)
        XCTAssertTrue(error?.message.contains("\"NaN\"") ?? false)
    }

    func testNegativeAndZeroRefused() {
        let error = singleError(fixture: "negative.csv", line: 3)
        XCTAssertTrue(error?.message.contains("negative") ?? false)
        let zero = inputErrors { try load("year,value,unit,status,source\n2020,0,亿元,actual,A\n") }
        XCTAssertTrue(zero.first?.message.contains("zero") ?? false)
    }

    func testGapsRefusedUnlessAllowed() throws {
        let error = singleError(fixture: "gaps.csv", line: 4)
        XCTAssertEqual(error?.message, "years 2021, 2022 missing between 2020 (line 3) and 2023 (line 4)")
        let series = try SeriesLoader.load(path: Fixtures.path("gaps.csv"), allowGaps: true)
        XCTAssertEqual(series.years, [2019, 2020, 2023])
    }

    func testGapsAreStillReportedWhenAValueIsBad() {
        let errors = inputErrors { try load("year,value,unit,status,source\n2020,x,亿元,actual,A\n2022,1,亿元,actual,A\n") }
        XCTAssertEqual(errors.map(\.message), ["value \"x\" in column \"value\" is not a number",
                                              "year 2021 missing between 2020 (line 2) and 2022 (line 3)"])
        // An unreadable year is not also reported as a gap.
        let unreadable = inputErrors { try load("year,value,unit,status,source\n2020,1,亿元,actual,A\n20x1,1,亿元,actual,A\n2022,1,亿元,actual,A\n") }
        XCTAssertEqual(unreadable.count, 1)
    }

    func testYearRange() {
        let errors = inputErrors { try load("year,value,unit,status,source\n1899,1,亿元,actual,A\n2201,1,亿元,actual,A\n", allowGaps: true) }
        XCTAssertEqual(errors.map(\.location.line), [2, 3])
        XCTAssertTrue(errors.first?.message.contains("outside 1900–2200") ?? false)
    }

    func testUnitSourceStatusAndDefinitionChecks() {
        let text = """
        year,value,unit,status,source,definition
        2020,1,亿元,actual,A,core
        2021,2,万元,actual,A,core
        2022,3,亿元,estimated,A,core
        2023,4,亿元,actual, ,core
        2024,5,亿元,Estimate,A,broad
        2025,6,,actual,A,core
        """
        let errors = inputErrors { try load(text) }
        XCTAssertEqual(errors.map(\.location.line), [3, 4, 5, 6, 7])
        XCTAssertEqual(errors[0].message, "unit \"万元\" differs from \"亿元\" on line 2")
        XCTAssertEqual(errors[1].message, "status \"estimated\" is not one of actual, estimate, preliminary")
        XCTAssertTrue(errors[1].hint?.hasPrefix("did you mean \"estimate\"?") ?? false)
        XCTAssertEqual(errors[2].message, "column \"source\" is empty")
        XCTAssertTrue(errors[3].message.hasPrefix("definition \"broad\" differs"), "status is case-insensitive, so only the definition is wrong on line 6")
        XCTAssertEqual(errors[4].message, "column \"unit\" is empty")
    }

    func testEveryProblemIsReportedAtOnce() {
        let path = Fixtures.path("many-problems.csv")
        let errors = SeriesLoader.validate(path: path)
        XCTAssertEqual(errors.map(\.location.line), [2, 3, 3, 4])
        XCTAssertTrue(errors[0].hint?.contains("did you mean \"actual\"") ?? false)
        XCTAssertTrue(errors[1].message.contains("万元"))
        XCTAssertTrue(errors[2].message.contains("source"))
        XCTAssertTrue(errors[3].message.contains("\"20x2\""))
        XCTAssertTrue(errors.allSatisfy { $0.location.file == path })
        XCTAssertEqual(SeriesLoader.validate(path: Fixtures.path("valid.csv")), [])
    }

    func testLoadAllKeepsGoodSeriesAndCollectsBadOnes() {
        let paths = ["valid.csv", "nan.csv", "bom-crlf.csv", "duplicate-year.csv", "missing.csv"].map(Fixtures.path)
        let result = SeriesLoader.loadAll(paths: paths)
        XCTAssertEqual(result.series.map(\.id), ["valid", "bom-crlf"])
        XCTAssertEqual(result.errors.errors.map(\.location.file), [paths[1], paths[3], paths[4]])
        XCTAssertEqual(result.errors.errors.last?.message, "the file does not exist")
    }

    func testQuotedThousandsAndScientificValues() throws {
        let series = try load("year,value,unit,status,source\n2020,\"1,234.5\",亿元,actual,A\n2021,1.5e3,亿元,estimate,A\n")
        XCTAssertEqual(series.observations.map(\.value), [1234.5, 1500])
        XCTAssertEqual(series.observations.map(\.status), [.actual, .estimate])
    }
}

final class SeriesLoaderWarningTests: XCTestCase {
    func testCleanFileHasNoWarnings() throws {
        XCTAssertEqual(try SeriesLoader.load(path: Fixtures.path("valid.csv")).warnings, [])
    }

    func testGBKFileLoadsWithAWarningToResave() throws {
        let series = try SeriesLoader.load(path: Fixtures.path("gbk.csv"))
        XCTAssertEqual(series.warnings.count, 1)
        XCTAssertEqual(series.warnings.first?.severity, .warning)
        XCTAssertTrue(series.warnings.first?.description.contains(": warning: the file is not UTF-8; it was read as GBK/GB18030") ?? false)
    }

    func testMisspeltOptionalColumnAndActualAfterEstimate() throws {
        let text = "year,value,unit,status,source,notes,extra\n2020,1,亿元,actual,A,n,x\n2021,2,亿元,estimate,A,n,x\n2022,3,亿元,actual,A,n,x\n"
        let series = try SeriesLoader.load(data: bytes(text), file: "w.csv")
        XCTAssertEqual(series.warnings.map(\.location), [SourceLocation(file: "w.csv", line: 1, column: 31),
                                                         SourceLocation(file: "w.csv", line: 4)])
        XCTAssertEqual(series.warnings[0].message, "column \"notes\" is not used; did you mean \"note\"?")
        XCTAssertEqual(series.warnings[1].message, "year 2022 is an actual but the earlier year 2021 (line 3) is an estimate")
        XCTAssertEqual(series.observations.map(\.note), ["", "", ""], "the misspelt column is not read as notes")
    }

    func testErrorsAreInLineThenColumnOrder() {
        // status (column 4) is checked before unit (column 3) in code; the report reads left to right.
        let errors = inputErrors {
            try SeriesLoader.load(data: bytes("year,value,unit,status,source\n2020,1,万元,bad,A\n2021,x,亿元,actual,A\n2022,3,,actual,A\n"),
                                  file: "o.csv")
        }
        XCTAssertEqual(errors.map { [$0.location.line ?? 0, $0.location.column ?? 0] }, [[2, 11], [3, 6], [3, 8], [4, 8]])
        let mixed = inputErrors {
            try SeriesLoader.load(data: bytes("year,value,unit,status,source\n2020,1,亿元,actual,A\n2021,1,万元,bad,A\n"), file: "o.csv")
        }
        XCTAssertEqual(mixed.map(\.message), ["unit \"万元\" differs from \"亿元\" on line 2", "status \"bad\" is not one of actual, estimate, preliminary"])
        XCTAssertEqual(mixed.map { $0.location.column ?? 0 }, [8, 11])
    }

    func testInputErrorsSortKeepsFileOrderThenLines() {
        let list = InputErrors([Diagnostic(file: "b.csv", line: 5, "b5"), Diagnostic(file: "a.csv", line: 2, "a2"),
                                Diagnostic(file: "b.csv", line: 1, "b1"), Diagnostic(file: "a.csv", "a"),
                                Diagnostic(file: "b.csv", line: 1, "b1 again")])
        XCTAssertEqual(list.sortedByLocation().errors.map(\.message), ["b1", "b1 again", "b5", "a", "a2"])
    }
}

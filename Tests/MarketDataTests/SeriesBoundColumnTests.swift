import XCTest
@testable import MarketData

/// The optional `bound` and `published` columns of a series dataset: what they parse to,
/// and that a bad cell is a located error with a way to fix it, never a crash.
final class SeriesBoundColumnTests: XCTestCase {
    private func load(_ text: String) throws -> MarketSeries {
        try SeriesLoader.load(data: bytes(text), file: "s.csv")
    }

    func testBoundColumnParsesLowerUpperAndEmpty() throws {
        let series = try load("""
            year,value,unit,status,bound,source,published,note
            2023,7258,亿元,actual,lower,CAICT,2025-12-15,"derived: 9000/1.24"
            2024,9000,亿元,actual,LOWER,CAICT,2025-12-15,超过9000亿元
            2025,10000,亿元,actual,,MIIT,2025-12,
            2026,20000,亿元,estimate,upper,X,,

            """)
        XCTAssertEqual(series.observations.map(\.bound), [.lower, .lower, nil, .upper])
        XCTAssertEqual(series.observations.map(\.published), ["2025-12-15", "2025-12-15", "2025-12", ""])
        XCTAssertEqual(series.observations.map(\.isDerived), [true, false, false, false])
        // A month-precision date covers its whole month, so it is the later cut-off.
        XCTAssertEqual(series.dataCutoff, "2025-12")
        XCTAssertEqual(series.vintage, "CAICT; MIIT; X (published up to 2025-12)")
        XCTAssertTrue(series.warnings.isEmpty, "\(series.warnings)")
    }

    /// Two sources bounding one year (issue 19): both rows kept with their sources, the
    /// tightest one is the year's figure; any other repeat of a year stays an error.
    func testSeveralSourcesBoundingOneYearKeepTheTightestAsTheFigure() throws {
        let series = try load("""
            year,value,unit,status,bound,source
            2024,9000,亿元,actual,lower,CAICT
            2025,12000,亿元,actual,lower,CAICT
            2025,10000,亿元,actual,lower,MIIT
            2026,30000,亿元,estimate,upper,X
            2026,25000,亿元,estimate,upper,Y

            """)
        XCTAssertEqual(series.observations.map(\.year), [2024, 2025, 2026])
        XCTAssertEqual(series.observations.map(\.value), [9000, 12000, 25000], "the highest lower bound, the lowest upper bound")
        XCTAssertEqual(series.otherSources.map { [$0.source, "\($0.line)"] }, [["MIIT", "4"], ["X", "5"]])
        for repeat_ in ["2024,9100,亿元,actual,,MIIT", "2024,9100,亿元,actual,upper,MIIT", "2024,9100,亿元,actual,lower,CAICT",
                        "2024,9100,亿元,estimate,lower,MIIT"] {
            XCTAssertThrowsError(try load("year,value,unit,status,bound,source\n2024,9000,亿元,actual,lower,CAICT\n\(repeat_)\n"), repeat_) { error in
                XCTAssertTrue("\(error)".contains("year 2024 appears twice, on lines 2 and 3"), "\(error)")
            }
        }
    }

    func testWithoutTheColumnsEveryFigureIsExact() throws {
        let series = try load("year,value,unit,status,source\n2020,1,亿元,actual,A\n2021,2,亿元,actual,A\n")
        XCTAssertEqual(series.observations.map(\.bound), [nil, nil])
        XCTAssertNil(series.dataCutoff)
        XCTAssertEqual(series.vintage, "A")
    }

    func testABadBoundIsALocatedErrorThatSaysWhatToWrite() {
        let errors = inputErrors({ try load("year,value,unit,status,bound,source\n2020,1,亿元,actual,超过,A\n2021,2,亿元,actual,lowr,A\n") })
        XCTAssertEqual(errors.count, 2, "\(errors)")
        XCTAssertEqual(errors.map(\.location.line), [2, 3])
        XCTAssertEqual(errors.map(\.location.column), [18, 18])
        XCTAssertEqual(errors.first?.message, "bound \"超过\" is not one of lower, upper or empty")
        XCTAssertTrue(errors.first?.hint?.hasPrefix("did you mean \"lower\"?") ?? false, "\(errors)")
        XCTAssertTrue(errors.first?.hint?.contains("leave the cell empty for an exact figure") ?? false)
        XCTAssertTrue(errors.last?.hint?.hasPrefix("did you mean \"lower\"?") ?? false, "\(errors)")
        XCTAssertTrue(errors.first?.description.hasPrefix("s.csv:2:18: error: bound") ?? false, "\(errors)")
    }

    func testABadPublishedDateIsALocatedError() {
        for bad in ["2025/12", "2025-13", "25-12", "2025-12-32", "Dec 2025"] {
            let errors = inputErrors({ try load("year,value,unit,status,source,published\n2020,1,亿元,actual,A,\(bad)\n") })
            XCTAssertEqual(errors.count, 1, bad)
            XCTAssertEqual(errors.first?.location.line, 2, bad)
            XCTAssertEqual(errors.first?.location.column, 20, bad)
            XCTAssertEqual(errors.first?.message, "published \"\(bad)\" is not a date such as 2025-12 or 2025-12-15")
        }
    }

    func testAMisspeltBoundColumnIsWarnedAbout() throws {
        let series = try load("year,value,unit,status,source,bund\n2020,1,亿元,actual,A,lower\n")
        XCTAssertEqual(series.observations.first?.bound, nil)
        XCTAssertTrue(series.warnings.contains { $0.message.contains("did you mean \"bound\"") }, "\(series.warnings)")
    }

    func testTheShippedVintageIsOneVintageOfLowerBounds() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let series = try SeriesLoader.load(path: root.appendingPathComponent("datasets/china-ai-market-size.csv").path)
        XCTAssertEqual(series.years, [2023, 2024, 2025], "the December 2025 vintage, never spliced onto older years")
        XCTAssertEqual(series.observations.map(\.bound), [.lower, .lower, .lower])
        XCTAssertEqual(series.observation(forYear: 2024)?.value, 9000)
        XCTAssertEqual(series.observation(forYear: 2023)?.isDerived, true)
        XCTAssertEqual(series.dataCutoff, "2025-12")
        XCTAssertTrue(series.observations.allSatisfy { $0.published.hasPrefix("2025-12") })
        let previous = try SeriesLoader.load(path: root.appendingPathComponent("datasets/editions/2026Q3/china-ai-market-size.csv").path)
        XCTAssertEqual(previous.observation(forYear: 2024)?.value, 7470, "the previous edition keeps its vintage")
    }
}

/// `status: preliminary` (issue 19): an actual stated before its year closed, with its
/// `published` date inside that year; anything else is a located error.
final class SeriesPreliminaryStatusTests: XCTestCase {
    private func load(_ text: String) throws -> MarketSeries {
        try SeriesLoader.load(data: bytes(text), file: "s.csv")
    }

    func testAPreliminaryFigureIsAnActualMarkedPreliminary() throws {
        let series = try load("""
            year,value,unit,status,bound,source,published
            2024,9000,亿元,actual,lower,CAICT,2025-12-15
            2025,10000,亿元,Preliminary,lower,MIIT,2025-12

            """)
        XCTAssertEqual(series.observations.map(\.status), [.actual, .actual])
        XCTAssertEqual(series.observations.map(\.isPreliminary), [false, true])
        XCTAssertEqual(series.actuals.count, 2, "fitted and tabled as an actual")
    }

    func testAPreliminaryFigureNeedsADateInsideItsYear() {
        let noDate = inputErrors({ try load("year,value,unit,status,source\n2024,1,亿元,actual,A\n2025,2,亿元,preliminary,A\n") })
        XCTAssertTrue(noDate.first?.description.hasPrefix("s.csv:3:11: error: 2025 is preliminary but the row gives no `published` date") ?? false, "\(noDate)")
        XCTAssertTrue(noDate.first?.hint?.contains("before its year closed") ?? false)

        let late = inputErrors({ try load("year,value,unit,status,source,published\n2024,1,亿元,actual,A,\n2025,2,亿元,preliminary,A,2026-03\n") })
        XCTAssertEqual(late.first?.location.line, 3)
        XCTAssertEqual(late.first?.location.column, 25)
        XCTAssertEqual(late.first?.message, "2025 is preliminary but was published 2026-03, after the year closed")
        XCTAssertTrue(late.first?.hint?.contains("write status actual") ?? false)

        let early = inputErrors({ try load("year,value,unit,status,source,published\n2024,1,亿元,actual,A,\n2025,2,亿元,preliminary,A,2024-11\n") })
        XCTAssertEqual(early.first?.message, "2025 is preliminary but was published 2024-11, before the year began")
        XCTAssertTrue(early.first?.hint?.contains("write status estimate") ?? false)
    }

    func testAMisspeltStatusSuggestsPreliminary() {
        let errors = inputErrors({ try load("year,value,unit,status,source\n2025,2,亿元,prelim,A\n") })
        XCTAssertEqual(errors.first?.message, "status \"prelim\" is not one of actual, estimate, preliminary")
    }
}

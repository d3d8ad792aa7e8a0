import Foundation
import XCTest
@testable import Report

final class RunValidationTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "year,value,unit,status,source\n2020,1,亿元,actual,x\n2021,abc,亿元,actual,x\n2021,-3,亿元,actual,x\n"
            .write(to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        try "year,value,unit,status,source\n2020,1,亿元,actual,x\n2021,2,亿元,actual,x\n2022,3,亿元,actual,x\n"
            .write(to: folder.appendingPathComponent("good.csv"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func check(_ yaml: String) throws -> RunValidation.Report {
        let path = folder.appendingPathComponent("report.yaml")
        try yaml.write(to: path, atomically: true, encoding: .utf8)
        return RunValidation.check(configPath: path.path)
    }

    func testEveryProblemIsListedAtOnceInFileOrder() throws {
        let report = try check("""
            quarter: 2026Q5
            horizn: 2027
            language: ez
            series:
              - id: a
                data: bad.csv
                model: logistc
              - id: b
                data: god.csv
              - id: c
                data: good.csv
                modle: auto
            """)
        let lines = report.errors.map { "\($0.location): \($0.message) | \($0.hint ?? "")" }
        let expected: [(String, String)] = [
            ("report.yaml:1:1", "has no `horizon`"),
            ("report.yaml:1:10", "`quarter` must look like 2026Q4"),
            ("report.yaml:2:1", "did you mean `horizon`"),
            ("report.yaml:3:11", "did you mean `en`"),
            ("report.yaml:7:12", "did you mean `logistic`"),
            ("report.yaml:9:11", "did you mean `good.csv`"),
            ("report.yaml:12:5", "did you mean `model`"),
            ("bad.csv:3:6", "\"abc\" in column \"value\" is not a number"),
            ("bad.csv:4:1", "year 2021 appears twice"),
            ("bad.csv:4:6", "negative"),
        ]
        XCTAssertEqual(lines.count, expected.count, lines.joined(separator: "\n"))
        for (line, (location, words)) in zip(lines, expected) {
            XCTAssertTrue(line.contains(location) && line.contains(words), "\(line) should hold \(location) and \(words)")
        }
        XCTAssertFalse(report.isValid)
    }

    func testAValidConfigHasNoProblemsAndListsItsFiles() throws {
        let report = try check("""
            quarter: 2026Q4
            horizon: 2027
            series:
              - id: c
                data: good.csv
                model: auto
            """)
        XCTAssertTrue(report.isValid, report.problems.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(report.files.count, 2)
    }

    /// `consensus:` and `link:` are checked like every other key: located, with a fix.
    func testConsensusAndLinkSettingsAreChecked() throws {
        try "year,value,unit,status,source\n2018,1,亿元,actual,y\n2019,2,亿元,actual,y\n"
            .write(to: folder.appendingPathComponent("old.csv"), atomically: true, encoding: .utf8)
        try "publisher,definition,year,value,cagr_percent,unit,source,series\nP,d,2023,9,,亿元,s,c\n"
            .write(to: folder.appendingPathComponent("pf.csv"), atomically: true, encoding: .utf8)
        let base = """
            quarter: 2026Q4
            horizon: 2027
            series:
              - id: c
                data: good.csv
                model: auto
            tables: {published-forecasts: pf.csv}

            """
        func errors(_ extra: String) throws -> [String] {
            try check(base + extra).errors.map { "\($0.location): \($0.message) | \($0.hint ?? "")" }
        }
        // A level alone gives no consensus: the check says what to add.
        let noRates = try errors("consensus: {series: c}\n")
        XCTAssertEqual(noRates.count, 1, "\(noRates)")
        XCTAssertTrue(noRates.first?.contains("report.yaml:8:12: `consensus` needs published growth rates of `c`") ?? false, "\(noRates)")
        XCTAssertTrue(noRates.first?.contains("cagr_percent") ?? false, "\(noRates)")
        XCTAssertTrue(try errors("consensus: {series: d}\n").first?.contains("`consensus` names series `d`") ?? false)
        XCTAssertTrue(try errors("consensus: {series: c, base_weight: -1}\n").first?.contains("`base_weight` must be 0 or more") ?? false)
        // An older vintage that does not reach the newest first year cannot link.
        let link = base.replacingOccurrences(of: "    model: auto\n", with: "    model: auto\n    link: {method: growth, vintage: old.csv}\n")
        let gap = try check(link).errors.map(\.description).joined(separator: "\n")
        XCTAssertTrue(gap.contains("old.csv") && gap.contains("has no growth into 2020"), gap)
        let method = try check(link.replacingOccurrences(of: "method: growth", with: "method: level")).errors.map(\.description).joined()
        XCTAssertTrue(method.contains("unknown link method `level`") && method.contains("never spliced"), method)
    }

    /// `check` tests the actuals against declared bounds as `run` does, at the value's line.
    func testAnActualOutsideDeclaredBoundsIsListed() throws {
        let report = try check("""
            quarter: 2026Q4
            horizon: 2025
            series:
              - id: share
                data: good.csv
                bounds: {floor: 0, ceiling: 2.5}
            """)
        let lines = report.errors.map { "\($0.location): \($0.message) | \($0.hint ?? "")" }
        XCTAssertEqual(lines.count, 1, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.first?.contains("good.csv:4") ?? false, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.first?.contains("the 2022 value 3 of series `share` lies outside the declared bounds 0–2.5") ?? false,
                      lines.joined(separator: "\n"))
        XCTAssertFalse(report.isValid)
        XCTAssertTrue(try check("""
            quarter: 2026Q4
            horizon: 2025
            series:
              - id: share
                data: good.csv
                bounds: {floor: 0, ceiling: 3}
            """).isValid)
    }

    func testHorizonBeforeTheLastActualIsRefused() throws {
        let report = try check("""
            quarter: 2026Q4
            horizon: 2021
            series:
              - id: c
                data: good.csv
            """)
        XCTAssertEqual(report.errors.count, 1)
        XCTAssertTrue(report.errors.first?.message.contains("after the horizon 2021") ?? false)
        XCTAssertEqual(report.errors.first?.location.line, 4)
    }

    func testAYAMLSyntaxErrorIsReportedWithItsLine() throws {
        let report = try check("quarter: 2026Q4\nseries: [\n  - id: a\n")
        XCTAssertEqual(report.errors.count, 1)
        XCTAssertNotNil(report.errors.first?.location.line)
        XCTAssertTrue(report.errors.first?.message.hasPrefix("YAML syntax") ?? false)
    }
}

final class SeriesReferenceTests: XCTestCase {
    func testAMisspeltSeriesIdGetsTheClosestOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "year,value,unit,status,source\n2020,1,亿元,actual,x\n".write(to: folder.appendingPathComponent("d.csv"),
                                                                       atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("report.yaml")
        try "quarter: 2026Q4\nhorizon: 2027\nseries:\n  - id: china-ai-market-size\n    data: d.csv\n"
            .write(to: path, atomically: true, encoding: .utf8)
        let config = try ReportConfig.load(path: path.path)
        XCTAssertNil(config.seriesReferenceProblem("china-ai-market-size", at: .init(file: "x"), in: "`scenarios`"))
        let problem = try XCTUnwrap(config.seriesReferenceProblem("china-ai-market-sise", at: .init(file: "x", line: 9),
                                                                  in: "`scenarios`"))
        XCTAssertEqual(problem.location.line, 9)
        XCTAssertTrue(problem.hint?.contains("did you mean `china-ai-market-size`") ?? false, problem.description)
    }
}

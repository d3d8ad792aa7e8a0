import Foundation
import XCTest
@testable import Report

final class ReportConfigTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("marketcast-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "year,value,unit,status,source\n2020,1,亿元,actual,x\n"
            .write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func load(_ yaml: String) throws -> ReportConfig {
        let path = folder.appendingPathComponent("report.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try ReportConfig.load(path: path)
    }

    private func message(_ yaml: String) -> String {
        do {
            _ = try load(yaml)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    private let valid = """
        quarter: 2026Q4
        horizon: 2027
        series:
          - id: s
            data: data.csv
            title: 中国AI市场规模
        """

    func testValidConfigResolvesPathsRelativeToItsFolder() throws {
        let config = try load(valid)
        XCTAssertEqual(config.quarter, "2026Q4")
        XCTAssertEqual(config.horizon, 2027)
        XCTAssertEqual(config.language, .zh)
        XCTAssertEqual(config.level, 0.95)
        XCTAssertEqual(config.series.map(\.id), ["s"])
        XCTAssertEqual(config.series[0].dataPath, folder.appendingPathComponent("data.csv").standardizedFileURL.path)
        XCTAssertEqual(config.series[0].model, .curve(.exponential))
    }

    func testUnknownKeyNamesLineAndSuggestsTheKnownOne() {
        let text = message(valid.replacingOccurrences(of: "horizon:", with: "horizn:"))
        XCTAssertTrue(text.contains("report.yaml:2:1"), text)
        XCTAssertTrue(text.contains("unknown key `horizn`"), text)
        XCTAssertTrue(text.contains("did you mean `horizon`"), text)
    }

    func testWrongTypeNamesTheValue() {
        let text = message(valid.replacingOccurrences(of: "horizon: 2027", with: "horizon: soon"))
        XCTAssertTrue(text.contains("report.yaml:2:10"), text)
        XCTAssertTrue(text.contains("`horizon` must be a whole number"), text)
    }

    func testBadQuarter() {
        let text = message(valid.replacingOccurrences(of: "2026Q4", with: "2026Q5"))
        XCTAssertTrue(text.contains("report.yaml:1:10"), text)
        XCTAssertTrue(text.contains("2026Q5"), text)
    }

    func testMissingDataFileNamesTheEntry() {
        let text = message(valid.replacingOccurrences(of: "data.csv", with: "nope.csv"))
        XCTAssertTrue(text.contains("report.yaml:5:11"), text)
        XCTAssertTrue(text.contains("nope.csv"), text)
        XCTAssertTrue(text.contains("does not exist"), text)
    }

    func testYAMLSyntaxErrorNamesTheLine() {
        let text = message("quarter: 2026Q4\nseries: [a, b\nhorizon: 2027\n")
        XCTAssertTrue(text.contains("report.yaml:"), text)
        XCTAssertTrue(text.contains("YAML syntax"), text)
    }

    func testDuplicateSeriesID() {
        let text = message(valid + "\n  - id: s\n    data: data.csv\n")
        XCTAssertTrue(text.contains("used twice"), text)
        XCTAssertTrue(text.contains("report.yaml:7:"), text)
    }

    func testEmptyFile() {
        XCTAssertTrue(message("").contains("empty"))
    }

    func testLanguageAndLevelAreChecked() {
        XCTAssertTrue(message(valid + "\nlanguage: fr\n").contains("zh or en"))
        XCTAssertTrue(message(valid + "\nlevel: 95\n").contains("between 0.5 and 1"))
    }
}

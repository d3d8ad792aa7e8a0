import Foundation
import XCTest
@testable import Report

final class PenetrationConfigTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("marketcast-penetration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "year,value,unit,status,source\n2020,1,亿元,actual,x\n"
            .write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        try """
            industry_zh,industry_en,digitalisation,acceptance,value_at_stake,current_penetration,potential,rubric,source
            金融,Finance,5,4,5,45,80,r,analyst
            制造,Manufacturing,4,3,2,12,60,r,analyst
            医疗,Healthcare,3,2,5,10,70,r,analyst

            """.write(to: folder.appendingPathComponent("ind.csv"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Line 6 is `penetration:`, weights start on line 10.
    private let valid = """
        quarter: 2026Q4
        horizon: 2027
        series:
          - id: s
            data: data.csv
        penetration:
          data: ind.csv
          normalisation: z-score
          weights:
            digitalisation: 2
            acceptance: 1
          sensitivity: {draws: 100, concentration: 20, seed: 7}
          adoption: {data_year: 2023, horizon: 2030, innovation: [0.02, 0.04], imitation: [0.3, 0.5]}
        """

    private func load(_ yaml: String) throws -> ReportConfig {
        let path = folder.appendingPathComponent("report.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try ReportConfig.load(path: path)
    }

    private func message(_ yaml: String) -> String {
        do { _ = try load(yaml); return "no error" } catch { return "\(error)" }
    }

    func testValidSectionIsRead() throws {
        let config = try XCTUnwrap(try load(valid).penetration)
        XCTAssertEqual(config.indicators, ["digitalisation", "acceptance", "value_at_stake"], "bubble size added with weight 0")
        XCTAssertEqual(config.weights, [2, 1, 0])
        XCTAssertEqual(config.settings.normalisation, .zScore)
        XCTAssertEqual(config.settings.draws, 100)
        XCTAssertEqual(config.settings.seed, 7)
        XCTAssertEqual(config.settings.adoption.innovation, 0.02...0.04)
        XCTAssertEqual(config.settings.adoption.horizon, 2030)
        let analysis = try config.analyse()
        XCTAssertEqual(analysis.rankOrder.map { analysis.table.industries[$0].nameZh }, ["金融", "制造", "医疗"])
    }

    func testNoSectionMeansNoPenetration() throws {
        let withoutSection = valid.components(separatedBy: "penetration:")[0]
        XCTAssertNil(try load(withoutSection).penetration)
    }

    func testMisspeltWeightNameSuggestsTheColumn() {
        let text = message(valid.replacingOccurrences(of: "digitalisation: 2", with: "digitalisaton: 2"))
        XCTAssertTrue(text.contains("report.yaml:10:5"), text)
        XCTAssertTrue(text.contains("`digitalisaton` is not an indicator column"), text)
        XCTAssertTrue(text.contains("did you mean \"digitalisation\""), text)
    }

    func testDuplicateWeightIsAnError() {
        let text = message(valid.replacingOccurrences(of: "acceptance: 1", with: "acceptance: 1\n    acceptance: 2"))
        XCTAssertTrue(text.contains("report.yaml:12:5"), text)
        XCTAssertTrue(text.contains("`acceptance` has two weights"), text)
    }

    func testNegativeWeightIsLocated() {
        let text = message(valid.replacingOccurrences(of: "acceptance: 1", with: "acceptance: -1"))
        XCTAssertTrue(text.contains("report.yaml:11:17"), text)
        XCTAssertTrue(text.contains("negative"), text)
    }

    func testWeightsMustNotAllBeZero() {
        let text = message(valid.replacingOccurrences(of: "digitalisation: 2", with: "digitalisation: 0")
            .replacingOccurrences(of: "acceptance: 1", with: "acceptance: 0"))
        XCTAssertTrue(text.contains("report.yaml:10:"), text)
        XCTAssertTrue(text.contains("add up to 0"), text)
    }

    func testNonNumericWeight() {
        let text = message(valid.replacingOccurrences(of: "acceptance: 1", with: "acceptance: high"))
        XCTAssertTrue(text.contains("report.yaml:11:17"), text)
        XCTAssertTrue(text.contains("`acceptance` must be a number"), text)
    }

    func testUnknownNormalisationSuggestsTheKnownOne() {
        let text = message(valid.replacingOccurrences(of: "z-score", with: "zscore"))
        XCTAssertTrue(text.contains("report.yaml:8:18"), text)
        XCTAssertTrue(text.contains("did you mean \"z-score\""), text)
    }

    func testUnknownKeyInSensitivity() {
        let text = message(valid.replacingOccurrences(of: "draws:", with: "drawz:"))
        XCTAssertTrue(text.contains("report.yaml:12:"), text)
        XCTAssertTrue(text.contains("did you mean `draws`"), text)
    }

    func testImpossibleValues() {
        XCTAssertTrue(message(valid.replacingOccurrences(of: "concentration: 20", with: "concentration: 0"))
            .contains("`concentration` must be positive"))
        XCTAssertTrue(message(valid.replacingOccurrences(of: "seed: 7", with: "seed: -1")).contains("`seed` must be ≥ 0"))
        let range = message(valid.replacingOccurrences(of: "[0.02, 0.04]", with: "[0.04, 0.02]"))
        XCTAssertTrue(range.contains("report.yaml:13:") && range.contains("not ascending"), range)
        let horizon = message(valid.replacingOccurrences(of: "horizon: 2030", with: "horizon: 2020"))
        XCTAssertTrue(horizon.contains("after `data_year`"), horizon)
    }

    func testMissingDataFile() {
        let text = message(valid.replacingOccurrences(of: "ind.csv", with: "nope.csv"))
        XCTAssertTrue(text.contains("report.yaml:7:9"), text)
        XCTAssertTrue(text.contains("does not exist"), text)
    }

    func testBadBubbleSizeColumn() {
        let text = message(valid + "\n  bubble_size: value_at_stak\n")
        XCTAssertTrue(text.contains("did you mean \"value_at_stake\""), text)
    }
}

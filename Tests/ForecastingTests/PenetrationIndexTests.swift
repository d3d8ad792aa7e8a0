import MarketData
import XCTest
@testable import Forecasting

final class PenetrationIndexTests: XCTestCase {
    /// 3 industries × 2 indicators: x1 = 1, 3, 5 and x2 = 4, 2, 1, weights 2 : 1.
    private func smallTable(current: [Double] = [10, 20, 30]) -> IndustryIndicatorTable {
        IndustryIndicatorTable(file: "t.csv", indicators: ["x1", "x2"], industries: [
            IndustryIndicators(nameZh: "A", nameEn: "A", scores: [1, 4], currentPenetration: current[0], potential: 90),
            IndustryIndicators(nameZh: "B", nameEn: "B", scores: [3, 2], currentPenetration: current[1], potential: 90),
            IndustryIndicators(nameZh: "C", nameEn: "C", scores: [5, 1], currentPenetration: current[2], potential: 90),
        ])
    }

    func testMinMaxIndexMatchesHandComputation() {
        // x1 → 0, 0.5, 1; x2 → (x − 1)/3 = 1, 1/3, 0; score = 100·(2·n1 + n2)/3.
        let index = PenetrationIndex(table: smallTable(), normalisation: .minMax)
        let result = index.evaluate(weights: [2, 1])
        XCTAssertEqual(result[0].score, 100.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(result[1].score, 100 * (1 + 1.0 / 3) / 3, accuracy: 1e-12)
        XCTAssertEqual(result[2].score, 200.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(result.map(\.rank), [3, 2, 1])
    }

    func testZScoreIndexMatchesScipy() {
        // scipy: z = (x − mean)/std (ddof 0), s = (2·z1 + z2)/3, 100·norm.cdf(s).
        let index = PenetrationIndex(table: smallTable(), normalisation: .zScore)
        let scores = index.scores(weights: [2, 1])
        XCTAssertEqual(scores[0], 35.52959829, accuracy: 1e-7)
        XCTAssertEqual(scores[1], 46.45063524, accuracy: 1e-7)
        XCTAssertEqual(scores[2], 67.72950964, accuracy: 1e-7)
    }

    func testScaleOfWeightsDoesNotMatter() {
        let index = PenetrationIndex(table: smallTable(), normalisation: .minMax)
        let a = index.scores(weights: [2, 1]), b = index.scores(weights: [20, 10])
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: 1e-12) }
    }

    func testConstantIndicatorCountsHalfUnderMinMax() {
        let table = IndustryIndicatorTable(file: "t", indicators: ["x"], industries: [
            IndustryIndicators(nameZh: "A", nameEn: "A", scores: [3], currentPenetration: 1, potential: 2),
            IndustryIndicators(nameZh: "B", nameEn: "B", scores: [3], currentPenetration: 1, potential: 2),
        ])
        XCTAssertEqual(PenetrationIndex(table: table, normalisation: .minMax).scores(weights: [1]), [50, 50])
    }

    func testTiesGoToHigherCurrentPenetrationThenFileOrder() {
        let index = PenetrationIndex(table: smallTable(current: [10, 40, 40]), normalisation: .minMax)
        XCTAssertEqual(index.ranks(of: [50, 50, 50]), [3, 1, 2])
        XCTAssertEqual(index.ranks(of: [50, 50 + 1e-12, 70]), [3, 2, 1], "within 1e-9 is a tie; B wins on current")
    }

    // MARK: - Loading

    private let header = "industry_zh,industry_en,x1,x2,current_penetration,potential,source\n"

    private func load(_ body: String, indicators: [String] = ["x1", "x2"]) throws -> IndustryIndicatorTable {
        try IndustryIndicatorTable(table: try CSVTable.parse(header + body, file: "ind.csv"), indicators: indicators)
    }

    private func message(_ body: String, indicators: [String] = ["x1", "x2"]) -> String {
        do { _ = try load(body, indicators: indicators); return "no error" } catch { return "\(error)" }
    }

    func testLoadsRowsAndSources() throws {
        let table = try load("金融,Finance,5,3,45,80,analyst\n医疗,Healthcare,3,1,10,70,analyst\n")
        XCTAssertEqual(table.industries.map(\.nameZh), ["金融", "医疗"])
        XCTAssertEqual(table.industries[0].scores, [5, 3])
        XCTAssertEqual(table.industries[1].room, 60)
        XCTAssertEqual(table.sources, ["analyst"])
    }

    func testMissingIndicatorColumnSuggestsTheClosest() {
        let text = message("a,A,1,2,3,4,s\n", indicators: ["x1", "x3"])
        XCTAssertTrue(text.contains("ind.csv:1"), text)
        XCTAssertTrue(text.contains("required column \"x3\" is missing"), text)
        XCTAssertTrue(text.contains("did you mean \"x1\""), text)
    }

    func testNonNumericScoreIsLocated() {
        let text = message("a,A,1,2,3,4,s\nb,B,high,2,3,4,s\n")
        XCTAssertTrue(text.contains("ind.csv:3:5"), text)
        XCTAssertTrue(text.contains("\"high\""), text)
    }

    func testScoreOutsideOneToFiveIsLocated() {
        let text = message("a,A,1,2,3,4,s\nb,B,1,7,3,4,s\n")
        XCTAssertTrue(text.contains("ind.csv:3:7"), text)
        XCTAssertTrue(text.contains("outside 1–5"), text)
    }

    func testDuplicateIndustryNamesTheFirstLine() {
        let text = message("a,A,1,2,3,4,s\na,A,1,2,3,4,s\n")
        XCTAssertTrue(text.contains("ind.csv:3:1"), text)
        XCTAssertTrue(text.contains("appears twice (first on line 2)"), text)
    }

    func testPotentialMustExceedCurrent() {
        let text = message("a,A,1,2,50,40,s\n")
        XCTAssertTrue(text.contains("ind.csv:2"), text)
        XCTAssertTrue(text.contains("not above the current penetration"), text)
    }

    func testAllProblemsAreReportedTogether() {
        do {
            _ = try load("a,A,0,2,3,4,s\nb,B,1,x,3,4,s\n")
            XCTFail("expected errors")
        } catch let errors as InputErrors {
            XCTAssertEqual(errors.count, 2, "\(errors)")
        } catch {
            XCTFail("\(error)")
        }
    }

    func testTheShippedDatasetRanksAsTheReportArgues() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets/industry-indicators.csv").path
        let indicators = ["digitalisation", "data_openness", "acceptance", "accuracy_tolerance", "value_at_stake", "deployments"]
        let table = try IndustryIndicatorTable.load(path: path, indicators: indicators)
        let analysis = PenetrationAnalysis(table: table, settings: PenetrationSettings(weights: [1, 1, 1, 1, 1, 1], draws: 50))
        XCTAssertEqual(analysis.rankOrder.map { table.industries[$0].nameZh },
                       ["互联网办公", "金融", "泛消费", "能源-电力", "能源-矿山", "交通", "制造", "医疗"])
    }
}

import Forecasting
import Foundation
import Logging
import MarketData
import XCTest
@testable import Report

final class ScenarioConfigTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-scenarios-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try "year,value,unit,status,source\n2019,2633,亿元,actual,x\n2020,3031,亿元,actual,x\n2021,4305,亿元,actual,x\n2022,5080,亿元,actual,x\n2023,5298,亿元,actual,x\n2024,7470,亿元,actual,x\n"
            .write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func report(scenarios: [String] = ["scenarios/base.yaml"], extra: String = "") -> String {
        """
        quarter: 2026Q4
        horizon: 2027
        series:
          - id: china-ai-market-size
            data: data.csv
        scenarios: [\(scenarios.joined(separator: ", "))]
        \(extra)
        """
    }

    private let base = """
        name: base
        label: {zh: 基准情景, en: Base case}
        series:
          china-ai-market-size:
            model: logistic
            fit_years: 5
            ceiling: {multiple: 2.5}
            anchors:
              - {year: 2026, value: 9500, kind: soft, tolerance: 0.1}
            parameters:
              r: {min: 0.1, max: 1}
            shocks:
              - {year: 2026, size: -0.05}
        """

    func load(report text: String, files: [String: String]) throws -> ReportConfig {
        for (name, body) in files { try body.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let path = folder.appendingPathComponent("report.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try ReportConfig.load(path: path)
    }

    /// The error text of loading a base.yaml edited by `edit`, and validating it against the data.
    private func message(_ scenario: String, report text: String? = nil) -> String {
        do {
            let config = try load(report: text ?? report(), files: ["scenarios/base.yaml": scenario])
            let series = try SeriesLoader.load(path: folder.appendingPathComponent("data.csv").path, id: "china-ai-market-size")
            for file in config.scenarios { try file.validate(against: series) }
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testValidScenarioParsesEveryAssumption() throws {
        let config = try load(report: report(extra: "backtest: {series: china-ai-market-size, fit_through: 2022}"),
                              files: ["scenarios/base.yaml": base])
        XCTAssertEqual(config.baseScenario, "base")
        XCTAssertEqual(config.backtest?.fitThrough, 2022)
        let scenario = try XCTUnwrap(config.scenarios.first).scenario
        XCTAssertEqual(scenario.labelZh, "基准情景")
        XCTAssertEqual(scenario.labelEn, "Base case")
        let a = try XCTUnwrap(scenario.assumptions(for: "china-ai-market-size"))
        XCTAssertEqual(a.model, .catalog(.curve(.logistic)))
        XCTAssertEqual(a.fitYears, 5)
        XCTAssertEqual(a.ceiling, .multipleOfLastActual(2.5))
        XCTAssertEqual(a.anchors, [.init(year: 2026, value: 9500, kind: .soft(tolerance: 0.1))])
        XCTAssertEqual(a.parameters, [.init(name: "r", minimum: 0.1, maximum: 1)])
        XCTAssertEqual(a.shocks, [.init(year: 2026, size: -0.05)])
    }

    func assertError(_ scenario: String, at position: String, _ fragments: [String],
                             file: StaticString = #filePath, line: UInt = #line) {
        let text = message(scenario)
        XCTAssertTrue(text.contains("base.yaml:\(position)"), "expected base.yaml:\(position) in: \(text)", file: file, line: line)
        for fragment in fragments { XCTAssertTrue(text.contains(fragment), "expected `\(fragment)` in: \(text)", file: file, line: line) }
        XCTAssertTrue(text.contains("hint:"), text, file: file, line: line)
    }

    func testUnknownKeySuggestsTheKnownOne() {
        assertError(base.replacingOccurrences(of: "fit_years:", with: "fit_yeras:"), at: "6:5",
                    ["unknown key `fit_yeras`", "did you mean `fit_years`"])
        assertError(base.replacingOccurrences(of: "kind: soft", with: "knd: soft"), at: "9:35", ["unknown key `knd`", "did you mean `kind`"])
    }

    func testWrongTypeNamesTheValue() {
        assertError(base.replacingOccurrences(of: "fit_years: 5", with: "fit_years: five"), at: "6:16",
                    ["`fit_years` must be a whole number", "`five`"])
    }

    func testNegativeCeilingIsRefused() {
        assertError(base.replacingOccurrences(of: "ceiling: {multiple: 2.5}", with: "ceiling: -300"), at: "7:14",
                    ["ceiling must be positive"])
        assertError(base.replacingOccurrences(of: "{multiple: 2.5}", with: "{multiple: 0.8}"), at: "7:25",
                    ["multiple must exceed 1"])
    }

    func testCeilingOnAModelWithoutOneIsRefused() {
        assertError(base.replacingOccurrences(of: "model: logistic", with: "model: exponential")
                        .replacingOccurrences(of: "r: {min: 0.1, max: 1}", with: "g: {min: 0.1}"),
                    at: "7:14", ["exponential model has no ceiling"])
    }

    func testUnknownModelSuggestsTheCatalogName() {
        assertError(base.replacingOccurrences(of: "model: logistic", with: "model: logistc"), at: "5:12",
                    ["unknown model `logistc`", "did you mean `logistic`"])
    }

    func testAnchorAfterTheHorizonIsRefused() {
        assertError(base.replacingOccurrences(of: "year: 2026, value: 9500", with: "year: 2031, value: 9500"), at: "9:16",
                    ["anchor year 2031 lies after the horizon 2027"])
    }

    func testAnchorBeforeTheDataOrOnAnActualIsRefused() {
        assertError(base.replacingOccurrences(of: "year: 2026, value: 9500", with: "year: 2010, value: 9500"), at: "9:16",
                    ["anchor year 2010 lies before the data", "first actual 2019"])
        assertError(base.replacingOccurrences(of: "year: 2026, value: 9500", with: "year: 2023, value: 9500"), at: "9:16",
                    ["already has a published actual"])
    }

    func testSoftAnchorNeedsATolerance() {
        assertError(base.replacingOccurrences(of: ", tolerance: 0.1", with: ""), at: "9:41", ["soft anchor needs a `tolerance`"])
        assertError(base.replacingOccurrences(of: "kind: soft", with: "kind: hrad"), at: "9:41", ["did you mean `hard`"])
    }

    func testShockInAYearThatDoesNotExistIsRefused() {
        assertError(base.replacingOccurrences(of: "{year: 2026, size: -0.05}", with: "{year: 2035, size: -0.05}"), at: "13:16",
                    ["shock year 2035 lies after the horizon 2027"])
        assertError(base.replacingOccurrences(of: "{year: 2026, size: -0.05}", with: "{year: 2001, size: -0.05}"), at: "13:16",
                    ["shock year 2001 does not lie inside"])
        assertError(base.replacingOccurrences(of: "size: -0.05", with: "size: -1.5"), at: "13:28", ["to zero or below"])
    }

    /// A shock's cause (issue 19): both languages or neither, never empty, located.
    func testAShockCarriesItsCauseInBothLanguages() throws {
        let withCause = base.replacingOccurrences(of: "{year: 2026, size: -0.05}",
                                                  with: "{year: 2026, size: -0.05, cause: AI 加速芯片出口管制, cause_en: export controls on AI accelerators}")
        let config = try load(report: report(), files: ["scenarios/base.yaml": withCause])
        let shock = try XCTUnwrap(config.scenarios.first?.scenario.assumptions(for: "china-ai-market-size")?.shocks.first)
        XCTAssertEqual(shock.cause, .init(zh: "AI 加速芯片出口管制", en: "export controls on AI accelerators"))
        XCTAssertEqual(message(withCause), "no error")
        assertError(base.replacingOccurrences(of: "size: -0.05}", with: "size: -0.05, cause: 出口管制}"), at: "13:42",
                    ["gives `cause` but not `cause_en`"])
        assertError(base.replacingOccurrences(of: "size: -0.05}", with: "size: -0.05, cause_en: export controls}"), at: "13:45",
                    ["gives `cause_en` but not `cause`"])
        assertError(base.replacingOccurrences(of: "size: -0.05}", with: "size: -0.05, cause: \"  \", cause_en: x}"), at: "13:42",
                    ["has an empty `cause`"])
        assertError(base.replacingOccurrences(of: "size: -0.05}", with: "size: -0.05, reason: x}"), at: "13:",
                    ["unknown key `reason`"])
    }

    /// A ceiling at or below a published actual lower bound forces the path under it (issue 19).
    func testACeilingBelowAPublishedLowerBoundIsRefused() throws {
        try "year,value,unit,status,bound,source\n2023,7258,亿元,actual,lower,x\n2024,12000,亿元,actual,lower,x\n2025,10000,亿元,actual,lower,x\n"
            .write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        let scenario = base.replacingOccurrences(of: "ceiling: {multiple: 2.5}", with: "ceiling: 11000")
            .replacingOccurrences(of: "fit_years: 5", with: "fit_years: 3")
            .replacingOccurrences(of: "{year: 2026, size: -0.05}", with: "{year: 2025, size: -0.05}")
        let text = message(scenario)
        XCTAssertTrue(text.contains("the ceiling 11,000 of `china-ai-market-size` lies at or below 2024's published lower bound 12,000"), text)
        XCTAssertTrue(text.contains("data.csv:3)"), "names the row of the bound: \(text)")
        XCTAssertTrue(text.contains("hint: raise the ceiling above 12,000"), text)
        // A multiple of the last actual (2.5 × 10,000) clears every bound: no error.
        XCTAssertEqual(message(scenario.replacingOccurrences(of: "ceiling: 11000", with: "ceiling: {multiple: 2.5}")), "no error")
    }

    /// Why a scenario assumes what it does, in both languages, located when wrong (issue 19).
    func testARationaleIsReadInBothLanguages() throws {
        let withWhy = base + "\n    rationale: {zh: 推进较慢, en: adoption is slow}\n"
        let config = try load(report: report(), files: ["scenarios/base.yaml": withWhy])
        XCTAssertEqual(config.scenarios.first?.scenario.assumptions(for: "china-ai-market-size")?.rationale,
                       .init(zh: "推进较慢", en: "adoption is slow"))
        assertError(base + "\n    rationale: {zh: 推进较慢}\n", at: "14:16", ["`rationale` has no `en`"])
        assertError(base + "\n    rationale: {zh: 推进较慢, fr: lent}\n", at: "14:", ["unknown key `fr`"])
    }

    func testUnknownSeriesIdSuggestsTheConfiguredOne() {
        assertError(base.replacingOccurrences(of: "china-ai-market-size:", with: "china-ai-market-sise:"), at: "4:3",
                    ["series `china-ai-market-sise` is not in report.yaml", "did you mean `china-ai-market-size`"])
    }

    func testUnknownParameterSuggestsTheModelsOwn() {
        assertError(base.replacingOccurrences(of: "r: {min", with: "rr: {min"), at: "11:7",
                    ["`rr` is not a parameter of the logistic model", "did you mean `r`"])
        assertError(base.replacingOccurrences(of: "r: {min: 0.1, max: 1}", with: "r: {min: 2, max: 1}"), at: "11:16",
                    ["`min` 2.0 exceeds `max` 1.0"])
    }

    func testReportLevelErrors() {
        let wrongBase = message(base, report: report(extra: "base_scenario: bsae"))
        XCTAssertTrue(wrongBase.contains("report.yaml:7:16"), wrongBase)
        XCTAssertTrue(wrongBase.contains("did you mean `base`"), wrongBase)
        let missing = message(base, report: report(scenarios: ["scenarios/bull.yaml"]))
        XCTAssertTrue(missing.contains("report.yaml:6:13"), missing)
        XCTAssertTrue(missing.contains("scenario file `scenarios/bull.yaml` does not exist"), missing)
        let backtest = message(base, report: report(extra: "backtest: {series: china-ai-market-sze, fit_through: 2022}"))
        XCTAssertTrue(backtest.contains("report.yaml:7:20"), backtest)
        XCTAssertTrue(backtest.contains("did you mean `china-ai-market-size`"), backtest)
    }

    /// The shipped report.yaml and scenarios: bull above the others at the horizon, and the
    /// market-size chart's forecast is the base scenario's. Until issue 18 the order was
    /// bear < base < bull at the horizon: the base case (`auto`, whose members without trend
    /// leave the pool of a steadily growing series) ends above the bear curve.
    /// A series' declared bounds hold every scenario path, not only its own forecast: with a
    /// ceiling of 15,000 亿元 no path, point or interval end of the shipped scenarios passes it.
    func testNaturalBoundsHoldEveryScenarioPath() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var config = try ReportConfig.load(path: root.appendingPathComponent("report.yaml").path)
        let index = try XCTUnwrap(config.series.firstIndex { $0.id == "china-ai-market-size" })
        config.series[index].bounds = try NaturalBounds(floor: nil, ceiling: 15000)
        let context = try ReportRun.makeContext(config: config, logger: Logger(label: "test"))
        let fitted = try XCTUnwrap(context.scenarios.first { $0.seriesID == "china-ai-market-size" })
        XCTAssertGreaterThan(fitted.paths.count, 3)
        var held = 0
        for path in fitted.paths {
            for point in path.forecast.estimates {
                for value in [point.value, point.lower, point.upper].compactMap({ $0 }) {
                    XCTAssertLessThanOrEqual(value, 15000, "\(path.scenario.name) \(point.year)")
                    if value == 15000 { held += 1 }
                }
            }
        }
        XCTAssertGreaterThan(held, 0, "unbounded, the bull and consensus paths run past 15,000")
    }

    func testShippedScenariosAreOrderedAtTheHorizon() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let config = try ReportConfig.load(path: root.appendingPathComponent("report.yaml").path)
        XCTAssertEqual(config.scenarios.map(\.scenario.name), ["base", "bull", "bear"])
        let context = try ReportRun.makeContext(config: config, logger: Logger(label: "test"))
        let fitted = try XCTUnwrap(context.scenarios.first)
        func horizon(_ name: String) throws -> Double {
            try XCTUnwrap(fitted.path(named: name)?.forecast.points.last { $0.year == config.horizon }).value
        }
        XCTAssertLessThan(try horizon("bear"), try horizon("base"))
        XCTAssertLessThan(try horizon("base"), try horizon("bull"))
        XCTAssertEqual(context.series.first?.forecast.points, fitted.path(named: "base")?.forecast.points)
        let backtest = try XCTUnwrap(context.backtest)
        // The December 2025 vintage starts in 2023: fitted on 2023–2024, scored on 2025.
        XCTAssertEqual(backtest.testYears, [2025])
        XCTAssertTrue(backtest.methods.contains(.scenario("bear")))
    }
}

extension ScenarioConfigTests {
    private var formulaScenario: String {
        """
        name: base
        label: {zh: 基准情景, en: Base case}
        series:
          china-ai-market-size:
            model: a*(1+g)^(year-2019)
            start: {a: 2600, g: 0.2}
            parameters:
              g: {max: 0.4}
        """
    }

    func testFormulaModelWithStartValues() throws {
        let config = try load(report: report(), files: ["scenarios/base.yaml": formulaScenario])
        let a = try XCTUnwrap(config.scenarios.first?.scenario.assumptions(for: "china-ai-market-size"))
        XCTAssertEqual(a.model, .formula("a*(1+g)^(year-2019)", start: ["a": 2600, "g": 0.2]))
    }

    func testFormulaErrorsAreLocated() {
        assertError(formulaScenario.replacingOccurrences(of: "start: {a: 2600, g: 0.2}", with: "start: {a: 2600, gg: 0.2}"),
                    at: "6:22", ["`gg` is not a parameter of the formula", "did you mean `g`"])
        assertError(formulaScenario.replacingOccurrences(of: "start: {a: 2600, g: 0.2}", with: "start: {a: 2600}"),
                    at: "6:12", ["no start value for the formula's parameter `g`"])
        assertError(formulaScenario.replacingOccurrences(of: "(year-2019)", with: "(year-2019"),
                    at: "5:12", ["cannot be read"])
    }
}

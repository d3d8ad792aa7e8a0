import Charts
import Forecasting
import Logging
import Foundation
import MarketData
import Rendering
import TestSupport
import XCTest
@testable import Report

/// The report's own pieces: config keys for the exhibits, the two-pass page numbering, and
/// the exhibits' data rules (the ChatGPT gap, the findings' numbers). The theme file has
/// its own tests (ThemeFileTests).
final class ReportExhibitsTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-exhibits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "year,value,unit,status,source\n2020,1,亿元,actual,x\n2021,2,亿元,actual,x\n"
            .write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ text: String, _ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func config(_ extra: String = "") throws -> ReportConfig {
        try ReportConfig.load(path: write("""
            quarter: 2026Q4
            horizon: 2023
            series:
              - id: s
                data: data.csv
                title: 市场
                title_en: Market
                allow_gaps: true
            \(extra)
            """, "report.yaml"))
    }

    private func message(_ body: () throws -> Any) -> String {
        do { _ = try body(); return "no error" } catch { return "\(error)" }
    }

    // MARK: Config

    func testSeriesAndTableKeysAreReadAndChecked() throws {
        let loaded = try config("tables:\n  chatgpt-visits: data.csv\n")
        XCTAssertEqual(loaded.series[0].title(for: .en), "Market")
        XCTAssertEqual(loaded.series[0].title(for: .zh), "市场")
        XCTAssertTrue(loaded.series[0].allowGaps)
        XCTAssertEqual(loaded.tables["chatgpt-visits"], folder.appendingPathComponent("data.csv").standardizedFileURL.path)

        let typo = message { try self.config("tables:\n  chatgpt-vists: data.csv\n") }
        XCTAssertTrue(typo.contains("report.yaml:10:3"), typo)
        XCTAssertTrue(typo.contains("did you mean `chatgpt-visits`"), typo)
        let missing = message { try self.config("tables:\n  compute: nowhere.csv\n") }
        XCTAssertTrue(missing.contains("table `compute` `nowhere.csv` does not exist"), missing)
        let theme = message { try self.config("theme: themes/none.yaml\n") }
        XCTAssertTrue(theme.contains("report.yaml:9:8"), theme)
        XCTAssertTrue(theme.contains("theme file"), theme)
    }

    // MARK: Page numbering

    /// An exhibit of `count` pages, optionally recording the page directory it was built with.
    final class Recorder: @unchecked Sendable { var directories: [[PageDirectoryEntry]] = [] }
    struct FakeExhibit: Exhibit {
        var id: String
        var count: (RunContext) -> Int
        var recorder: Recorder?
        var referencesPageNumbers: Bool { recorder != nil }
        func pages(in context: RunContext) throws -> [ReportPage] {
            recorder?.directories.append(context.pageDirectory)
            return (0..<count(context)).map { i in
                ReportPage(title: "\(id) \(i)", chartID: "\(id)-\(i)", scene: Scene(size: Size(width: 1, height: 1)),
                           exhibitID: id, isContinuation: i > 0)
            }
        }
    }

    func testPageNumbersSettleEvenWhenTheContentsGrow() throws {
        let context = RunContext(config: try config(), strings: Strings(language: .zh), theme: .standard,
                                 measurer: PangoTextMeasurer(), series: [])
        let recorder = Recorder()
        // A contents exhibit that needs a second page once it lists entries: everything
        // after it moves by one, and the numbers it prints must follow.
        let exhibits: [Exhibit] = [
            FakeExhibit(id: "title", count: { _ in 1 }),
            FakeExhibit(id: "contents", count: { $0.pageDirectory.isEmpty ? 1 : 2 }, recorder: recorder),
            FakeExhibit(id: "a", count: { _ in 3 }),
            FakeExhibit(id: "b", count: { _ in 1 }),
        ]
        let pages = try ReportRun.buildPages(exhibits, context: context)
        XCTAssertEqual(pages.count, 7)
        let final = try XCTUnwrap(recorder.directories.last)
        XCTAssertEqual(final.map(\.exhibitID), ["title", "contents", "a", "b"])
        XCTAssertEqual(final.map(\.pageNumber), [1, 2, 4, 7], "a starts after the two contents pages")
        for entry in final { XCTAssertEqual(pages[entry.pageNumber - 1].title, "\(entry.exhibitID) 0") }
        XCTAssertEqual(recorder.directories.count, 3, "first pass, numbers, then numbers after the contents grew")
    }

    // MARK: Exhibit data

    func testChatGPTVisitsKeepSeptemberAsAGap() throws {
        let datasets = Self.root.appendingPathComponent("datasets")
        let visits = try MonthlyVisit.load(path: datasets.appendingPathComponent("chatgpt-monthly-visits.csv").path)
        let milestones = try DatedLabel.load(path: datasets.appendingPathComponent("chatgpt-milestones.csv").path,
                                             dateColumn: "date")
        let page = ChatGPTVisitsPage(visits: visits, milestones: milestones, strings: Strings(language: .zh))
        XCTAssertEqual(page.months.map(\.description).first, "2022-11")
        XCTAssertEqual(page.months.count, 12)
        // Issue 20: November 2022 had one day of ChatGPT; its reported figure is not used.
        XCTAssertEqual(page.missingMonths, ["2022-11", "2023-09"])
        XCTAssertNil(page.chart.series[0].values[0], "2022-11 is nil, never zero")
        XCTAssertEqual(page.peak?.months, ["2023-04", "2023-05"])
        let chart = page.chart
        XCTAssertNil(chart.series[0].values[10], "2023-09 is nil, never zero")
        XCTAssertEqual(chart.segments(ofSeries: 0), [Array(1...9), [11]], "the line breaks at the gap")
        XCTAssertEqual(chart.milestones.map(\.index), [2], "January 2023 is marked")
        let layout = chart.layout(theme: .standard, measurer: PangoTextMeasurer())
        XCTAssertEqual(layout.problems, [])
        XCTAssertNil(layout.series[0].positions[10])
        XCTAssertEqual(layout.gapLabels.count, 2)
        XCTAssertEqual(layout.milestoneLabels.count, 1)
    }

    func testVisitsWithAValueMarkedMissingAreRejectedWithTheCell() throws {
        let path = try write("month,value,unit,status,source\n2023-08,1430,million visits,actual,s\n2023-09,0,million visits,missing,s\n",
                             "visits.csv")
        let text = message { try MonthlyVisit.load(path: path) }
        XCTAssertTrue(text.contains("visits.csv:3:9"), text)
        XCTAssertTrue(text.contains("status `missing` has a value"), text)
    }

    func testCaseFiguresSaySignAndLowerBound() {
        let strings = Strings(language: .en)
        func figure(_ value: Double, _ unit: String, _ direction: String, _ lowerBound: Bool) -> String {
            CaseResultsExhibit.figure(CaseResult(caseID: "c", organisation: "o", organisationEN: "o", metric: "m", metricEN: "m",
                                                 value: value, unit: unit, direction: direction, isLowerBound: lowerBound,
                                                 source: "s"), strings: strings)
        }
        XCTAssertEqual(figure(91.18, "%", "=", false), "91.18%")
        XCTAssertEqual(figure(11.38, "percentage points", "+", false), "+11.38 pp")
        XCTAssertEqual(figure(90, "%", "-", false), "−90%")
        XCTAssertEqual(figure(1000, "sub-scenarios", "=", true), "1,000+")
        XCTAssertEqual(CaseResultsExhibit.figure(CaseResult(caseID: "c", organisation: "o", organisationEN: "o", metric: "m",
                                                            metricEN: "m", value: 11.38, unit: "percentage points",
                                                            direction: "+", isLowerBound: false, source: "s"),
                                                 strings: Strings(language: .zh)), "+11.38个百分点")
        // Issue 20: Chinese counts as the source words them.
        func zh(_ value: Double, _ lowerBound: Bool) -> String {
            CaseResultsExhibit.figure(CaseResult(caseID: "c", organisation: "o", organisationEN: "o", metric: "m", metricEN: "m",
                                                 value: value, unit: "posts", direction: "=", isLowerBound: lowerBound,
                                                 source: "s"), strings: Strings(language: .zh))
        }
        XCTAssertEqual(zh(690_000, false), "69万")
        XCTAssertEqual(zh(100_000, true), "超10万")
        XCTAssertEqual(zh(7_000, true), "超7,000")
        XCTAssertEqual(zh(21, false), "21")
    }

    func testParameterCountsConvertFromYi() {
        let model = VendorModel(vendor: "浪潮", vendorEN: "Inspur", model: "源1.0", modelEN: "Yuan 1.0", event: "release",
                                date: CalendarDate(year: 2021, month: 9, day: 28), parameters: 2457, parametersUnit: "亿",
                                source: "s")
        XCTAssertEqual(model.parametersInBillions, 245.7)
        XCTAssertEqual(Strings(language: .zh).parameters(billions: 245.7), "2,457亿")
        XCTAssertEqual(Strings(language: .en).parameters(billions: 245.7), "245.7 bn")
    }
}

/// Key findings are computed from the forecasts they cite, not written by hand.
final class KeyFindingsTests: XCTestCase {
    func testFindingsQuoteTheNumbersOfTheSeriesAndItsPage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-findings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // 100 → 133.1 over three years is 10% a year.
        try "year,value,unit,status,source\n2020,100,亿元,actual,x\n2021,110,亿元,actual,x\n2022,121,亿元,actual,x\n2023,133.1,亿元,actual,x\n"
            .write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("report.yaml").path
        try """
            quarter: 2026Q4
            horizon: 2025
            series:
              - id: s
                data: data.csv
                title: 测试市场
                title_en: Test market
                chart_id: test-market
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let config = try ReportConfig.load(path: path)
        let series = try SeriesLoader.load(path: config.series[0].dataPath, id: "s")
        // The data grow exactly 10% a year, so the fitted exponential continues at 10%.
        let forecast = try Forecaster.forecast(series, model: .curve(.exponential), horizon: 2025, level: 0.95)
        var context = RunContext(config: config, strings: Strings(language: .en), theme: .standard,
                                 measurer: PangoTextMeasurer(),
                                 series: [.init(entry: config.series[0], series: series, forecast: forecast)])
        context.pageDirectory = [PageDirectoryEntry(exhibitID: "test-market", title: "Test market", pageNumber: 7)]
        let findings = try KeyFindingsExhibit.findings(in: context)
        XCTAssertEqual(findings.map { $0.exhibitID }, ["test-market", "test-market"])
        XCTAssertTrue(findings[0].text.contains("a 10.0% CAGR over 2020–2023"), findings[0].text)
        XCTAssertTrue(findings[0].text.contains("CNY 13.31 bn in 2023"), findings[0].text)
        // 133.1 × 1.1² = 161.05 亿元 = CNY 16.11 bn: in the chart's rounding (two decimals, as
        // its actuals 12.1 and 13.31 need), with its interval in the same rounding.
        let end = try XCTUnwrap(forecast.estimates.last)
        let lower = NumberFormat.grouped(try XCTUnwrap(end.lower) / 10, decimals: 2)
        let upper = NumberFormat.grouped(try XCTUnwrap(end.upper) / 10, decimals: 2)
        XCTAssertTrue(findings[1].text.contains("CNY 16.11 bn in 2025 (95% interval \(lower)–\(upper)), a 10.0% CAGR"), findings[1].text)
        XCTAssertTrue(findings[1].text.contains("10.0% CAGR over 2023–2025"), findings[1].text)
        let pages = try KeyFindingsExhibit().pages(in: context)
        XCTAssertEqual(pages.count, 1)
        let cells = pages[0].scene.items(withRole: "table-cell").compactMap { item -> String? in
            if case .text(let box) = item { return box.text } else { return nil }
        }
        XCTAssertEqual(cells.filter { $0 == "7" }.count, 2, "both findings cite page 7: \(cells)")
    }

    /// Three actuals under a two-parameter curve leave one degree of freedom: the forecast is
    /// not a headline, while the actuals still are.
    func testASeriesTooShortToForecastIsNotAHeadline() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-short-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "year,value,unit,status,source\n2020,100,亿元,actual,x\n2021,112,亿元,actual,x\n2022,121,亿元,actual,x\n"
            .write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("report.yaml").path
        try "quarter: 2026Q4\nhorizon: 2025\nseries:\n  - id: s\n    data: data.csv\n    title: 测试市场\n    chart_id: test-market\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let config = try ReportConfig.load(path: path)
        let series = try SeriesLoader.load(path: config.series[0].dataPath, id: "s")
        let forecast = try Forecaster.forecast(series, model: .curve(.exponential), horizon: 2025, level: 0.95)
        XCTAssertEqual(ForecastSupport(forecast), ForecastSupport(actuals: 3, degreesOfFreedom: 1))
        XCTAssertFalse(ForecastSupport(forecast).isSupported)
        let context = RunContext(config: config, strings: Strings(language: .zh), theme: .standard,
                                 measurer: PangoTextMeasurer(),
                                 series: [.init(entry: config.series[0], series: series, forecast: forecast)])
        let findings = try KeyFindingsExhibit.findings(in: context)
        XCTAssertEqual(findings.count, 1, "the actual CAGR only: \(findings.map(\.text))")
        XCTAssertFalse(findings.contains { $0.text.contains("2025E") }, "\(findings.map(\.text))")
        // The page warns at its top and draws no forecast at all (issue 19): actuals only.
        let page = MarketSizePage(entry: config.series[0], series: series, forecast: forecast, strings: context.strings)
        let chart = page.chart
        XCTAssertTrue(chart.subtitle?.contains("仅 3 个实际值，而模型需估计 2 个参数，只余 1 个数据点检验拟合") ?? false, chart.subtitle ?? "no warning")
        XCTAssertEqual(chart.cagrSpans.count, 1, "the actuals' CAGR only")
        XCTAssertFalse(chart.bars.contains(where: \.isEstimate), "no estimate bar for a series that cannot carry a forecast")
    }
}

/// The shipped report.yaml, laid out in both languages: no page may report a layout
/// problem (a label that does not fit, a note too long, a table row taller than a page).
final class ShippedReportLayoutTests: XCTestCase {
    func testEveryPageLaysOutWithoutProblemsInBothLanguages() throws {
        let path = ReportExhibitsTests.root.appendingPathComponent("report.yaml").path
        for language in DisplayLanguage.allCases {
            var config = try ReportConfig.load(path: path)
            config.language = language
            let context = try ReportRun.makeContext(config: config, logger: Logger(label: "test"))
            let pages = try ReportRun.buildPages(ReportRun.exhibits, context: context)
            XCTAssertGreaterThan(pages.count, 15)
            for page in pages where !page.problems.isEmpty {
                XCTFail("\(language) \(page.chartID ?? page.title): \(page.problems)")
            }
            // Every chart id is exported once: no two pages would overwrite each other's files.
            let ids = pages.compactMap(\.chartID)
            XCTAssertEqual(ids.count, Set(ids).count, "\(ids)")
        }
    }

    /// Chinese pages print Chinese: every text on every zh page, cut into runs of Latin
    /// letters, has only the names and terms a Chinese reader sees in Latin script anyway.
    func testChinesePagesCarryNoEnglishProse() throws {
        var config = try ReportConfig.load(path: ReportExhibitsTests.root.appendingPathComponent("report.yaml").path)
        config.language = .zh
        let context = try ReportRun.makeContext(config: config, logger: Logger(label: "test"))
        let pages = try ReportRun.buildPages(ReportRun.exhibits, context: context)
        // Proper names (products, vendors, people, publications), model and statistics terms,
        // units, and the scenario files' path.
        let allowed: Set<String> = [
            "CAGR", "E", "marketcast", "ChatGPT", "Similarweb", "bestnewsreport", "com", "The", "Hill", "EFLOPS",
            "GPU", "GPUs", "tokens", "MOSS", "ChatGLM", "Mchat", "Deepexi", "Transformer", "AlexNet", "ImageNet",
            "Hinton", "AlphaGo", "Bass", "Dirichlet", "Logistic", "Gompertz", "Richards", "MAPE", "delta", "RSS",
            "AICc", "BIC", "scenarios", "yaml", "csv", "AI", "C", "Eval", "CMMLU", "B", "Q", "p", "q", "m", "t",
            "x", "y", "a", "b", "g", "r", "K", "n", "s", "e", "exp", "ln", "SenseCore", "Similarweb", "min", "max",
            "z", "score", "Pangu", "Turing", "GLM", "Baichuan", "Qwen", "Yuan", "ERNIE", "Bot", "AIGC", "LLM",
            "SE", "AIC", "NIST", "LAPACK", "GPT", "TI", "ACC", "CSV", "Theta", "M",
            // The chapters' names and terms (issue 20).
            "FastData", "MASE", "MaaS", "NLP", "OpenAI", "Synthedia", "sMAPE", "token",
        ]
        var found: [String: String] = [:]
        for page in pages {
            for case .text(let box) in page.scene.items {
                // File and folder names (china-ai-market-size.csv, datasets/) are names, not prose.
                let prose = box.text.replacingOccurrences(of: "[A-Za-z0-9_*-]+(\\.csv|\\.yaml|/)", with: " ",
                                                          options: .regularExpression)
                for word in prose.split(whereSeparator: { !($0.isASCII && $0.isLetter) })
                where !allowed.contains(String(word)) && found[String(word)] == nil {
                    found[String(word)] = "\(page.chartID ?? page.title): \(box.text.prefix(80))"
                }
            }
        }
        XCTAssertEqual(found, [:], "English words on Chinese pages")
    }

    /// Guards the test above: a page whose layout has a problem does carry it.
    func testLayoutProblemsReachThePage() throws {
        var config = try ReportConfig.load(path: ReportExhibitsTests.root.appendingPathComponent("report.yaml").path)
        config.language = .zh
        let context = try ReportRun.makeContext(config: config, logger: Logger(label: "test"))
        let table = TablePage(title: "t", continuedSuffix: "", columns: [.init(header: "a"), .init(header: "b")],
                              rows: [["only one cell"]])
        let pages = TablePages.pages(table, chartID: "t", context: context)
        XCTAssertEqual(pages.count, 1)
        XCTAssertTrue(pages[0].problems.contains { $0.contains("row 1 has 1 cells for 2 columns") }, "\(pages[0].problems)")

        // ... and the run logs it as a warning naming the chart id.
        let recorder = RecordedWarnings()
        ReportPage.logProblems(of: pages, to: Logger(label: "test") { _ in RecordingLogHandler(recorder: recorder) })
        XCTAssertEqual(recorder.messages.count, pages[0].problems.count)
        XCTAssertTrue(recorder.messages.allSatisfy { $0.level == .warning && $0.text.hasPrefix("chart t: ") }, "\(recorder.messages)")
    }
}

/// Collects what a Logger was asked to log, to check warnings reach the log.
final class RecordedWarnings: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(level: Logger.Level, text: String)] = []
    var messages: [(level: Logger.Level, text: String)] { lock.withLock { stored } }
    func append(_ level: Logger.Level, _ text: String) { lock.withLock { stored.append((level, text)) } }
}

struct RecordingLogHandler: LogHandler {
    let recorder: RecordedWarnings
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        recorder.append(event.level, event.message.description)
    }
}

/// The exhibit registry: every table the config may name is read by some exhibit, and
/// every table an exhibit reads is one the config may name.
final class ExhibitRegistryTests: XCTestCase {
    func testEveryTableIsReadByAnExhibitAndNoneIsUndeclared() {
        let declared = Set(ReportRun.exhibits.flatMap(\.tables).map(\.name))
        XCTAssertEqual(declared, Set(ReportConfig.tableNames))
        XCTAssertEqual(ReportConfig.tableNames.count, Set(ReportConfig.tableNames).count, "each table once")
    }
}

/// Exhibits lay out through `any TextMeasuring`: the whole shipped report builds its pages
/// with the fake measurer, no fonts involved.
final class FakeMeasuredReportTests: XCTestCase {
    func testTheShippedReportLaysOutWithTheFakeMeasurer() throws {
        let config = try ReportConfig.load(path: ReportExhibitsTests.root.appendingPathComponent("report.yaml").path)
        let context = try ReportRun.makeContext(config: config, measurer: FakeMeasurer(), logger: Logger(label: "test"))
        let pages = try ReportRun.buildPages(ReportRun.exhibits, context: context)
        XCTAssertGreaterThan(pages.count, 15)
        for page in pages {
            XCTAssertFalse(page.scene.elements.isEmpty, page.title)
        }
    }
}

/// The methodology's sources page lists every dataset the run read, the penetration
/// indicators included (read once, with the config).
final class MethodologySourcesTests: XCTestCase {
    func testEveryDatasetIsListedWithItsSources() throws {
        let config = try ReportConfig.load(path: ReportExhibitsTests.root.appendingPathComponent("report.yaml").path)
        let context = try ReportRun.makeContext(config: config, measurer: FakeMeasurer(), logger: Logger(label: "test"))
        let pages = try ReportRun.buildPages(ReportRun.exhibits, context: context)
        let text = pages.filter { $0.chartID?.hasPrefix("methodology-sources") == true }
            .flatMap { $0.scene.items }.compactMap { item -> String? in
                if case .text(let box) = item { return box.text }
                return nil
            }.joined(separator: "\n")
        // Each named by what it holds, as a client reads it (issue 20), never by its file name.
        for data in ["中国人工智能核心产业规模", "推进程度评分", "算力与训练规模", "ChatGPT 月访问量"] {
            XCTAssertTrue(text.contains(data), "\(data) missing from the sources page")
        }
        XCTAssertFalse(text.contains(".csv"), text)
    }
}

import Charts
import Logging
import MarketData
import TestSupport
import XCTest
@testable import Report

/// Issue 14 §4 on the shipped report: the executive summary on page 2 with the forecasts'
/// own numbers, the forecast comparison's rows equal to its dataset, the sensitivity
/// table's base row equal to forecasts.csv, and the contents listing all three.
final class SummaryPagesTests: XCTestCase {
    private struct Built {
        var context: RunContext
        var pages: [ReportPage]
    }

    private static let built: [DisplayLanguage: Built] = {
        var result: [DisplayLanguage: Built] = [:]
        for language in DisplayLanguage.allCases {
            guard var config = try? ReportConfig.load(path: ReportExhibitsTests.root.appendingPathComponent("report.yaml").path),
                  (config.language = language, ()) != nil,
                  let context = try? ReportRun.makeContext(config: config, measurer: FakeMeasurer(), logger: Logger(label: "test")),
                  let pages = try? ReportRun.buildPages(ReportRun.exhibits, context: context) else { continue }
            // The page numbers the contents and findings print, as a run would settle them.
            var numbered = context
            numbered.pageDirectory = ReportRun.pageDirectory(pages)
            result[language] = Built(context: numbered, pages: pages)
        }
        return result
    }()

    private func built(_ language: DisplayLanguage = .zh) throws -> Built { try XCTUnwrap(Self.built[language]) }

    private func page(_ id: String, _ language: DisplayLanguage = .zh) throws -> ReportPage {
        try XCTUnwrap(built(language).pages.first { $0.chartID == id }, "no page \(id)")
    }

    /// CSV text as rows of cells keyed by header.
    private func records(_ text: String) throws -> [[String: String]] {
        let table = try CSVTable.parse(text, file: "t.csv")
        return table.rows.map { row in
            Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, row[$0].text) })
        }
    }

    private func forecastsCSV(_ language: DisplayLanguage = .zh) throws -> [[String: String]] {
        let files = try ScenarioExhibit().dataFiles(in: built(language).context)
        return try records(try XCTUnwrap(files.first { $0.name == "forecasts.csv" }).text)
    }

    private func texts(_ page: ReportPage) -> String {
        page.scene.items.compactMap { if case .text(let box) = $0 { return box.text } else { return nil } }.joined(separator: "\n")
    }

    func testTheExecutiveSummaryIsPageTwoAndTheContentsListTheNewPages() throws {
        for language in DisplayLanguage.allCases {
            let pages = try built(language).pages
            XCTAssertEqual(pages.dropFirst().first?.chartID, ExecutiveSummaryExhibit.chartID, "\(language)")
            let contents = try XCTUnwrap(pages.first { $0.exhibitID == "contents" })
            let listed = texts(contents)
            for id in [ExecutiveSummaryExhibit.chartID, ForecastComparisonExhibit.chartID, SensitivityExhibit.chartID] {
                let entry = try XCTUnwrap(ReportRun.pageDirectory(pages).first { $0.exhibitID == id }, id)
                XCTAssertTrue(listed.contains(entry.title), "\(language): contents lack \(entry.title)")
            }
            // (How many pages a table takes depends on the real fonts: the fake measurer's
            // Latin is wider than Pango's, so only the composed page is counted here.)
            XCTAssertEqual(pages.filter { $0.exhibitID == ExecutiveSummaryExhibit.chartID }.count, 1)
            XCTAssertEqual(pages.filter { $0.exhibitID == "contents" }.count, 1, "the contents stay on one page")
        }
    }

    func testTheExecutiveSummaryTableIsTheForecasts() throws {
        let forecasts = try forecastsCSV()
        let context = try built().context
        let summary = try records(try XCTUnwrap(page(ExecutiveSummaryExhibit.chartID).csv))
        let estimates = summary.filter { $0["section"] == "forecast" && $0["status"] == "estimate" }
        XCTAssertFalse(estimates.isEmpty)
        for row in estimates {
            let series = try XCTUnwrap(row["series"])
            let scenario = context.scenarios.contains { $0.seriesID == series && !$0.paths.isEmpty }
                ? try XCTUnwrap(context.config.baseScenario) : "default"
            let match = try XCTUnwrap(forecasts.first { $0["series"] == series && $0["scenario"] == scenario && $0["year"] == row["year"] },
                                      "\(series) \(row["year"] ?? "")")
            XCTAssertEqual(row["value"], match["value"])
            XCTAssertEqual(row["lower"], match["lower"])
            XCTAssertEqual(row["upper"], match["upper"])
        }
        // Every series that can carry a forecast and every estimate year of each is in the
        // table; the large-model market (3 actuals, ForecastSupport) has none (issue 19).
        let expected = forecasts.filter { $0["status"] == "estimate" && ($0["scenario"] == "base" || $0["scenario"] == "default")
            && $0["series"] != "china-large-model-market" }
        XCTAssertEqual(estimates.count, expected.count)
        XCTAssertEqual(summary.filter { $0["section"] == "finding" }.count, 3)
        // The page prints the headline's horizon value as its chart rounds it.
        XCTAssertTrue(texts(try page(ExecutiveSummaryExhibit.chartID)).contains("16,723"))
    }

    func testTheComparisonRowsAreTheDataset() throws {
        let path = ReportExhibitsTests.root.appendingPathComponent("datasets/published-forecasts.csv").path
        let dataset = try records(String(contentsOfFile: path, encoding: .utf8))
        let shown = try records(try XCTUnwrap(page(ForecastComparisonExhibit.chartID).csv)).filter { $0["who"] == "publisher" }
        XCTAssertEqual(shown.count, dataset.count)
        for (row, source) in zip(shown, dataset) {
            XCTAssertEqual(row["publisher"], source["publisher"])
            XCTAssertEqual(row["published"], source["published"])
            XCTAssertEqual(row["year"], source["year"])
            XCTAssertEqual(row["from_year"], source["from_year"])
            XCTAssertEqual(row["series"], source["series"])
            XCTAssertEqual(row["bound"], source["bound"], "a bound stays a bound")
            XCTAssertEqual(row["source"], source["source"])
            XCTAssertEqual(row["url"], source["url"])
            XCTAssertEqual(row["value"].flatMap(Double.init), source["value"].flatMap(Double.init))
            // A rate stays a rate: percent in the dataset, a fraction in the CSV.
            XCTAssertEqual(row["cagr"].flatMap(Double.init).map { $0 * 100 } ?? -1,
                           source["cagr_percent"].flatMap(Double.init) ?? -1, accuracy: 1e-9)
        }
        // 中商's rows are the publisher forecasts the large-model chart marks, value for value.
        let publisherPath = ReportExhibitsTests.root.appendingPathComponent("datasets/china-large-model-market-publisher-forecasts.csv").path
        let publisher = try records(String(contentsOfFile: publisherPath, encoding: .utf8))
        let askci = dataset.filter { $0["series"] == "china-large-model-market" && $0["publisher"] == "中商产业研究院" }
        // Issue 20: the industry article's 2026 figure is listed too, as a bound.
        XCTAssertTrue(dataset.contains { $0["publisher"] == "行业报道" && $0["year"] == "2026" && $0["bound"] == "lower" })
        XCTAssertEqual(askci.map { [$0["year"], $0["published"], $0["value"]] }, publisher.map { [$0["year"], $0["vintage"], $0["value"]] })
        // The page says what each figure is: CAICT's bound and iResearch's rate as printed.
        let zh = texts(try page(ForecastComparisonExhibit.chartID)), en = texts(try page(ForecastComparisonExhibit.chartID, .en))
        XCTAssertTrue(zh.contains("2025E 超过12,000亿元"), zh)
        XCTAssertTrue(zh.contains("2025–2029E CAGR 32.1%"), zh)
        XCTAssertTrue(en.contains("2025E >CNY 1,200 bn"), en)
        XCTAssertFalse(zh.contains("datasets/"))
    }

    func testTheSensitivityBaseRowIsForecastsCSV() throws {
        let context = try built().context
        let rows = try records(try XCTUnwrap(page(SensitivityExhibit.chartID).csv))
        let base = try XCTUnwrap(rows.first)
        XCTAssertEqual(base["change"], "base")
        let horizon = "\(context.config.horizon)"
        XCTAssertEqual(base["year"], horizon)
        let forecasts = try forecastsCSV()
        // With a blended base case the rows vary its statistical trend (the `trend` path).
        let blended = context.series.first { $0.entry.id == base["series"] }?.forecast.blend != nil
        let match = try XCTUnwrap(forecasts.first {
            $0["series"] == base["series"] && $0["scenario"] == (blended ? "trend" : context.config.baseScenario) && $0["year"] == horizon
        })
        XCTAssertEqual(base["value"], match["value"])
        XCTAssertEqual(base["lower"], match["lower"])
        XCTAssertEqual(base["upper"], match["upper"])
        // Each row says what it changed; a row without a number says why.
        for row in rows {
            XCTAssertFalse(row["description"]?.isEmpty ?? true)
            if row["status"] == "not fitted" {
                XCTAssertEqual(row["value"], "")
                XCTAssertFalse(row["reason"]?.isEmpty ?? true, "\(row)")
            } else {
                XCTAssertNotNil(row["value"].flatMap(Double.init), "\(row)")
            }
        }
        XCTAssertTrue(rows.contains { $0["status"] == "not fitted" })
        XCTAssertTrue(rows.contains { $0["change"] == "drop-first-years:1" })
    }

    func testBadCellsOfThePublishedForecastsAreLocated() throws {
        let header = "publisher,published,definition,series,from_year,year,value,cagr_percent,unit,bound,source,url,note\n"
        let text = header
            + "A,2025-12,d,,,2025,12000,5,亿元,,s,,\n"        // both a level and a rate
            + "B,2025-12,d,,,2025,-3,,亿元,,s,,\n"            // a negative level
            + "C,2025-12,d,,,2029,,32.1,%,lower,s,,\n"       // a rate as a bound, and no start year
            + "D,when,d,,,2025,10,,亿元,lowr,s,,\n"          // a bad date and a bad bound
            + "E,2025,d,,,2025,,,亿元,,s,,\n"                // neither
        let message: String
        do {
            _ = try PublishedForecast.load(try CSVTable.parse(text, file: "pf.csv"))
            message = "no error"
        } catch { message = "\(error)" }
        // Every bad row by its line and column, the two of line 5 apart.
        for location in ["pf.csv:2:26:", "pf.csv:3:20:", "pf.csv:4:28:", "pf.csv:5:3:", "pf.csv:5:24:", "pf.csv:6:17:"] {
            XCTAssertTrue(message.contains(location), "\(location) missing from \(message)")
        }
        XCTAssertTrue(message.contains("both a value and a growth rate"))
        XCTAssertTrue(message.contains("not a bound"))
        let good = try PublishedForecast.load(try CSVTable.parse(header + "F,2024-06,d,x,2023,2028,,30.6,%,,s,u,n\n", file: "pf.csv"))
        XCTAssertEqual(good.first?.figure, .growth(rate: 0.306, fromYear: 2023))
    }
}

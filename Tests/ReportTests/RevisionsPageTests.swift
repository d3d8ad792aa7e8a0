import Charts
import Foundation
import MarketData
import XCTest
@testable import Report

/// The revisions page of the shipped edition against the published 2026Q3 one
/// (published/2026Q3): what moved, by how much, and why, in words a client reads.
final class RevisionsPageTests: XCTestCase {
    private func cells(_ language: DisplayLanguage) -> [String] {
        (ShippedReportPages.byLanguage[language] ?? []).filter { $0.exhibitID == RevisionsExhibit.chartID }
            .flatMap { page in page.scene.elements.compactMap { element -> String? in
                guard element.role == "table-cell", case .text(let box) = element.item else { return nil }
                return box.text
            } }
    }

    func testTheRevisionsPageNamesWhatMovedAndWhy() throws {
        let zh = cells(.zh)
        XCTAssertFalse(zh.isEmpty, "the shipped edition has a revisions page")
        // The headline forecast years, previous edition against this one, with the change.
        let csv = try XCTUnwrap(ShippedReportPages.byLanguage[.zh]?.first { $0.exhibitID == RevisionsExhibit.chartID }?.csv)
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let headline = rows.filter { $0[0] == "china-ai-market-size" }
        XCTAssertEqual(headline.map { String($0[2]) }, ["2023", "2024", "2026", "2027"],
                       "revised published years, then every forecast year of the edition; no past year as a forecast")
        XCTAssertEqual(Double(headline[1][3]), 7470, "2024 as the previous vintage published it")
        XCTAssertEqual(Double(headline[1][4]), 9000)
        XCTAssertTrue(zh.contains("超过9,000"), "a bound keeps its word: \(zh)")
        XCTAssertTrue(zh.contains { $0.hasPrefix("至少+") }, "a change against a lower bound is a floor")
        XCTAssertFalse(rows.contains { $0[0] == "china-large-model-market" }, "a series too short to forecast is left out")
        let reasons = zh.filter { $0.contains("出版方") }
        XCTAssertFalse(reasons.isEmpty)
        // Nothing internal: no file names, digests or model labels on the client page.
        for cell in zh + cells(.en) {
            for marker in [".csv", ".yaml", "SHA", "combination(", "/"] {
                XCTAssertFalse(cell.contains(marker), "\(marker) in \"\(cell)\"")
            }
        }
    }

    func testEachReasonHasClientWordsWithoutFiles() {
        let strings = Strings(language: .en)
        let all: [RevisionReason] = [.noManifest, .notListed, .seriesAdded, .seriesRemoved,
                                     .vintageRevised(from: "CAICT 2023-10", to: "CAICT 2025-12"), .dataChanged(path: "d/x.csv"),
                                     .scenarioChanged(path: "scenarios/bull.yaml"),
                                     .configChanged([.data(from: "a.csv", to: "b.csv"), .level(from: 0.9, to: 0.95)]),
                                     .modelChanged(from: "combination(a,b)", to: "drift"), .unchanged,
                                     .toolVersion(from: "1", to: "2")]
        for reason in all {
            let text = reason.clientText(strings)
            XCTAssertFalse(text.isEmpty)
            XCTAssertFalse(text.contains(".csv") || text.contains(".yaml") || text.contains("combination("), text)
        }
        XCTAssertEqual(RevisionReason.configChanged([.level(from: 0.9, to: 0.95)]).clientText(strings),
                       "interval level changed to 95%")
    }
}

import Foundation
import XCTest

/// `marketcast run` with the repository's report.yaml writes the penetration files and
/// charts, and writes them byte for byte the same on a second run (seeded Monte Carlo).
final class PenetrationRunTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-pen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func run(into out: URL) throws -> URL {
        let outcome = try CommandRunner.run(["run", "--config", "report.yaml", "--out", out.path, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return out.appendingPathComponent("2026Q4")
    }

    func testPenetrationFilesAndCharts() throws {
        let folder = try run(into: scratch.appendingPathComponent("a"))
        let ranking = try String(contentsOf: folder.appendingPathComponent("penetration.csv"), encoding: .utf8)
        let lines = ranking.split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("industry,industry_en,score,score_unrounded,rank,digitalisation,") ?? false, ranking)
        XCTAssertEqual(lines.count, 9, "header + eight industries")
        XCTAssertTrue(lines[1].hasPrefix("互联网办公,Online office work,"), ranking)
        // The printed score is whole points: the rounded unrounded score beside it.
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count > 3, let shown = Double(cells[2]), let raw = Double(cells[3]) else { XCTFail(String(line)); continue }
            XCTAssertEqual(shown, shown.rounded(), String(line))
            XCTAssertEqual(shown, raw.rounded(.toNearestOrAwayFromZero), String(line))
        }

        let ranks = try String(contentsOf: folder.appendingPathComponent("penetration-ranks.csv"), encoding: .utf8)
        for line in ranks.split(separator: "\n").dropFirst() {
            let probabilities = line.split(separator: ",", omittingEmptySubsequences: false).suffix(8).compactMap { Double($0) }
            XCTAssertEqual(probabilities.count, 8, String(line))
            XCTAssertEqual(probabilities.reduce(0, +), 1, accuracy: 1e-9, String(line))
        }
        for id in ["penetration-ranking", "penetration-stability", "adoption-curves", "penetration-matrix"] {
            for ext in ["png", "svg", "pdf", "csv"] {
                let path = folder.appendingPathComponent("charts/\(id).\(ext)").path
                XCTAssertTrue(FileManager.default.fileExists(atPath: path), path)
            }
        }
        let text = try CommandRunner.poppler("pdftotext", [folder.appendingPathComponent("report.pdf").path, "-"])
        XCTAssertTrue(text.contains("推进程度指数"), text)
        XCTAssertTrue(text.contains("第1名"), text)
    }

    func testTwoRunsGiveTheSameBytes() throws {
        let a = try run(into: scratch.appendingPathComponent("a"))
        let b = try run(into: scratch.appendingPathComponent("b"))
        for name in ["penetration.csv", "penetration-ranks.csv", "charts/penetration-stability.png",
                     "charts/adoption-curves.svg", "charts/penetration-matrix.csv"] {
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(name)),
                           try Data(contentsOf: b.appendingPathComponent(name)), name)
        }
    }
}

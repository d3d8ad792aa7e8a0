import Foundation
import XCTest
@testable import Report

final class BatchRunTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("series"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func writeSeries(_ name: String, start: Double, growth: Double, years: ClosedRange<Int> = 2015...2022) throws {
        var lines = ["year,value,unit,status,source"]
        for (offset, year) in years.enumerated() {
            lines.append("\(year),\((start * pow(1 + growth, Double(offset)) * 100).rounded() / 100),亿元,actual,test")
        }
        try (lines.joined(separator: "\n") + "\n")
            .write(to: root.appendingPathComponent("series/\(name).csv"), atomically: true, encoding: .utf8)
    }

    private func run(threads: Int, out: String) throws -> BatchSummary {
        try BatchRun.run(BatchOptions(inputFolder: root.appendingPathComponent("series").path,
                                      outputRoot: root.appendingPathComponent(out).path,
                                      model: .curve(.exponential), horizon: 2025, formats: [.png, .pdf, .pptx], pngScale: 0.5,
                                      threads: threads))
    }

    func testSameBytesWhateverTheThreadCountAndFailuresAreSkipped() throws {
        for (index, name) in ["b-series", "a-series", "d-series", "c-series", "e-series"].enumerated() {
            try writeSeries(name, start: 100 + Double(index) * 10, growth: 0.1 + Double(index) * 0.02)
        }
        try "year,value,unit,status,source\n2020,abc,亿元,actual,x\n"
            .write(to: root.appendingPathComponent("series/broken.csv"), atomically: true, encoding: .utf8)

        let one = try run(threads: 1, out: "one")
        let three = try run(threads: 3, out: "three")
        XCTAssertEqual(one.succeeded, 5)
        XCTAssertEqual(three.succeeded, 5)
        XCTAssertEqual(one.failures.map(\.series), ["broken"])
        let failure = try XCTUnwrap(one.failures.first?.diagnostics.first)
        XCTAssertTrue(failure.location.file.hasSuffix("broken.csv"), "\(failure)")
        XCTAssertEqual(failure.location.line, 2, "\(failure)")

        let a = root.appendingPathComponent("one/series"), b = root.appendingPathComponent("three/series")
        let files = try FileManager.default.subpathsOfDirectory(atPath: a.path).sorted()
        XCTAssertEqual(files, try FileManager.default.subpathsOfDirectory(atPath: b.path).sorted())
        XCTAssertTrue(files.contains("charts/a-series.png"))
        XCTAssertFalse(files.contains { $0.hasPrefix("charts/broken") })
        for file in files where !file.hasSuffix("charts") && file != RunManifest.fileName {
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(file)),
                           try Data(contentsOf: b.appendingPathComponent(file)), file)
        }

        let manifest = try RunManifest.read(runFolder: a.path)
        XCTAssertEqual(manifest.inputs.map(\.path), ["a-series.csv", "b-series.csv", "broken.csv", "c-series.csv",
                                                     "d-series.csv", "e-series.csv"])
        XCTAssertEqual(manifest.models.map(\.series), ["a-series", "b-series", "c-series", "d-series", "e-series"])
        XCTAssertEqual(manifest.config.horizon, 2025)
        XCTAssertNil(manifest.config.quarter)
        XCTAssertEqual(manifest.config.formats, ["png", "pdf", "pptx"], "the deck is a format the manifest lists")
        XCTAssertTrue(files.contains(BatchRun.deckName))

        let table = try String(contentsOf: a.appendingPathComponent("batch.csv"), encoding: .utf8)
        let rows = table.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("  hint") }
        XCTAssertEqual(rows.first.map(String.init), BatchRow.header.joined(separator: ","))
        XCTAssertEqual(rows.dropFirst().map { String($0.prefix { $0 != "," }) },
                       ["a-series", "b-series", "broken", "c-series", "d-series", "e-series"])
        // a-series (second in the list) grows 12% a year, so its 2022→2025 CAGR is 12% to rounding.
        let aRow = rows[1].split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(aRow[2], "ok")
        XCTAssertEqual(aRow[5], "2022")
        XCTAssertEqual(Double(aRow[9]) ?? 0, 0.12, accuracy: 1e-4)
    }

    func testFolderWithoutCSVsIsAClearError() {
        XCTAssertThrowsError(try run(threads: 1, out: "none")) { error in
            XCTAssertTrue("\(error)".contains("holds no .csv files"), "\(error)")
        }
    }

    func testAllSeriesFailingWritesNothing() throws {
        try "year,value\n".write(to: root.appendingPathComponent("series/x.csv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try run(threads: 2, out: "out")) { error in
            XCTAssertTrue("\(error)".contains("x.csv:1:"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/series").path))
    }
}

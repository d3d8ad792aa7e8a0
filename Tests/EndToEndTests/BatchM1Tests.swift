import Foundation
import XCTest

/// Four M1 yearly series whose curve fits used to trap (a relative standard error too large
/// for Int) killed a whole `batch`. With the default model every one of them gets its page.
final class BatchM1Tests: XCTestCase {
    func testFourSeriesThatUsedToTrapWriteFourPages() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-batch-m1-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("m1")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let train = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("reference/m1-yearly/train.csv"),
                               encoding: .utf8)
        let names = ["YAF14", "YAM22", "YAM23", "YAM25"]
        for name in names {
            var lines = ["year,value,unit,status,source"]
            for line in train.split(separator: "\n") where line.hasPrefix("\"\(name)\",") {
                let cells = line.split(separator: ",")
                lines.append("\(cells[1]),\(cells[2]),units,actual,M1 competition")
            }
            XCTAssertGreaterThan(lines.count, 10, name)
            try (lines.joined(separator: "\n") + "\n").write(to: input.appendingPathComponent("\(name).csv"),
                                                             atomically: true, encoding: .utf8)
        }
        let out = root.appendingPathComponent("out")
        let outcome = try CommandRunner.run(["batch", input.path, "--out", out.path, "--formats", "png,pdf",
                                             "--scale", "0.5", "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let folder = out.appendingPathComponent("m1")
        let rows = try String(contentsOf: folder.appendingPathComponent("batch.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.map { String($0.split(separator: ",")[0]) }, names)
        for name in names {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("charts/\(name).png").path), name)
        }
        let info = try CommandRunner.poppler("pdfinfo", [folder.appendingPathComponent("batch.pdf").path])
        XCTAssertTrue(info.contains("Pages:           4"), info)
    }
}

/// `batch --bounds 0,100`: a share's page holds its forecast inside 0…100 and its note says
/// the bound is the analyst's; a series with an actual above 100 fails on its own row.
final class BatchBoundsTests: XCTestCase {
    func testBatchHoldsSharesInsideTheirBounds() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-batch-bounds-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("shares")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let header = "year,value,unit,status,source"
        try ([header] + zip(2019...2024, [40, 50, 60, 70, 80, 90]).map { "\($0),\($1),%,actual,survey" })
            .joined(separator: "\n").appending("\n").write(to: input.appendingPathComponent("adoption.csv"), atomically: true, encoding: .utf8)
        try ([header, "2023,95,%,actual,survey", "2024,101,%,actual,survey"])
            .joined(separator: "\n").appending("\n").write(to: input.appendingPathComponent("wrong.csv"), atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("out")
        let outcome = try CommandRunner.run(["batch", input.path, "--out", out.path, "--formats", "pdf", "--bounds", "0,100",
                                             "--horizon", "2028", "--lang", "en", "--quiet"])
        XCTAssertEqual(outcome.status, 1, "one series fails")
        XCTAssertTrue(outcome.stderr.contains("wrong.csv:3"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("lies outside the declared bounds 0–100"), outcome.stderr)
        let chart = try String(contentsOf: out.appendingPathComponent("shares/charts/adoption.csv"), encoding: .utf8)
        let numbers = chart.split(separator: "\n").dropFirst().flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).compactMap { Double($0) } }
        XCTAssertTrue(numbers.allSatisfy { $0 <= 100 || (2019...2028).contains(Int($0)) }, chart)
        let text = try CommandRunner.poppler("pdftotext", [out.appendingPathComponent("shares/batch.pdf").path, "-"])
        XCTAssertTrue(text.replacingOccurrences(of: "\n", with: " ").contains("held within 0–100: a bound the analyst set"), text)
    }
}

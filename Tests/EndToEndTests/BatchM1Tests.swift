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

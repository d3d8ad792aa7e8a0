import Foundation
import XCTest

/// `--formats` as a user types it: the deck is one format among the others, so `pptx` alone
/// or beside a chart format writes exactly what was named, the manifest lists the same
/// formats, and a word that is no format is a usage error listing every format.
final class OutputFormatsTests: XCTestCase {
    private var scratch: URL!
    private var input: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-formats-\(UUID().uuidString)")
        input = scratch.appendingPathComponent("verticals")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let rows = [120.0, 150, 190, 236, 301].enumerated().map { "\(2019 + $0.offset),\($0.element),亿元,actual,测试" }
        try (["year,value,unit,status,source"] + rows).joined(separator: "\n")
            .write(to: input.appendingPathComponent("cloud.csv"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Runs batch with `formats` and returns the folder it wrote and its manifest's formats.
    private func batch(formats: String) throws -> (files: Set<String>, manifestFormats: [String]) {
        let out = scratch.appendingPathComponent("out-\(formats)")
        let outcome = try CommandRunner.run(["batch", input.path, "--out", out.path, "--formats", formats, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let folder = out.appendingPathComponent("verticals")
        let files = Set(try FileManager.default.subpathsOfDirectory(atPath: folder.path))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
        let config = (manifest as? [String: Any])?["config"] as? [String: Any]
        return (files, config?["formats"] as? [String] ?? [])
    }

    func testPptxAloneWritesTheDeckAndNoChartImages() throws {
        let written = try batch(formats: "pptx")
        XCTAssertTrue(written.files.contains("batch.pptx"), "\(written.files)")
        XCTAssertFalse(written.files.contains { $0.hasSuffix(".png") || $0.hasSuffix(".svg") || $0.hasPrefix("charts/cloud.pdf") },
                       "\(written.files)")
        XCTAssertEqual(written.manifestFormats, ["pptx"])
    }

    func testAChartFormatBesidePptxWritesBoth() throws {
        let written = try batch(formats: "png,pptx")
        XCTAssertTrue(written.files.contains("batch.pptx"), "\(written.files)")
        XCTAssertTrue(written.files.contains("charts/cloud.png"), "\(written.files)")
        XCTAssertFalse(written.files.contains("charts/cloud.svg"), "\(written.files)")
        XCTAssertEqual(written.manifestFormats, ["png", "pptx"])
    }

    func testAWordThatIsNoFormatListsEveryFormat() throws {
        for command in [["run"], ["batch", input.path]] {
            let outcome = try CommandRunner.run(command + ["--formats", "png,gif"])
            XCTAssertEqual(outcome.status, 64, outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("--formats takes png, svg, pdf and pptx, comma separated; `gif` is none of them"),
                          outcome.stderr)
        }
        let empty = try CommandRunner.run(["run", "--formats", ","])
        XCTAssertEqual(empty.status, 64, empty.stderr)
        XCTAssertTrue(empty.stderr.contains("--formats names no format; use e.g. png,svg,pdf,pptx"), empty.stderr)
    }
}

import Foundation
import XCTest

/// Every kind of bad input an analyst really has, through the built executable: `check`
/// and `run` both refuse it with file:line:column and a non-zero status, never crash, and
/// a refused run leaves the previous output exactly as it was.
final class BadInputTests: XCTestCase {
    private var scratch: URL!
    private let header = "year,value,unit,status,source\n"

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try config().write(to: scratch.appendingPathComponent("report.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func config(model: String = "exponential", extra: String = "") -> String {
        """
        quarter: 2026Q4
        horizon: 2027
        \(extra)series:
          - id: s
            data: s.csv
            title: 测试
            model: \(model)

        """
    }

    private func rows(_ values: [(Int, String)]) -> String {
        values.map { "\($0.0),\($0.1),亿元,actual,x\n" }.joined()
    }

    private func writeData(_ bytes: Data) throws {
        try bytes.write(to: scratch.appendingPathComponent("s.csv"))
    }

    private var goodRows: String { rows([(2019, "100"), (2020, "120"), (2021, "150"), (2022, "180")]) }

    /// Runs check and run on the current files; both must fail with `expected` in stderr.
    private func assertRefused(_ expected: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for command in [["check"], ["run", "--out", "out", "--quiet"]] {
            let outcome = try CommandRunner.run(command, in: scratch)
            XCTAssertEqual(outcome.status, 1, "\(what): \(command[0]) should exit 1\n\(outcome.stderr)", file: file, line: line)
            XCTAssertTrue(outcome.stderr.contains(expected), "\(what): \(command[0]) should say \(expected)\n\(outcome.stderr)",
                          file: file, line: line)
            XCTAssertTrue(outcome.stderr.contains("hint:"), "\(what): every error says how to fix it", file: file, line: line)
            XCTAssertFalse(outcome.stderr.contains("Fatal error") || outcome.stderr.contains("Stack dump"), what,
                           file: file, line: line)
        }
    }

    func testBadDatasetsAreRefusedWithTheirPositionAndThePreviousOutputStays() throws {
        try writeData(Data((header + goodRows).utf8))
        XCTAssertEqual(try CommandRunner.run(["run", "--out", "out", "--quiet"], in: scratch).status, 0)
        let report = scratch.appendingPathComponent("out/2026Q4/report.pdf")
        let before = try Data(contentsOf: report)

        let cases: [(String, Data, String)] = [
            ("non-numeric", Data((header + rows([(2019, "100"), (2020, "12o")])).utf8), "s.csv:3:6: error"),
            ("NaN", Data((header + rows([(2019, "100"), (2020, "NaN")])).utf8), "s.csv:3:6: error"),
            ("negative", Data((header + rows([(2019, "100"), (2020, "-5")])).utf8), "s.csv:3:6: error"),
            ("duplicate year", Data((header + rows([(2019, "100"), (2019, "120")])).utf8), "s.csv:3:1: error: year 2019 appears twice"),
            ("missing year", Data((header + rows([(2019, "100"), (2021, "120")])).utf8), "s.csv:3"),
            ("empty", Data(), "s.csv"),
            ("header only", Data(header.utf8), "s.csv"),
            ("too few cells", Data((header + "2019,100,亿元\n").utf8), "s.csv:2"),
            ("missing column", Data("year,value,unit,source\n2019,100,亿元,x\n".utf8), "s.csv:1: error: required column \"status\" is missing"),
            ("not UTF-8 or GBK", Data([0x79, 0x65, 0x61, 0x72, 0x0A, 0xFF, 0xFE, 0xFD, 0x80, 0x0A]), "s.csv"),
        ]
        for (what, data, expected) in cases {
            try writeData(data)
            try assertRefused(expected, what)
            XCTAssertEqual(try Data(contentsOf: report), before, "\(what): the previous report is untouched")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("out").path),
                           ["2026Q4"], "\(what): no staging folder is left")
        }
    }

    func testBOMAndCRLFAndGBKAreAccepted() throws {
        let crlf = (header + goodRows).replacingOccurrences(of: "\n", with: "\r\n")
        try writeData(Data([0xEF, 0xBB, 0xBF]) + Data(crlf.utf8))
        let bom = try CommandRunner.run(["check"], in: scratch)
        XCTAssertEqual(bom.status, 0, bom.stderr)
        XCTAssertFalse(bom.stderr.contains("warning"), "a BOM and CRLF are normal: \(bom.stderr)")

        // 亿元 in GBK is D2 DA D4 AA: decoded, with a warning to re-save as UTF-8.
        let gbk = header.utf8 + [2019, 2020, 2021].flatMap { year in
            Array("\(year),100,".utf8) + [0xD2, 0xDA, 0xD4, 0xAA] + Array(",actual,x\n".utf8)
        }
        try writeData(Data(gbk))
        let outcome = try CommandRunner.run(["check"], in: scratch)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("warning"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("UTF-8"), outcome.stderr)
    }

    func testBadConfigsAreRefusedWithTheirLine() throws {
        try writeData(Data((header + goodRows).utf8))
        let cases: [(String, String, String)] = [
            ("YAML syntax", "quarter: 2026Q4\nseries: [\n  - id: s\n", "report.yaml:"),
            ("unknown key", config(extra: "horizn: 2027\n"), "report.yaml:3:1: error: unknown key `horizn`"),
            ("wrong type", config().replacingOccurrences(of: "horizon: 2027", with: "horizon: soon"),
             "report.yaml:2:10: error: `horizon` must be a whole number"),
            ("missing file", config().replacingOccurrences(of: "data: s.csv", with: "data: t.csv"),
             "report.yaml:5:11: error: data file `t.csv`"),
            ("unknown model", config(model: "gompertzz"), "did you mean `gompertz`"),
        ]
        for (what, text, expected) in cases {
            try text.write(to: scratch.appendingPathComponent("report.yaml"), atomically: true, encoding: .utf8)
            try assertRefused(expected, what)
        }
        let missing = try CommandRunner.run(["check", "--config", "nope.yaml"], in: scratch)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("nope.yaml: error: cannot read the report config"), missing.stderr)
    }

    func testOutputThatCannotBeWrittenIsAClearError() throws {
        try writeData(Data((header + goodRows).utf8))
        // A file where the output folder should be fails for every user, root included.
        try "x".write(to: scratch.appendingPathComponent("blocked"), atomically: true, encoding: .utf8)
        // The batch reads a folder of its own: an output inside its input folder is refused for that reason.
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("series"), withIntermediateDirectories: true)
        try Data((header + goodRows).utf8).write(to: scratch.appendingPathComponent("series/t.csv"))
        for command in [["run", "--out", "blocked/out", "--quiet"], ["batch", "series", "--out", "blocked/out", "--quiet"]] {
            let outcome = try CommandRunner.run(command, in: scratch)
            XCTAssertEqual(outcome.status, 1, command[0])
            XCTAssertTrue(outcome.stderr.contains("error: cannot create this folder"), "\(command[0]): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains("hint:"), outcome.stderr)
        }
    }
}

import Foundation
import XCTest

/// No input ends `marketcast fit` with a signal: the M1 series whose curve fits used to
/// trap, and the command-line numbers and formula sizes that used to crash or hang, each
/// give a result (exit 0) or an `error:` (exit 1).
final class DataTrapTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-traps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// The 15 M1 yearly series on which the curve ranking (`fit --model curves`, before that
    /// `--model auto`) died with
    /// "Double value cannot be converted to Int because the result would be greater than
    /// Int.max" while writing a relative standard error into a warning.
    static let trapped = ["YAC11", "YAC18", "YAC8", "YAD19", "YAD4", "YAF14", "YAG4", "YAI11", "YAI32", "YAI4",
                          "YAI5", "YAM22", "YAM23", "YAM25", "YAM29"]

    /// One M1 series from the vendored training file as `year,value`, in the scratch folder.
    private func m1Series(_ name: String) throws -> (path: String, lastYear: Int) {
        let train = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("reference/m1-yearly/train.csv"),
                               encoding: .utf8)
        var lines = ["year,value"]
        var lastYear = 0
        for line in train.split(separator: "\n") where line.hasPrefix("\"\(name)\",") {
            let cells = line.split(separator: ",")
            lines.append("\(cells[1]),\(cells[2])")
            lastYear = max(lastYear, Int(cells[1]) ?? 0)
        }
        XCTAssertGreaterThan(lines.count, 9, name)
        let url = scratch.appendingPathComponent("\(name).csv")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return (url.path, lastYear)
    }

    /// Exit 0 with output, or exit 1 with `error:`; never a signal.
    private func assertResultOrError(_ outcome: CommandRunner.Outcome, _ label: String,
                                     file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(outcome.signalled, "\(label) ended with signal \(outcome.status):\n\(outcome.stderr)", file: file, line: line)
        XCTAssertFalse(outcome.stderr.contains("Fatal error"), "\(label):\n\(outcome.stderr)", file: file, line: line)
        switch outcome.status {
        case 0: XCTAssertFalse(outcome.stdout.isEmpty, label, file: file, line: line)
        case 1: XCTAssertTrue(outcome.stderr.contains("error:"), "\(label):\n\(outcome.stderr)", file: file, line: line)
        default: XCTFail("\(label) exited with \(outcome.status):\n\(outcome.stderr)", file: file, line: line)
        }
    }

    func testM1SeriesThatTrappedGetAForecastWithAuto() throws {
        for name in Self.trapped {
            let (path, last) = try m1Series(name)
            let outcome = try CommandRunner.run(["fit", "--model", "auto", "--data", path, "--y", "value",
                                                 "--horizon", String(last + 6)])
            assertResultOrError(outcome, "\(name) auto")
            XCTAssertEqual(outcome.status, 0, "\(name): \(outcome.stderr)")
        }
    }

    /// The curve ranking is where the trap was; it takes a few seconds a series in a debug
    /// build, so five of the fifteen, one from each M1 category that trapped, as a table
    /// and as JSON in turn.
    func testM1SeriesThatTrappedGetACurveOrAnErrorWithCurves() throws {
        for (k, name) in ["YAC11", "YAD19", "YAF14", "YAI32", "YAM29"].enumerated() {
            let (path, last) = try m1Series(name)
            let json = k % 2 == 1
            let outcome = try CommandRunner.run(["fit", "--model", "curves", "--data", path, "--y", "value",
                                                 "--horizon", String(last + 6)] + (json ? ["--json"] : []))
            assertResultOrError(outcome, "\(name) curves")
            if json {
                XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)), name)
            }
        }
    }

    /// 5,000 nested parentheses or 8,000 terms overflowed the stack (SIGSEGV).
    func testAnEnormousFormulaIsAnError() throws {
        let path = scratch.appendingPathComponent("line.csv")
        try "year,value\n2018,10\n2019,12\n2020,15\n2021,16\n2022,19\n".write(to: path, atomically: true, encoding: .utf8)
        let nested = String(repeating: "(", count: 5000) + "b*year" + String(repeating: ")", count: 5000)
        let long = Array(repeating: "b*year", count: 8000).joined(separator: "+")
        for formula in [nested, long] {
            let outcome = try CommandRunner.run(["fit", "--model", formula, "--data", path.path, "--y", "value",
                                                 "--start", "b=1"])
            assertResultOrError(outcome, "formula of \(formula.count) characters")
            XCTAssertEqual(outcome.status, 1)
            XCTAssertTrue(outcome.stderr.contains("at most") || outcome.stderr.contains("nests more than"), outcome.stderr)
        }
    }

    /// From 2^53 on, last + 1 == last: the forecast years never reached the horizon and the
    /// process grew until it was killed.
    func testAHorizonBeyondWholeStepsIsAnError() throws {
        let path = scratch.appendingPathComponent("huge-x.csv")
        let rows = (0..<6).map { "\(1e17 + Double($0) * 16),\(10 + $0)" }
        try ("t,value\n" + rows.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["fit", "--model", "linear", "--data", path.path, "--y", "value", "--x", "t",
                                             "--horizon", "100000000000000096"])
        assertResultOrError(outcome, "horizon past 2^53")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("2^53"), outcome.stderr)
    }

    /// Start values near the largest double made the solver's first trust region infinite;
    /// a step that was not finite then shrank it by 0.1 forever (∞ · 0.1 = ∞).
    func testStartValuesNearTheLargestDoubleDoNotHang() throws {
        let path = scratch.appendingPathComponent("growth.csv")
        try "year,value\n2018,10\n2019,12\n2020,15\n2021,19\n2022,24\n".write(to: path, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["fit", "--model", "exponential", "--data", path.path, "--y", "value",
                                             "--start", "a=-1e308", "--start", "g=-1e308"])
        assertResultOrError(outcome, "start values near -1e308")
    }

    /// 10 million resamples × 1000 forecast years would need 80 GB: refused at once.
    func testABootstrapTooLargeForMemoryIsAnError() throws {
        let path = scratch.appendingPathComponent("line.csv")
        try "year,value\n2018,10\n2019,12\n2020,15\n2021,16\n2022,19\n".write(to: path, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["fit", "--model", "linear", "--data", path.path, "--y", "value",
                                             "--horizon", "3022", "--bootstrap", "10000000"])
        assertResultOrError(outcome, "bootstrap")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("fewer resamples"), outcome.stderr)
    }
}

import Foundation
import XCTest

/// No input ends `marketcast fit` with a signal or a hang: each gives a result (exit 0) or
/// an `error:` (exit 1).
final class DataTrapTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-traps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
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
}

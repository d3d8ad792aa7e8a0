import Foundation
import XCTest

/// A bad option value is a usage error: ArgumentParser's exit status 64, the option named,
/// and the usage text; no file is read and nothing is written.
final class UsageErrorTests: XCTestCase {
    func testBadOptionValuesExitWith64AndNameTheOption() throws {
        let cases: [([String], String)] = [
            (["run", "--formats", "gif"], "--formats"),
            (["run", "--lang", "fr"], "--lang"),
            (["run", "--scale", "9"], "--scale"),
            (["run", "--quarter", "2026q4"], "--quarter"),
            (["batch", "somewhere", "--threads", "0"], "--threads"),
            (["batch", "somewhere", "--horizon", "3000"], "--horizon"),
            (["batch", "somewhere", "--model", "dampd"], "did you mean `damped`"),
            (["fit", "--data", "x.csv", "--y", "v", "--model", "auto", "--level", "2"], "--level"),
            (["fit", "--data", "x.csv", "--y", "v", "--model", "b1*x", "--start", "b1"], "--start"),
            // A bare word that names no model is a typo, not a formula: the models are listed.
            (["fit", "--data", "x.csv", "--y", "v", "--model", "bogus"], "known models: auto, naive"),
            (["fit", "--data", "x.csv", "--y", "v", "--model", "gompertzz"], "did you mean `gompertz`"),
            (["forecast", "x.csv"], "--horizon"),
        ]
        for (arguments, mention) in cases {
            let outcome = try CommandRunner.run(arguments)
            XCTAssertEqual(outcome.status, 64, "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains(mention), "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains("Usage:"), "\(arguments): \(outcome.stderr)")
        }
    }

    func testVersionIsPrintedByTheRootCommand() throws {
        let outcome = try CommandRunner.run(["--version"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines), ToolVersionFixture.current)
    }
}

/// The version the manifest records (Sources/Report/Manifest/ToolVersion.swift), read
/// from the source so that this test target need not link Report.
enum ToolVersionFixture {
    static var current: String {
        let source = (try? String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Sources/Report/Manifest/ToolVersion.swift"),
                                  encoding: .utf8)) ?? ""
        guard let line = source.split(separator: "\n").first(where: { $0.contains("static let current") }),
              let first = line.firstIndex(of: "\""), let last = line.lastIndex(of: "\""), first < last else { return "?" }
        return String(line[line.index(after: first)..<last])
    }
}

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
            (["fit", "--data", "x.csv", "--y", "v", "--model", "f", "--start", "b1"], "--start"),
            (["forecast", "x.csv"], "--horizon"),
        ]
        for (arguments, mention) in cases {
            let outcome = try CommandRunner.run(arguments)
            XCTAssertEqual(outcome.status, 64, "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains(mention), "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains("Usage:"), "\(arguments): \(outcome.stderr)")
        }
    }
}

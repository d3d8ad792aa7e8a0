import XCTest
import Foundation
@testable import Numerics

/// Sizes taken from input (formula text from the command line or a config file, resample
/// counts and x values from the command line) end in an error before they can overflow
/// the stack or memory.
final class InputLimitsTests: XCTestCase {
    private func parse(_ text: String) throws -> Formula { try Formula(text, variables: ["x"]) }

    /// 5,000 nested parentheses used to overflow the stack (a segmentation fault).
    func testDeepNestingIsAnErrorNamingTheColumn() throws {
        let limit = FormulaParser.maximumNesting
        func nested(_ depth: Int) -> String {
            String(repeating: "(", count: depth) + "b*x" + String(repeating: ")", count: depth)
        }
        XCTAssertNoThrow(try parse(nested(limit)))
        XCTAssertThrowsError(try parse(nested(limit + 1))) { error in
            let e = error as? NumericsError
            XCTAssertEqual(e?.column, limit + 1)
            XCTAssertTrue(e?.message.contains("nests more than \(limit) levels") ?? false, "\(error)")
        }
        // Deeper still, the text is also too long: either error will do.
        for depth in [5_000, 60_000] {
            XCTAssertThrowsError(try parse(nested(depth)), "\(depth)") { error in
                XCTAssertTrue(error is NumericsError, "\(error)")
            }
        }
        // Signs, powers and function calls nest too.
        XCTAssertThrowsError(try parse(String(repeating: "-", count: 10_000) + "b*x"))
        XCTAssertThrowsError(try parse("b*x" + String(repeating: "^b", count: 10_000)))
        XCTAssertThrowsError(try parse(String(repeating: "exp(", count: 10_000) + "b*x" + String(repeating: ")", count: 10_000)))
    }

    /// A long chain a+b+c+… is a tree one level deeper per operator, which later stages walk
    /// recursively: 8,000 terms used to overflow the stack after parsing.
    func testTooManyTokensIsAnError() throws {
        let limit = FormulaParser.maximumTokens
        let longest = "-x" + String(repeating: "+b", count: limit / 2 - 1)
        XCTAssertEqual(try FormulaLexer.tokenize(longest).tokens.count - 1, limit)
        XCTAssertNoThrow(try parse(longest))
        XCTAssertThrowsError(try parse(longest + "+b")) { error in
            XCTAssertTrue("\(error)".contains("at most \(limit)"), "\(error)")
        }
        XCTAssertThrowsError(try parse(Array(repeating: "b*x", count: 8_000).joined(separator: "+")))
    }

    /// The largest formulas the limits let through parse, compile, fit and free on a worker
    /// thread (smaller stack than the main thread), where batch and report runs fit.
    func testTheLargestAcceptedFormulasFitOnAWorkerThread() {
        let limit = FormulaParser.maximumTokens
        let nest = FormulaParser.maximumNesting
        let chain = "-x" + String(repeating: "+b", count: limit / 2 - 1)
        let nested = String(repeating: "(", count: nest) + "b*x" + String(repeating: ")", count: nest)
        let powers = "x" + String(repeating: "^b", count: nest)
        let x: [Double] = [1, 2, 3, 4, 5, 6]
        let y: [Double] = [1.1, 2.3, 2.9, 4.2, 5.1, 5.8]
        let problems = NSLock()
        var failures: [String] = []
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            let text = [chain, nested, powers][i]
            do {
                _ = try FormulaModels.fit(text, variables: [("x", x)], predictor: "x", y: y, start: ["b": 1])
            } catch let error as NumericsError {
                _ = error  // not converging is fine; a crash is not
            } catch {
                problems.lock(); failures.append("\(i): \(error)"); problems.unlock()
            }
        }
        XCTAssertEqual(failures, [])
    }

    /// Resamples × values kept is checked before anything is allocated.
    func testABootstrapTooLargeForMemoryIsRefusedBeforeItStarts() throws {
        let x: [Double] = [2015, 2016, 2017, 2018, 2019, 2020]
        let fit = try FormulaModels.fit("a + b*(x - 2015)", variables: [("x", x)], predictor: "x",
                                        y: [10, 12, 15, 16, 19, 21], start: ["a": 10, "b": 2])
        let xs = (0..<100_000).map { 2021 + Double($0) }
        XCTAssertThrowsError(try Bootstrap.residual(fit, at: xs, options: BootstrapOptions(resamples: 10_000_000))) { error in
            let message = (error as? NumericsError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("fewer resamples"), message)
        }
        XCTAssertThrowsError(try Bootstrap.residual(fit, at: Array(xs.prefix(1000)), options: BootstrapOptions(resamples: 200_000)))
        XCTAssertNoThrow(try Bootstrap.residual(fit, at: [2021, 2022], options: BootstrapOptions(resamples: 200, threads: 1)))
    }
}

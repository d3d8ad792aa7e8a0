import XCTest
@testable import Numerics

/// Seeded random-input tests for the formula language (the in-suite stand-in for a
/// fuzzer): whatever text an analyst types after --model or in a config, the parser either
/// builds a formula that evaluates without trapping, or throws a NumericsError whose column
/// lies inside the text. Fixed seeds keep every failure reproducible.
final class FormulaRandomInputTests: XCTestCase {
    /// Tokens that matter to the lexer and parser, valid and not.
    private let pieces = ["x", "a", "b", "k", "pi", "1", ".5", "2.3e-4", "1e999", "0", "+", "-", "*", "/", "^",
                          "**", "(", ")", "exp(", "log(", "sqrt(", "sin(", "atan(", "abs(", "foo(", " ", ",",
                          "e", "E", "1e", ".", "..", "é", "市场", "\u{0}", "\t", "$", "%", "=", "x0", "_b"]

    private func randomText(_ generator: inout SplitMix64) -> String {
        let count = Int.random(in: 0...24, using: &generator)
        return (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
    }

    func testRandomTextParsesOrFailsWithAColumnInsideIt() {
        var generator = SplitMix64(seed: 20261129)
        var parsed = 0
        for iteration in 0..<5000 {
            let text = randomText(&generator)
            do {
                let formula = try Formula(text, variables: ["x"])
                parsed += 1
                // Evaluation of any parsed formula must not trap, whatever its value.
                let parameters = [Double](repeating: 1.5, count: formula.parameterNames.count)
                _ = formula.expression.evaluateDual(parameters: parameters, variables: [2.0])
                let evaluator = FormulaEvaluator(formula.compiled(), rows: 3)
                var output = [Double](repeating: 0, count: 3)
                evaluator.evaluate(parameters: parameters, data: [1, 2, 3], into: &output)
            } catch let error as NumericsError {
                XCTAssertFalse(error.message.isEmpty, "iteration \(iteration): \(text)")
                if let column = error.column {
                    XCTAssertTrue((1...(text.count + 1)).contains(column),
                                  "iteration \(iteration): column \(column) outside `\(text)`")
                }
            } catch {
                XCTFail("iteration \(iteration): `\(text)` threw \(error), not a NumericsError")
            }
        }
        // The pieces are chosen so that a fair share of inputs are valid formulas.
        XCTAssertGreaterThan(parsed, 100)
    }

    func testDeepNestingIsParsedOrRefusedWithoutTrapping() {
        for depth in [10, 100, 1000] {
            let text = String(repeating: "(", count: depth) + "a*x" + String(repeating: ")", count: depth)
            XCTAssertNoThrow(try Formula(text, variables: ["x"]), "depth \(depth)")
            let unbalanced = String(repeating: "(", count: depth) + "a*x"
            XCTAssertThrowsError(try Formula(unbalanced, variables: ["x"]), "depth \(depth)")
        }
    }
}

import XCTest
import Foundation
@testable import Numerics

final class FormulaTests: XCTestCase {
    private func error(_ text: String, variables: [String] = ["x"]) -> NumericsError? {
        do { _ = try Formula(text, variables: variables); return nil } catch { return error as? NumericsError }
    }

    func testSyntaxErrorsNameTheColumn() {
        XCTAssertEqual(error("b1*(1-exp(-b2*x)))")?.message, "unexpected ')' at column 18")
        XCTAssertEqual(error("b1*(x + )")?.column, 9)
        XCTAssertEqual(error("b1*(x + 2")?.message,
                       "unexpected end of formula at column 10 (expected ')' to close the '(' at column 4)")
        XCTAssertEqual(error("b1 $ x")?.message, "unexpected character '$' at column 4")
        XCTAssertEqual(error("")?.kind, .syntax)
        XCTAssertEqual(error("1.2.3")?.kind, .syntax)
        XCTAssertEqual(error("b1 x")?.message, "unexpected 'x' at column 4")
    }

    func testUnknownFunctionIsNamed() {
        let e = error("b1*foo(x)")
        XCTAssertEqual(e?.kind, .unknownFunction)
        XCTAssertEqual(e?.column, 4)
        XCTAssertTrue(e?.message.hasPrefix("unknown function 'foo' at column 4") ?? false)
        XCTAssertEqual(error("exp + x")?.kind, .syntax)
    }

    func testIdentifiersSplitIntoVariablesAndParameters() throws {
        let f = try Formula("b1 - b2*x1*exp(-b3*x2)", variables: ["x1", "x2", "unused"])
        XCTAssertEqual(f.parameterNames, ["b1", "b2", "b3"])
        XCTAssertEqual(f.usedVariables, [0, 1])
        let ordered = try Formula("a*x + b", variables: ["x"], parameterOrder: ["b", "a"])
        XCTAssertEqual(ordered.parameterNames, ["b", "a"])
    }

    func testPrecedenceAssociativityPiAndDoubleStar() throws {
        func value(_ text: String) throws -> Double {
            try Formula(text, variables: []).expression.evaluateDual(parameters: [], variables: []).value
        }
        XCTAssertEqual(try value("2^3^2"), 512)
        XCTAssertEqual(try value("2**3**2"), 512)
        XCTAssertEqual(try value("-2^2"), -4)
        XCTAssertEqual(try value("2^-1"), 0.5)
        XCTAssertEqual(try value("1 - 2 - 3"), -4)
        XCTAssertEqual(try value("8 / 4 / 2"), 1)
        XCTAssertEqual(try value("2 + 3 * 4"), 14)
        XCTAssertEqual(try value(".5e1 + 2.3e-4"), 5.00023)
        XCTAssertEqual(try value("cos(pi)"), -1, accuracy: 1e-15)
        XCTAssertEqual(try value("atan(1)*4"), Double.pi, accuracy: 1e-15)
        XCTAssertEqual(try value("abs(-3) + sqrt(16) + log(exp(2)) + tan(0) + sin(0)"), 9, accuracy: 1e-15)
    }

    /// The compiled program must agree with the tree evaluated on dual numbers, and both
    /// with central finite differences, on formulas exercising every operation.
    func testCompiledValuesAndJacobianMatchDualAndFiniteDifferences() throws {
        let cases: [(String, [Double])] = [
            ("b1*(1-exp(-b2*x))", [240, 5.5e-4]),
            ("b1 * (b2+x)**(-1/b3)", [-2500, 45, 0.85]),
            ("(b1 + b2*x + b3*x^2 + b4*x^3) / (1 + b5*x + b6*x^2 + b7*x^3)", [1288, 1491, 583, 75, 0.97, 0.4, 0.05]),
            ("b1 + b2*cos(2*pi*x/12) + b3*sin(2*pi*x/b4) + atan(b3/x) - abs(b1 - x) + sqrt(b2*b2 + x)", [10, 3, 0.5, 26]),
            ("-b1^2 / b2 + x^b2 + b2^x + tan(b1/10) + log(b2*x)", [1.3, 2.1]),
            ("b1*x + 3*4 - x", [2]),
        ]
        let xs: [Double] = [0.5, 1, 2.5, 4, 7.25]
        for (text, theta) in cases {
            let f = try Formula(text, variables: ["x"])
            let p = f.parameterNames.count
            XCTAssertEqual(p, theta.count, text)
            let ev = FormulaEvaluator(f.compiled(), rows: xs.count)
            var values = [Double](repeating: 0, count: xs.count)
            var valuesOnly = values
            var jac = [Double](repeating: .nan, count: xs.count * p)
            ev.evaluate(parameters: theta, data: xs, into: &values, jacobian: &jac)
            ev.evaluate(parameters: theta, data: xs, into: &valuesOnly)
            for (i, x) in xs.enumerated() {
                let dual = f.expression.evaluateDual(parameters: theta, variables: [x])
                XCTAssertEqual(values[i], dual.value, accuracy: 1e-12 * max(1, abs(dual.value)), text)
                XCTAssertEqual(valuesOnly[i], dual.value, accuracy: 1e-12 * max(1, abs(dual.value)), text)
                for k in 0..<p {
                    XCTAssertEqual(jac[k * xs.count + i], dual.gradient[k],
                                   accuracy: 1e-12 * max(1, abs(dual.gradient[k])), "\(text) d/d\(k) row \(i)")
                    var up = theta, down = theta
                    let h = 1e-6 * max(1, abs(theta[k]))
                    up[k] += h; down[k] -= h
                    let fd = (f.expression.evaluateDual(parameters: up, variables: [x]).value
                              - f.expression.evaluateDual(parameters: down, variables: [x]).value) / (2 * h)
                    XCTAssertEqual(dual.gradient[k], fd, accuracy: 1e-5 * max(1, abs(fd)), "\(text) FD d/d\(k)")
                }
            }
        }
    }

    /// Residuals precompute costly data-only parts (cos(2*pi*x/12), sqrt(x+1)); values and Jacobian
    /// must not change.
    func testHoistedDataOnlySubtreesGiveTheSameResidualsAndJacobian() throws {
        let f = try Formula("b1 + b2*cos(2*pi*x/12) + b3*x^2 + exp(-b1*x)*sqrt(x+1)", variables: ["x"])
        let (hoisted, derived) = f.expression.hoistingDataOnlySubtrees(firstIndex: 1)
        // cos(2*pi*x/12) and sqrt(x+1); x^2 is one multiplication, cheaper to redo.
        XCTAssertEqual(derived.count, 2, "\(hoisted)")
        XCTAssertEqual(try Formula("b1*x^2 + b2*x^3 + b3/x", variables: ["x"]).expression
                        .hoistingDataOnlySubtrees(firstIndex: 1).1.count, 0)
        XCTAssertEqual(try Formula("b1*x^1.5 + b2*exp(-x)", variables: ["x"]).expression
                        .hoistingDataOnlySubtrees(firstIndex: 1).1.count, 2)
        let xs: [Double] = [0.5, 1, 2, 3.5]
        let ys: [Double] = [1, 2, 3, 4]
        let theta: [Double] = [0.3, -1.2, 0.7]
        let residuals = try FormulaResiduals(program: f.compiled(), columns: [xs], response: ys)
        var r = [Double](repeating: 0, count: 4), jac = [Double](repeating: 0, count: 12)
        residuals.residualsAndJacobian(at: theta, residuals: &r, jacobian: &jac)
        for (i, x) in xs.enumerated() {
            let d = f.expression.evaluateDual(parameters: theta, variables: [x])
            XCTAssertEqual(r[i], d.value - ys[i], accuracy: 1e-13)
            for k in 0..<3 { XCTAssertEqual(jac[k * 4 + i], d.gradient[k], accuracy: 1e-13) }
        }
    }

    func testConstantSubtreesAreFolded() throws {
        let f = try Formula("b1 * (2*pi/12 + 1)", variables: [])
        // parameter, folded constant, multiply.
        XCTAssertEqual(f.compiled().instructionCount, 3)
    }
}

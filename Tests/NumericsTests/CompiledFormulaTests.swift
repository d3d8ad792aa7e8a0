import XCTest
import Foundation
@testable import Numerics

/// The compiled evaluator keeps parameters and numbers in scalar registers, reads data
/// columns in place and broadcasts scalars into column operations. Every combination of
/// operand kinds (column, scalar, data) for every operation must agree with the tree
/// evaluated on dual numbers (Dual.swift), and the duals with central finite differences.
final class CompiledFormulaTests: XCTestCase {
    private let x1: [Double] = [0.5, 1, 2.5, 4, 7.25, -1.5]
    private let x2: [Double] = [3, -0.25, 1.5, 2, 0.75, 5]

    /// Checks values (both evaluate paths) and the Jacobian of `text` at `theta` against
    /// duals and finite differences, on a Jacobian buffer pre-filled with garbage.
    private func check(_ text: String, _ theta: [Double], variables: [String] = ["x"],
                       rowsOf given: [[Double]]? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let f = try Formula(text, variables: variables)
        let cols = columns(for: variables.count, rowsOf: given)
        try check(f.expression, parameterCount: f.parameterNames.count, theta, cols, text, file: file, line: line)
    }

    private func columns(for count: Int, rowsOf given: [[Double]]?) -> [[Double]] {
        given ?? Array([x1, x2].prefix(count))
    }

    private func check(_ expression: Numerics.Expression, parameterCount p: Int, _ theta: [Double], _ cols: [[Double]],
                       _ label: String, finiteDifferences: Bool = true,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(theta.count, p, label, file: file, line: line)
        let n = cols.first?.count ?? 4
        let program = CompiledFormula(expression: expression, parameterCount: p, variableCount: cols.count)
        let ev = FormulaEvaluator(program, rows: n)
        let data = cols.flatMap { $0 }
        var values = [Double](repeating: .nan, count: n), valuesOnly = values
        var jac = [Double](repeating: .nan, count: n * p)
        // Twice with different parameters first: scratch state must not leak between calls.
        ev.evaluate(parameters: theta.map { $0 * 1.5 + 0.25 }, data: data, into: &values, jacobian: &jac)
        ev.evaluate(parameters: theta, data: data, into: &values, jacobian: &jac)
        ev.evaluate(parameters: theta, data: data, into: &valuesOnly)
        for i in 0..<n {
            let row = cols.map { $0[i] }
            let dual = expression.evaluateDual(parameters: theta, variables: row)
            let tol = 1e-13 * max(1, abs(dual.value))
            XCTAssertEqual(values[i], dual.value, accuracy: tol, "\(label) value row \(i)", file: file, line: line)
            XCTAssertEqual(valuesOnly[i], values[i], "\(label) values-only row \(i)", file: file, line: line)
            for k in 0..<p {
                let exact = dual.gradient[k]
                XCTAssertEqual(jac[k * n + i], exact, accuracy: 1e-13 * max(1, abs(exact)),
                               "\(label) d/dp\(k) row \(i)", file: file, line: line)
                guard finiteDifferences else { continue }
                var up = theta, down = theta
                let h = 1e-6 * max(1, abs(theta[k]))
                up[k] += h; down[k] -= h
                let fd = (expression.evaluateDual(parameters: up, variables: row).value
                          - expression.evaluateDual(parameters: down, variables: row).value) / (2 * h)
                XCTAssertEqual(exact, fd, accuracy: 1e-5 * max(1, abs(fd)), "\(label) FD d/dp\(k) row \(i)",
                               file: file, line: line)
            }
        }
    }

    func testScalarOnlySubexpressionsTimesColumns() throws {
        try check("b1*b2*x", [1.3, -0.7])
        try check("x*b1*b2", [1.3, -0.7])
        try check("(b1+2)*x", [0.4])
        try check("(2-b1)*x + (b1-b2)*x", [0.4, 1.1])
        try check("exp(b1)*x", [0.3])
        try check("x*exp(-b1/b2)", [0.3, 2])
        try check("-b1", [0.8])
        try check("-b1*x", [0.8])
        try check("-(b1*x)", [0.8])
        try check("b1*(2*pi/12 + 1)*x", [0.8])
    }

    func testDivisionWithEveryOperandKind() throws {
        try check("x/b1", [1.7])                      // data / scalar
        try check("b1/x", [1.7])                      // scalar / data
        try check("(b1*x)/b2", [1.7, -0.6])           // column / scalar
        try check("b2/(b1*x)", [1.7, -0.6])           // scalar / column
        try check("(b1*x)/(b2+x)", [1.7, 3])          // column / column, disjoint parameters
        try check("(b1*x)/(b1+x*b2)", [1.7, 3])       // column / column, shared parameter
        try check("b1/(b1+b2)*x", [1.7, 3])           // scalar / scalar, shared parameter
        try check("exp(-b1*x)/(b2+b3*x)", [0.19, 0.0061, 0.0105])   // Chwirut
    }

    func testPowersWithEveryOperandKind() throws {
        try check("b1^x", [1.4])                      // scalar ^ data
        try check("x2^b1", [1.4], variables: ["x1", "x2"],
                  rowsOf: [x1, x2.map(abs)])          // data ^ scalar (positive base)
        try check("(b1*x)^b2", [0.7, 1.3], rowsOf: [x1.map(abs)])    // column ^ scalar
        try check("b2^(b1*x)", [0.7, 1.3])            // scalar ^ column
        try check("(b1+x)^(b1*x)", [2.5], rowsOf: [x1.map(abs)])  // column ^ column, shared
        try check("b1^b2 * x", [1.2, 0.8])            // scalar ^ scalar
        try check("(b1*x)^2 + (b1*x)^3 + (b2+x)^-1 + (b2*b2+x*x)^0.5 + (b2*x*x+1)^1.5", [0.7, 1.3])
        try check("b1^2*x + b2^-1", [0.7, 1.3])       // constant powers of scalars
    }

    func testEveryElementaryFunctionOnColumnsScalarsAndData() throws {
        for f in ElementaryFunction.allCases {
            let name = f.rawValue
            // Arguments kept inside every function's domain for the x values used.
            try check("\(name)(0.1*b1*x + 3)", [0.9])
            try check("\(name)(b1/10 + 1)*x + b2", [0.9, 0.2])
            try check("\(name)(x*x + 1)*b1", [0.9])
            try check("b1*\(name)(-(b1*x) + 2)", [0.03])
        }
    }

    func testSumsAndDifferencesOfScalarsAndColumns() throws {
        try check("b1 + b2*x", [1, 2])
        try check("b2*x + b1", [1, 2])
        try check("b1 - b2*x", [1, 2])
        try check("b2*x - b1", [1, 2])
        try check("x - b1", [1])
        try check("b1 - x", [1])
        try check("b1*x - b1*x*x + b2", [1.5, 2])
        try check("b1 - b2*exp(-b3*x)", [2.5, 5e-9, -0.05])
    }

    func testMultiVariableFormulas() throws {
        let v = ["x1", "x2"]
        try check("b1 - b2*x1*exp(-b3*x2)", [2.5, 0.2, -0.05], variables: v)        // Nelson
        try check("b1*x1 + b2*x2 + b3*x1*x2 + x1/x2", [1, 2, 3], variables: v)
        try check("(b1 + x1)/(b2 + x2*b3)", [0.5, 7, 0.3], variables: v)
        try check("x1^b1 * x2^2 * b2", [0.5, 1.1], variables: v, rowsOf: [x1.map(abs), x2])
    }

    func testFormulasThatAreASingleScalarOrDataColumn() throws {
        try check("b1", [3.5])
        try check("b1*b2 + 1", [3.5, -2])
        try check("exp(b1)", [0.5])
        // No parameters: the result is the data column itself.
        try check(.variable(0), parameterCount: 0, [], [x1], "x")
        try check(.binary(.multiply, .variable(0), .variable(1)), parameterCount: 0, [], [x1, x2], "x1*x2")
    }

    func testParametersTheFormulaDoesNotUseGetZeroColumns() throws {
        // Four parameters declared, two used: columns 0 and 2 must be zero, not garbage.
        let f = try Formula("b1*exp(-b2*x)", variables: ["x"])
        let e = f.expression
        let shifted = Numerics.Expression.binary(.multiply, .parameter(1), .call(.exp, .binary(.multiply, .negate(.parameter(3)), .variable(0))))
        try check(shifted, parameterCount: 4, [9, 2, 9, 0.3], [x1], "p1*exp(-p3*x)")
        try check(e, parameterCount: 2, [2, 0.3], [x1], f.text)
    }

    func testScalarSubexpressionsDoNotFillColumns() throws {
        // b1*b2 is one scalar register operation; multiplying by x is the only column
        // operation, and it writes slot 0 directly, so one stack slot is used.
        let product = try Formula("b1*b2*x", variables: ["x"]).compiled()
        XCTAssertEqual(product.stackDepth, 1)
        XCTAssertEqual(product.resultLocation, .column(0))
        let allScalar = try Formula("exp(b1)*b2 - b1", variables: []).compiled()
        XCTAssertEqual(allScalar.resultLocation, .scalar(0))
        // Numbers fold before the parameter is combined with them.
        XCTAssertEqual(try Formula("(b1 + 2*3)*x", variables: ["x"]).compiled().instructionCount, 4)
    }

    func testHoistedDataOnlySubtreesInMultiVariableResiduals() throws {
        let f = try Formula("b1*exp(-b2*x1) + b3*log(x2*x2 + 1)/sqrt(x1*x1 + 2) + (x1 - x2)^2*b2",
                            variables: ["x1", "x2"])
        let (_, derived) = f.expression.hoistingDataOnlySubtrees(firstIndex: 2)
        // log(x2*x2 + 1) and sqrt(x1*x1 + 2); the square (x1 - x2)^2 is cheaper to redo.
        XCTAssertEqual(derived.count, 2)
        let ys: [Double] = [1, 2, 3, 4, 5, 6]
        let theta: [Double] = [0.3, 0.2, -1.1]
        let weights: [Double] = [1, 2, 0.5, 1, 3, 1]
        let residuals = try FormulaResiduals(program: f.compiled(), columns: [x1, x2], response: ys, weights: weights)
        var r = [Double](repeating: .nan, count: 6), jac = [Double](repeating: .nan, count: 18)
        residuals.residualsAndJacobian(at: theta, residuals: &r, jacobian: &jac)
        var rOnly = [Double](repeating: .nan, count: 6)
        residuals.residuals(at: theta, into: &rOnly)
        for i in 0..<6 {
            let d = f.expression.evaluateDual(parameters: theta, variables: [x1[i], x2[i]])
            let w = weights[i].squareRoot()
            XCTAssertEqual(r[i], w * (d.value - ys[i]), accuracy: 1e-13 * max(1, abs(d.value)))
            XCTAssertEqual(rOnly[i], r[i])
            for k in 0..<3 { XCTAssertEqual(jac[k * 6 + i], w * d.gradient[k], accuracy: 1e-13 * max(1, abs(d.gradient[k]))) }
        }
    }

    func testMoreThanSixtyFourParametersKeepExactSparsity() throws {
        // p0*x + p1*x^2 + ... with 70 parameters, the last ones sharing a subexpression:
        // dependency sets spill past one 64-bit word.
        var e = Numerics.Expression.binary(.multiply, .parameter(0), .variable(0))
        for k in 1..<70 {
            let term = Numerics.Expression.binary(.multiply, .parameter(k),
                                                  .binary(.power, .variable(0), .number(Double(k % 3 + 1))))
            e = .binary(k % 2 == 0 ? .add : .subtract, e, term)
        }
        e = .binary(.divide, e, .binary(.add, .number(2), .binary(.multiply, .parameter(67), .parameter(3))))
        let theta = (0..<70).map { 0.01 * Double($0 + 1) }
        // Against the duals only: finite differences over 75 parameters are slow in debug
        // builds, and the duals are checked against them above.
        try check(e, parameterCount: 70, theta, [x1], "70 parameters", finiteDifferences: false)
        try check(e, parameterCount: 75, theta + [1, 2, 3, 4, 5], [x1], "70 of 75 parameters", finiteDifferences: false)
    }

    func testParameterSetAcrossWords() {
        let a = ParameterSet(3).union(ParameterSet(70)).union(ParameterSet(200))
        let b = ParameterSet(70).union(ParameterSet(5))
        func list(_ s: ParameterSet) -> [Int] { var l: [Int] = []; s.append(to: &l); return l }
        XCTAssertEqual(list(a), [3, 70, 200])
        XCTAssertEqual(list(a.intersection(b)), [70])
        XCTAssertEqual(list(a.subtracting(b)), [3, 200])
        XCTAssertEqual(list(b.subtracting(a)), [5])
        XCTAssertTrue(a.contains(200))
        XCTAssertFalse(a.contains(199))
        XCTAssertFalse(b.contains(200))
    }

    func testRepeatedDataOnlySubtreesAreHoistedOnce() throws {
        // Thurber's rational function with its powers of x written as exponentials of logs:
        // exp(2*log(x)) and exp(3*log(x)) each appear twice and are taken out once.
        let text = "(b1 + b2*x + b3*exp(2*log(abs(x))) + b4*exp(3*log(abs(x)))) / (1 + b5*x + b6*exp(2*log(abs(x))) + b7*exp(3*log(abs(x))))"
        let f = try Formula(text, variables: ["x"])
        let (_, derived) = f.expression.hoistingDataOnlySubtrees(firstIndex: 1)
        XCTAssertEqual(derived.count, 2)
        let xs: [Double] = [-3.067, -2.981, -2.921, -1.5, 0.4, 2.1]
        let ys: [Double] = [80.574, 84.248, 87.264, 300, 900, 1400]
        let theta: [Double] = [1288, 1491, 583, 75, 0.97, 0.4, 0.05]
        let residuals = try FormulaResiduals(program: f.compiled(), columns: [xs], response: ys)
        var r = [Double](repeating: .nan, count: 6), jac = [Double](repeating: .nan, count: 42)
        residuals.residualsAndJacobian(at: theta, residuals: &r, jacobian: &jac)
        for i in 0..<6 {
            let d = f.expression.evaluateDual(parameters: theta, variables: [xs[i]])
            XCTAssertEqual(r[i], d.value - ys[i], accuracy: 1e-12 * max(1, abs(d.value)))
            for k in 0..<7 { XCTAssertEqual(jac[k * 6 + i], d.gradient[k], accuracy: 1e-13 * max(1, abs(d.gradient[k]))) }
        }
    }

    func testZeroRowsEvaluateToNothing() throws {
        let program = try Formula("b1*x", variables: ["x"]).compiled()
        let ev = FormulaEvaluator(program, rows: 0)
        var out: [Double] = [], jac: [Double] = []
        ev.evaluate(parameters: [1], data: [], into: &out, jacobian: &jac)
        ev.evaluate(parameters: [1], data: [], into: &out)
        XCTAssertEqual(out, [])
    }
}

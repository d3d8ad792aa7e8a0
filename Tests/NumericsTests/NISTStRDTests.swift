// The NIST StRD nonlinear regression suite: all 27 problems from both start vectors.
// Bar (issue 3): parameters and RSS to LRE ≥ 6, standard errors to LRE ≥ 4; Lanczos1's
// RSS (1.4e-25, below rounding) and its standard errors are exempt. Nelson is stated for
// log(y). The files are vendored in Tests/Fixtures/nist-strd.
import XCTest
import Foundation
@testable import Numerics

final class NISTStRDTests: XCTestCase {
    /// The models as NIST states them, written in the formula language.
    static let formulas: [String: String] = [
        "Misra1a": "b1*(1-exp(-b2*x))",
        "Chwirut2": "exp(-b1*x)/(b2+b3*x)",
        "Chwirut1": "exp(-b1*x)/(b2+b3*x)",
        "Lanczos3": "b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)",
        "Gauss1": "b1*exp(-b2*x) + b3*exp(-(x-b4)**2 / b5**2) + b6*exp(-(x-b7)**2 / b8**2)",
        "Gauss2": "b1*exp(-b2*x) + b3*exp(-(x-b4)**2 / b5**2) + b6*exp(-(x-b7)**2 / b8**2)",
        "DanWood": "b1*x**b2",
        "Misra1b": "b1 * (1-(1+b2*x/2)**(-2))",
        "Kirby2": "(b1 + b2*x + b3*x**2) / (1 + b4*x + b5*x**2)",
        "Hahn1": "(b1+b2*x+b3*x**2+b4*x**3) / (1+b5*x+b6*x**2+b7*x**3)",
        "Nelson": "b1 - b2*x1 * exp(-b3*x2)",
        "MGH17": "b1 + b2*exp(-x*b4) + b3*exp(-x*b5)",
        "Lanczos1": "b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)",
        "Lanczos2": "b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)",
        "Gauss3": "b1*exp(-b2*x) + b3*exp(-(x-b4)**2 / b5**2) + b6*exp(-(x-b7)**2 / b8**2)",
        "Misra1c": "b1 * (1-(1+2*b2*x)**(-.5))",
        "Misra1d": "b1*b2*x*((1+b2*x)**(-1))",
        "Roszman1": "b1 - b2*x - atan(b3/(x-b4))/pi",
        "ENSO": "b1 + b2*cos(2*pi*x/12) + b3*sin(2*pi*x/12) + b5*cos(2*pi*x/b4) + b6*sin(2*pi*x/b4) + b8*cos(2*pi*x/b7) + b9*sin(2*pi*x/b7)",
        "MGH09": "b1*(x**2+x*b2) / (x**2+x*b3+b4)",
        "Thurber": "(b1 + b2*x + b3*x**2 + b4*x**3) / (1 + b5*x + b6*x**2 + b7*x**3)",
        "BoxBOD": "b1*(1-exp(-b2*x))",
        "Rat42": "b1 / (1+exp(b2-b3*x))",
        "MGH10": "b1 * exp(b2/(x+b3))",
        "Eckerle4": "(b1/b2) * exp(-0.5*((x-b3)/b2)**2)",
        "Rat43": "b1 / ((1+exp(b2-b3*x))**(1/b4))",
        "Bennett5": "b1 * (b2+x)**(-1/b3)",
    ]

    /// The vendored copy, Tests/Fixtures/nist-strd (#filePath = <repo>/Tests/NumericsTests/…).
    static func suiteDirectory() -> URL? {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/nist-strd")
    }

    struct CaseResult {
        let name: String, start: Int
        let parameterLRE: Double, rssLRE: Double, seLRE: Double
        let converged: Bool, iterations: Int
    }

    static func fitCase(_ set: StRDDataset, start: Int) throws -> LeastSquaresResult {
        guard let text = formulas[set.name] else {
            throw StRDDataset.ReadError.malformed(set.name, "no formula for this problem in the test")
        }
        let variables = Array(set.columnNames.dropFirst())
        let formula = try Formula(text, variables: variables, parameterOrder: set.parameterNames)
        var y = set.columns[0]
        if set.name == "Nelson" { y = y.map { log($0) } }
        let residuals = try FormulaResiduals(program: formula.compiled(), columns: Array(set.columns.dropFirst()), response: y)
        return try LevenbergMarquardt.minimize(residuals, start: set.starts[start], parameterNames: formula.parameterNames)
    }

    func testAllProblemsFromBothStarts() throws {
        guard let dir = Self.suiteDirectory(),
              let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path).filter({ $0.hasSuffix(".dat") }).sorted(),
              !files.isEmpty else {
            // The data are committed; their absence is a broken checkout, never a skip.
            XCTFail("NIST StRD: no .dat files in \(Self.suiteDirectory()?.path ?? "?") (they are committed under Tests/Fixtures/nist-strd)")
            return
        }
        XCTAssertEqual(files.count, 27, "expected the 27 StRD nonlinear problems in \(dir.path)")
        var results: [CaseResult] = []
        print("NIST StRD nonlinear suite (LRE = correct significant digits; min over parameters / SEs)")
        print("problem     start  params   RSS     SEs   conv  iter")
        for file in files {
            let set = try StRDDataset(contentsOf: dir.appendingPathComponent(file))
            for start in 0..<2 {
                let fit: LeastSquaresResult
                do { fit = try Self.fitCase(set, start: start) } catch {
                    XCTFail("\(set.name) start \(start + 1): \(error)")
                    continue
                }
                let pLRE = zip(fit.parameters, set.certifiedValues).map { StRDDataset.lre($0, $1) }.min() ?? 0
                let sLRE = zip(fit.standardErrors, set.certifiedStandardErrors).map { StRDDataset.lre($0, $1) }.min() ?? 0
                let rLRE = StRDDataset.lre(fit.residualSumOfSquares, set.certifiedResidualSumOfSquares)
                let r = CaseResult(name: set.name, start: start + 1, parameterLRE: pLRE, rssLRE: rLRE, seLRE: sLRE,
                                   converged: fit.converged, iterations: fit.iterations)
                results.append(r)
                let label = set.name.padding(toLength: 11, withPad: " ", startingAt: 0)
                print(label + String(format: " %5d  %6.1f  %6.1f  %6.1f  ", r.start, pLRE, rLRE, sLRE)
                      + (r.converged ? "yes " : "NO  ") + String(format: " %4d", r.iterations))
                let exempt = set.name == "Lanczos1"
                XCTAssertGreaterThanOrEqual(pLRE, 6, "\(set.name) start \(start + 1): parameters LRE \(pLRE)")
                if !exempt {
                    XCTAssertGreaterThanOrEqual(rLRE, 6, "\(set.name) start \(start + 1): RSS LRE \(rLRE)")
                    XCTAssertGreaterThanOrEqual(sLRE, 4, "\(set.name) start \(start + 1): standard errors LRE \(sLRE)")
                }
            }
        }
        let passed = results.filter { $0.parameterLRE >= 6 && ($0.name == "Lanczos1" || ($0.rssLRE >= 6 && $0.seLRE >= 4)) }
        print("NIST StRD: \(passed.count) of \(results.count) cases meet the bar (params & RSS LRE ≥ 6, SEs ≥ 4)")
    }
}

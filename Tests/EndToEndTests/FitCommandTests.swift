import Foundation
import XCTest

/// `marketcast fit` through the built executable, the way an analyst or a script calls it:
/// a catalog fit of the published market size (checked against scipy), a formula fit of
/// NIST's Misra1a (checked against the certified values), `auto`, forecasts, a seeded
/// bootstrap, and every kind of bad input the issue names — each refused with a clear
/// message and exit status 1, never a crash.
final class FitCommandTests: XCTestCase {
    private var scratch: URL!
    /// The previous edition's vintage (2019–2024): six exact years, long enough for every curve.
    private let marketSize = "datasets/editions/2026Q3/china-ai-market-size.csv"

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    // MARK: Helpers

    /// Writes a CSV into the scratch folder and returns its absolute path.
    private func writeCSV(_ name: String, _ text: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// NIST StRD Misra1a (y = volume, x = pressure), the 14 observations as published.
    private func misra1a() throws -> String {
        let rows: [(Double, Double)] = [
            (10.07, 77.6), (14.73, 114.9), (17.94, 141.1), (23.93, 190.8), (29.61, 239.9), (35.18, 289.0),
            (40.02, 332.8), (44.82, 378.4), (50.76, 434.8), (55.05, 477.3), (61.01, 536.8), (66.40, 593.1),
            (75.47, 689.1), (81.78, 760.0),
        ]
        return try writeCSV("misra1a.csv", "pressure,volume\n" + rows.map { "\($0.1),\($0.0)\n" }.joined())
    }

    private func run(_ arguments: [String]) throws -> CommandRunner.Outcome {
        let outcome = try CommandRunner.run(["fit"] + arguments)
        XCTAssertFalse(outcome.stderr.contains("Fatal error") || outcome.stderr.contains("Stack dump"),
                       "fit \(arguments) crashed:\n\(outcome.stderr)")
        return outcome
    }

    /// The one JSON object `--json` printed; fails the test when stdout is not one.
    private func object(_ outcome: CommandRunner.Outcome, file: StaticString = #filePath,
                        line: UInt = #line) throws -> [String: Any] {
        let nonFinite = outcome.stdout.range(of: #"[:\[,]\s*-?(nan|NaN|inf|Infinity)\b"#, options: .regularExpression)
        XCTAssertNil(nonFinite, "JSON has no NaN or infinity:\n\(outcome.stdout)", file: file, line: line)
        let parsed = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
        return try XCTUnwrap(parsed as? [String: Any], "stdout is not one JSON object:\n\(outcome.stdout)",
                             file: file, line: line)
    }

    private func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    private func parameters(_ object: [String: Any]) throws -> [String: [String: Any]] {
        let list = try XCTUnwrap(object["parameters"] as? [[String: Any]])
        var byName: [String: [String: Any]] = [:]
        for entry in list { byName[try XCTUnwrap(entry["name"] as? String)] = entry }
        return byName
    }

    private func assertRelative(_ actual: Double?, _ expected: Double, _ tolerance: Double, _ what: String,
                                file: StaticString = #filePath, line: UInt = #line) {
        guard let actual else { return XCTFail("\(what) is missing", file: file, line: line) }
        XCTAssertLessThanOrEqual(abs(actual - expected) / abs(expected), tolerance,
                                 "\(what): \(actual), expected \(expected)", file: file, line: line)
    }

    /// A refusal: exit status 1, `expected` on stderr, and with --json an object that says
    /// `converged: false` and gives the reason.
    private func assertRefused(_ arguments: [String], _ expected: String, file: StaticString = #filePath,
                               line: UInt = #line) throws {
        let plain = try run(arguments)
        XCTAssertEqual(plain.status, 1, "\(arguments) should exit 1\n\(plain.stderr)", file: file, line: line)
        XCTAssertTrue(plain.stderr.contains(expected), "stderr should say \(expected):\n\(plain.stderr)",
                      file: file, line: line)
        let json = try run(arguments + ["--json"])
        XCTAssertEqual(json.status, 1, "\(arguments) --json should exit 1", file: file, line: line)
        let result = try object(json, file: file, line: line)
        XCTAssertEqual(result["converged"] as? Bool, false, file: file, line: line)
        let reason = try XCTUnwrap(result["reason"] as? String, file: file, line: line)
        XCTAssertFalse(reason.isEmpty, file: file, line: line)
        XCTAssertNotNil(result["model"] as? String, file: file, line: line)
    }

    // MARK: Fits

    func testCatalogFitOfTheMarketSizeMatchesScipyInTheTableAndTheJSON() throws {
        let arguments = ["--data", marketSize, "--y", "value", "--model", "exponential"]
        let table = try run(arguments)
        XCTAssertEqual(table.status, 0, table.stderr)
        for text in ["parameter", "estimate", "std. error", "95% CI lower", "residual sum of squares", "AICc", "BIC",
                     "degrees of freedom", "iterations", "converged                yes"] {
            XCTAssertTrue(table.stdout.contains(text), "the table shows \(text):\n\(table.stdout)")
        }
        // Estimates to 6 significant digits, as the table prints them (scipy gives the same).
        XCTAssertTrue(table.stdout.contains("2648.43"), table.stdout)
        XCTAssertTrue(table.stdout.contains("0.222268"), table.stdout)

        let json = try run(arguments + ["--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let result = try object(json)
        for key in ["model", "parameters", "residualSumOfSquares", "degreesOfFreedom", "converged", "iterations", "warnings"] {
            XCTAssertNotNil(result[key], "--json has \(key)")
        }
        XCTAssertEqual(result["model"] as? String, "exponential")
        XCTAssertEqual(result["converged"] as? Bool, true)
        XCTAssertEqual(number(result["degreesOfFreedom"]), 4)
        XCTAssertNotNil(result["warnings"] as? [String])
        XCTAssertGreaterThan(number(result["iterations"]) ?? 0, 0)
        // Oracle: scipy curve_fit of a·(1+g)^(x−2019), xtol = ftol = gtol = 1e-15; the t
        // quantile for the interval is t(0.975, 4) = 2.7764451.
        let p = try parameters(result)
        assertRelative(number(p["a"]?["value"]), 2648.4260979077, 1e-6, "a")
        assertRelative(number(p["g"]?["value"]), 0.22226773191129, 1e-6, "g")
        assertRelative(number(p["a"]?["standardError"]), 233.14642451263, 1e-4, "se(a)")
        assertRelative(number(p["g"]?["standardError"]), 0.027830578949968, 1e-4, "se(g)")
        assertRelative(number(p["a"]?["lower"]), 2001.10785, 1e-4, "lower(a)")
        assertRelative(number(p["g"]?["upper"]), 0.299537807, 1e-4, "upper(g)")
        assertRelative(number(result["residualSumOfSquares"]), 659448.91946707, 1e-8, "RSS")
    }

    /// Misra1a from NIST's first start vector; certified values from Misra1a.dat. Parameters
    /// and RSS to 6 significant digits (relative 1e-6), standard errors to 4 (1e-4): the
    /// issue's bar for the engine, here checked through the command line's JSON.
    func testFormulaFitOfNISTMisra1aFromTheCommandLineMatchesTheCertifiedValues() throws {
        let data = try misra1a()
        let arguments = ["--data", data, "--y", "volume", "--x", "pressure", "--model", "b1*(1-exp(-b2*pressure))",
                         "--start", "b1=500", "--start", "b2=0.0001"]
        let json = try run(arguments + ["--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let result = try object(json)
        XCTAssertEqual(result["converged"] as? Bool, true)
        XCTAssertEqual(number(result["degreesOfFreedom"]), 12)
        let p = try parameters(result)
        XCTAssertEqual(Set(p.keys), ["b1", "b2"])
        assertRelative(number(p["b1"]?["value"]), 2.3894212918E+02, 1e-6, "b1")
        assertRelative(number(p["b2"]?["value"]), 5.5015643181E-04, 1e-6, "b2")
        assertRelative(number(p["b1"]?["standardError"]), 2.7070075241E+00, 1e-4, "se(b1)")
        assertRelative(number(p["b2"]?["standardError"]), 7.2668688436E-06, 1e-4, "se(b2)")
        assertRelative(number(result["residualSumOfSquares"]), 1.2455138894E-01, 1e-6, "RSS")
        assertRelative(number(result["residualStandardDeviation"]), 1.0187876330E-01, 1e-6, "residual SD")

        let table = try run(arguments)
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("238.942"), table.stdout)
    }

    func testCurvesListsEveryCandidateWithItsCriteriaAndSaysWhichWasChosen() throws {
        let outcome = try run(["--data", marketSize, "--y", "value", "--model", "curves", "--json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let result = try object(outcome)
        let candidates = try XCTUnwrap(result["candidates"] as? [[String: Any]])
        let names = candidates.compactMap { $0["model"] as? String }
        XCTAssertEqual(names.count, candidates.count)
        for name in ["linear", "exponential", "logistic", "gompertz", "bass"] {
            XCTAssertTrue(names.contains(name), "auto considers \(name): \(names)")
        }
        for candidate in candidates {
            for key in ["residualSumOfSquares", "aicc", "bic", "backtestMAPE"] {
                // Present always; null only when the number does not exist for that model.
                XCTAssertTrue(candidate.keys.contains(key), "candidate \(candidate["model"] ?? "?") has \(key)")
            }
        }
        let chosen = try XCTUnwrap(result["model"] as? String)
        XCTAssertTrue(names.contains(chosen))
        XCTAssertFalse((result["selectionReason"] as? String ?? "").isEmpty)
        // The chosen model's own RSS is the one reported at the top level.
        let entry = try XCTUnwrap(candidates.first { $0["model"] as? String == chosen })
        XCTAssertEqual(number(entry["residualSumOfSquares"]), number(result["residualSumOfSquares"]))

        let table = try run(["--data", marketSize, "--y", "value", "--model", "curves"])
        XCTAssertTrue(table.stdout.contains("candidates"), table.stdout)
        XCTAssertTrue(table.stdout.contains("chosen: \(chosen)"), table.stdout)
    }

    func testHorizonForecastsEveryYearAfterTheDataWithItsInterval() throws {
        let outcome = try run(["--data", marketSize, "--y", "value", "--model", "exponential", "--horizon", "2027",
                               "--json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let forecast = try XCTUnwrap(try object(outcome)["forecast"] as? [[String: Any]])
        XCTAssertEqual(forecast.compactMap { number($0["x"]) }, [2025, 2026, 2027])
        for row in forecast {
            let value = try XCTUnwrap(number(row["value"]))
            let lower = try XCTUnwrap(number(row["lower"])), upper = try XCTUnwrap(number(row["upper"]))
            XCTAssertLessThan(lower, value)
            XCTAssertLessThan(value, upper)
        }
        // The curve's own value, a·(1+g)^8 with scipy's estimates.
        assertRelative(number(forecast.last?["value"]), 13192.242639154, 1e-6, "2027 forecast")

        let none = try run(["--data", marketSize, "--y", "value", "--model", "exponential", "--json"])
        XCTAssertNil(try object(none)["forecast"], "no --horizon, no forecast")
    }

    func testTheSameSeedGivesTheSameBootstrapBytesAndAnotherSeedOtherNumbers() throws {
        let arguments = ["--data", marketSize, "--y", "value", "--model", "exponential", "--horizon", "2026",
                         "--bootstrap", "300", "--json"]
        let first = try run(arguments + ["--seed", "42"])
        let second = try run(arguments + ["--seed", "42"])
        let other = try run(arguments + ["--seed", "43"])
        for outcome in [first, second, other] { XCTAssertEqual(outcome.status, 0, outcome.stderr) }
        XCTAssertEqual(first.stdout, second.stdout)
        XCTAssertNotEqual(first.stdout, other.stdout)
        let result = try object(first)
        let bootstrap = try XCTUnwrap(result["bootstrap"] as? [String: Any])
        XCTAssertEqual(number(bootstrap["resamples"]), 300)
        XCTAssertEqual(bootstrap["seed"] as? String, "42")
        let forecast = try XCTUnwrap(result["forecast"] as? [[String: Any]])
        for row in forecast {
            let lower = try XCTUnwrap(number(row["bootstrapLower"])), upper = try XCTUnwrap(number(row["bootstrapUpper"]))
            let value = try XCTUnwrap(number(row["value"]))
            XCTAssertLessThan(lower, upper)
            XCTAssertTrue(lower < value && value < upper, "the bootstrap band holds the curve: \(lower) \(value) \(upper)")
        }
        let a = try XCTUnwrap(try parameters(result)["a"])
        XCTAssertNotNil(number(a["bootstrapLower"]))
        XCTAssertNotNil(number(a["bootstrapUpper"]))
    }

    // MARK: Bad input

    func testAFormulaSyntaxErrorNamesTheColumn() throws {
        let data = try misra1a()
        let model = "b1*(1-exp(-b2*pressure)))"
        try assertRefused(["--data", data, "--y", "volume", "--x", "pressure", "--model", model,
                           "--start", "b1=500", "--start", "b2=0.0001"], "unexpected ')' at column 25")
        let json = try object(try run(["--data", data, "--y", "volume", "--model", model, "--json"]))
        XCTAssertEqual(number(json["column"]), 25)
    }

    func testAnUnknownFunctionIsNamedWithTheFunctionsThatExist() throws {
        try assertRefused(["--data", try misra1a(), "--y", "volume", "--model", "b1*(1-expp(-b2*pressure))",
                           "--start", "b1=500", "--start", "b2=0.0001"], "unknown function 'expp' at column 7")
    }

    func testAParameterWithoutAStartValueSaysWhichAndHow() throws {
        try assertRefused(["--data", try misra1a(), "--y", "volume", "--model", "b1*(1-exp(-b2*pressure))",
                           "--start", "b1=500"], "parameter 'b2' of the formula has no start value; give --start b2=VALUE")
    }

    func testAMisspeltColumnInAFormulaIsSuggested() throws {
        try assertRefused(["--data", try misra1a(), "--y", "volume", "--model", "b1*(1-exp(-b2*presure))",
                           "--start", "b1=500", "--start", "b2=0.0001"], "did you mean \"pressure\"?")
    }

    func testAColumnThatDoesNotExistIsRefusedWithDidYouMean() throws {
        let data = try misra1a()
        try assertRefused(["--data", data, "--y", "volme", "--x", "pressure", "--model", "exponential"],
                          "--y names column \"volme\", which is not in the header")
        let outcome = try run(["--data", data, "--y", "volme", "--x", "pressure", "--model", "exponential"])
        XCTAssertTrue(outcome.stderr.contains("misra1a.csv:1: error:"), "names the file and the header line:\n\(outcome.stderr)")
        XCTAssertTrue(outcome.stderr.contains("hint: did you mean \"volume\"?"), outcome.stderr)
        try assertRefused(["--data", data, "--y", "volume", "--x", "pressur", "--model", "exponential"],
                          "did you mean \"pressure\"?")
    }

    func testAMisspeltCatalogNameIsSuggestedNotTakenForAParameter() throws {
        // A usage error (exit 64) before any file is read, with or without --json.
        for extra in [[], ["--json"]] {
            let outcome = try run(["--data", marketSize, "--y", "value", "--model", "logisitc"] + extra)
            XCTAssertEqual(outcome.status, 64, outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("unknown model `logisitc`; did you mean `logistic`?"), outcome.stderr)
        }
        // Catalog names are matched in any case.
        XCTAssertEqual(try run(["--data", marketSize, "--y", "value", "--model", "Exponential"]).status, 0)
    }

    func testFewerPointsThanParametersIsRefused() throws {
        let data = try writeCSV("three.csv", "year,value\n2020,1\n2021,2\n2022,4\n")
        try assertRefused(["--data", data, "--y", "value", "--model", "a+b*year+c*year^2+d*year^3",
                           "--start", "a=1", "--start", "b=1", "--start", "c=1", "--start", "d=1"],
                          "3 data points cannot determine 4 parameters")
        try assertRefused(["--data", data, "--y", "value", "--model", "richards"], "only 3 data points")
    }

    /// sqrt(a) has an infinite derivative at a = 0, so the solver stops without meeting a
    /// convergence test: the full report is still printed, says so, and the exit is 1.
    func testAFitThatDoesNotConvergeSaysWhyAndExitsNonZero() throws {
        let data = try writeCSV("flat.csv", "x,y\n1,1\n2,1.1\n3,0.9\n4,1\n")
        let arguments = ["--data", data, "--y", "y", "--x", "x", "--model", "sqrt(a)*x", "--start", "a=0"]
        try assertRefused(arguments, "error: the fit did not converge")
        let result = try object(try run(arguments + ["--json"]))
        XCTAssertTrue((result["reason"] as? String ?? "").contains("did not converge"), "\(result)")
        // The report is complete; the standard error that does not exist is null, not NaN.
        let a = try XCTUnwrap(try parameters(result)["a"])
        XCTAssertTrue(a.keys.contains("standardError"))
        XCTAssertTrue(a["standardError"] is NSNull, "\(a)")
    }

    func testASingularJacobianIsRefused() throws {
        // a and b only ever appear as their product: the data cannot separate them.
        try assertRefused(["--data", try misra1a(), "--y", "volume", "--x", "pressure", "--model", "a*b*pressure",
                           "--start", "a=1", "--start", "b=1"], "the Jacobian is singular")
    }

    func testAMissingDataFileIsRefused() throws {
        let missing = scratch.appendingPathComponent("nowhere.csv").path
        try assertRefused(["--data", missing, "--y", "value", "--model", "exponential"],
                          "\(missing): error: the data file does not exist")
    }
}

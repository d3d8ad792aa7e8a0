import Foundation
import XCTest

/// `marketcast forecast` as a user runs it: a long CSV in, one row per series and forecast
/// year out, a per-series error for what cannot be forecast, the same bytes for any thread
/// count, and usage errors with ArgumentParser's exit status 64.
final class ForecastCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-forecast-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private var m1: String { CommandRunner.packageRoot.appendingPathComponent("reference/m1-yearly/train.csv").path }

    private func run(_ arguments: [String]) throws -> CommandRunner.Outcome {
        try CommandRunner.run(["forecast"] + arguments)
    }

    func testEveryM1SeriesIsForecastWithTheSameBytesForAnyThreadCount() throws {
        let one = try run([m1, "--horizon", "6", "--threads", "1", "--quiet"])
        XCTAssertEqual(one.status, 0, one.stderr)
        let two = try run([m1, "--horizon", "6", "--threads", "2", "--quiet"])
        XCTAssertEqual(one.stdout, two.stdout)
        let lines = one.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "series,year,value,lower,upper,model")
        XCTAssertEqual(lines.count, 1 + 181 * 6)
        XCTAssertTrue(lines[1].hasPrefix("YAF2,1994,"), String(lines[1]))
        XCTAssertTrue(lines[1].hasSuffix(",\"combination(naive,ses,drift,damped,drift-log,theta-log)\""), String(lines[1]))

        // M1's years are the competition's own (some series end in 1903, one in year 44),
        // so --to 2010 suits the series ending 1970–2009 and refuses the others by name.
        let out = folder.appendingPathComponent("forecasts.csv").path
        let written = try run([m1, "--to", "2010", "--model", "drift", "--out", out, "--quiet"])
        XCTAssertEqual(written.status, 1)
        XCTAssertEqual(written.stdout, "")
        XCTAssertTrue(written.stderr.contains("series YAB6: error: forecasting 1966 years past 44 is beyond"), written.stderr)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(text.contains("\nYAF2,2010,"))
        XCTAssertFalse(text.contains("\nYAF2,2011,"))
    }

    /// Through the command: every yearly method, and the curves with the most parameters to
    /// go wrong (logistic, richards). Every catalog curve already meets every M1 series
    /// in-process (CatalogRobustnessTests), so the command's error path needs only these two;
    /// the five others took two thirds of this test's minute.
    func testEveryYearlyModelAndTheHardestCurvesRunOnEveryM1SeriesWithoutATrap() throws {
        for model in ["naive", "drift", "ses", "theta", "damped", "drift-log", "theta-log", "damped-log",
                      "logistic", "richards"] {
            let outcome = try run([m1, "--horizon", "6", "--model", model, "--quiet"])
            // Exit 0, or 1 with a clear per-series error for each series that failed; never a signal.
            XCTAssertTrue(outcome.status == 0 || outcome.status == 1, "\(model): status \(outcome.status)\n\(outcome.stderr)")
            for line in outcome.stderr.split(separator: "\n") where !line.hasPrefix("  hint:") {
                XCTAssertTrue(line.contains(": series ") && line.contains(": error: "), "\(model): \(line)")
            }
            let failed = Set(outcome.stderr.split(separator: "\n").compactMap { line -> Substring? in
                guard let range = line.range(of: ": series ") else { return nil }
                return line[range.upperBound...].split(separator: ":").first
            })
            let forecast = Set(outcome.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] })
            XCTAssertEqual(forecast.count + failed.count, 181, model)
        }
    }

    func testASeriesThatCannotBeForecastIsReportedAndTheOthersWritten() throws {
        let file = folder.appendingPathComponent("long.csv")
        try """
        series,year,value
        good,2018,100
        good,2019,120
        good,2020,150
        bad,2019,5
        bad,2019,6
        short,2020,7
        words,2019,abc
        good,2021,170
        gap,2016,10
        gap,2019,40
        """.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try run([file.path, "--horizon", "2", "--quiet"])
        XCTAssertEqual(outcome.status, 1)
        // A problem of the file is located at its cell, with the series named once in the message.
        XCTAssertTrue(outcome.stderr.contains("long.csv:6:5: error: series \"bad\" has year 2019 twice"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("long.csv: series short: error: auto needs at least 2"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("long.csv:8:"), "the bad cell's line: \(outcome.stderr)")
        let rows = outcome.stdout.split(separator: "\n")
        XCTAssertEqual(rows.filter { $0.hasPrefix("good,") }.map { $0.split(separator: ",")[1] }, ["2022", "2023"])
        XCTAssertEqual(rows.filter { $0.hasPrefix("gap,") }.count, 2, "a gap is filled for the fit, with a warning")
        let loud = try run([file.path, "--horizon", "2"])
        XCTAssertTrue(loud.stderr.contains("series gap: warning: years 2017–2018 are missing"), loud.stderr)
    }

    /// --out names a pipe or a device (/dev/null, /dev/stdout): the CSV is written into it,
    /// never renamed over it (as root that would replace the device with a file).
    func testOutputIntoAPipeLeavesThePipeAPipe() throws {
        let fifo = folder.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let received = Pipe()
        reader.standardOutput = received
        try reader.run()
        let outcome = try run([m1, "--horizon", "2", "--out", fifo, "--quiet"])
        let text = String(decoding: received.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(text.hasPrefix("series,year,value,lower,upper,model\n"))
        var status = stat()
        XCTAssertEqual(stat(fifo, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO, "still a pipe")
    }

    func testUsageErrorsExitWith64() throws {
        for arguments in [[m1], [m1, "--horizon", "3", "--to", "2030"], [m1, "--horizon", "0"],
                          [m1, "--horizon", "3", "--model", "dampd"], [m1, "--horizon", "3", "--level", "1.2"]] {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 64, "\(arguments): \(outcome.stderr)")
        }
        let guess = try run([m1, "--horizon", "3", "--model", "dampd"])
        XCTAssertTrue(guess.stderr.contains("did you mean `damped`"), guess.stderr)
        let missing = try run([folder.appendingPathComponent("nope.csv").path, "--horizon", "3"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("nope.csv"), missing.stderr)
    }

    /// `--bounds 0,100`: a share's forecast and interval stay inside 0…100, the warning says
    /// where they met the bound, and a history outside the bounds is that series' error.
    func testBoundsHoldAShareInsideZeroToHundred() throws {
        let csv = folder.appendingPathComponent("shares.csv")
        try """
        series,year,value
        share,2019,40
        share,2020,50
        share,2021,60
        share,2022,70
        share,2023,80
        share,2024,90
        wrong,2023,98
        wrong,2024,101
        """.write(to: csv, atomically: true, encoding: .utf8)
        let outcome = try run([csv.path, "--horizon", "4", "--bounds", "0,100"])
        XCTAssertEqual(outcome.status, 1, "one series is outside its bounds")
        let rows = outcome.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        XCTAssertEqual(rows.count, 4)
        for row in rows {
            for cell in row[2...4] { XCTAssertTrue((0...100).contains(Double(cell) ?? -1), "\(row)") }
        }
        XCTAssertTrue(outcome.stderr.contains("series share: warning: the forecast meets the declared bounds 0–100 from 2025"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("series wrong: error: the 2024 value 101 lies outside the declared bounds 0–100"), outcome.stderr)
        let unbounded = try run([csv.path, "--horizon", "4", "--quiet"])
        XCTAssertTrue(unbounded.stdout.split(separator: "\n").contains { $0.hasPrefix("share,") && (Double($0.split(separator: ",")[4]) ?? 0) > 100 },
                      "without --bounds the upper end runs past 100")
        for bad in ["100,0", "x,1", "5"] {
            let refused = try run([csv.path, "--horizon", "4", "--bounds", bad])
            XCTAssertEqual(refused.status, 64, bad)
            XCTAssertTrue(refused.stderr.contains("--bounds"), refused.stderr)
        }
    }

    func testFitAutoExplainsTheCombination() throws {
        // The previous edition's six years: enough for the damped members (five or more).
        let data = CommandRunner.packageRoot.appendingPathComponent("datasets/editions/2026Q3/china-ai-market-size.csv").path
        let outcome = try CommandRunner.run(["fit", "--data", data, "--y", "value", "--model", "auto",
                                             "--horizon", "2027", "--json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["label"] as? String, "combination(drift,damped,drift-log,theta-log)")
        let pool = try XCTUnwrap(object["pool"] as? [[String: Any]])
        // Six years of steady growth: the members without trend (naive, ses) leave the pool.
        XCTAssertEqual(pool.compactMap { $0["method"] as? String }, ["drift", "damped", "drift-log", "theta-log"])
        for h in 0..<3 {
            let weights = pool.compactMap { ($0["weights"] as? [Double])?[h] }
            XCTAssertEqual(weights.reduce(0, +), 1, accuracy: 1e-12)
        }
        let interval = try XCTUnwrap(object["interval"] as? [String: Any])
        XCTAssertTrue((interval["method"] as? String ?? "").contains("out-of-sample"))
        let forecast = try XCTUnwrap(object["forecast"] as? [[String: Any]])
        XCTAssertEqual(forecast.compactMap { $0["x"] as? Double }, [2025, 2026, 2027])
        let bootstrap = try CommandRunner.run(["fit", "--data", data, "--y", "value", "--model", "auto", "--bootstrap", "10"])
        XCTAssertEqual(bootstrap.status, 1)
        XCTAssertTrue(bootstrap.stderr.contains("--bootstrap does not apply"), bootstrap.stderr)
    }
}

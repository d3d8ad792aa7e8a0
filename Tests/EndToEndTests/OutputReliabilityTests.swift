import Foundation
import XCTest

/// What no input, path or broken stream may do to a user (issue "Never lose a byte"): lose a
/// file marketcast did not write, trap, or exit 0 with its output lost. Each case builds its
/// own small fixture in a scratch folder and runs the command the way a user would.
final class OutputReliabilityTests: XCTestCase {
    private var scratch: URL!
    private let files = FileManager.default

    override func setUpWithError() throws {
        scratch = files.temporaryDirectory.appendingPathComponent("marketcast-reliability-\(UUID().uuidString)")
        try files.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? files.removeItem(at: scratch)
    }

    private func write(_ text: String, to relative: String) throws {
        let url = scratch.appendingPathComponent(relative)
        try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func listing(_ relative: String) -> [String] {
        ((try? files.contentsOfDirectory(atPath: scratch.appendingPathComponent(relative).path)) ?? []).sorted()
    }

    private static let marketSeries = """
        year,value,unit,status,source
        2019,100,亿元,actual,Test
        2020,120,亿元,actual,Test
        2021,150,亿元,actual,Test
        2022,170,亿元,actual,Test
        2023,200,亿元,actual,Test

        """

    private static let longSeries = """
        series,year,value
        a,2018,1
        a,2019,2
        a,2020,3
        a,2021,4

        """

    private let quickBatch = ["--formats", "png", "--scale", "0.25", "--model", "exponential", "--quiet"]

    // MARK: - Output that knows its own

    /// `batch verticals --out .` would publish into ./verticals, the input folder itself.
    func testBatchRefusesToReplaceItsInputFolder() throws {
        try write(Self.marketSeries, to: "verticals/a.csv")
        try write(Self.marketSeries, to: "verticals/b.csv")
        let outcome = try CommandRunner.run(["batch", "verticals", "--out", "."] + quickBatch, in: scratch)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("holds the input"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("hint:"), outcome.stderr)
        XCTAssertEqual(listing("verticals"), ["a.csv", "b.csv"], "the inputs are untouched")
        XCTAssertEqual(listing(""), ["verticals"], "nothing was staged beside them")

        let inside = try CommandRunner.run(["batch", "verticals", "--out", "verticals", "--force"] + quickBatch, in: scratch)
        XCTAssertEqual(inside.status, 1, "--force does not let an output into its input folder")
        XCTAssertTrue(inside.stderr.contains("inside the input folder"), inside.stderr)
        XCTAssertEqual(listing("verticals"), ["a.csv", "b.csv"])
    }

    /// `run --config 2026Q4/report.yaml --out .` would replace the folder holding the config.
    func testRunRefusesToReplaceTheFolderOfItsConfig() throws {
        let project = scratch.appendingPathComponent("2026Q4")
        try files.createDirectory(at: project, withIntermediateDirectories: true)
        for name in ["report.yaml", "datasets", "scenarios", "themes", "published", "commentary"] {
            try files.copyItem(at: CommandRunner.packageRoot.appendingPathComponent(name),
                               to: project.appendingPathComponent(name))
        }
        let before = try files.subpathsOfDirectory(atPath: project.path).sorted()
        let outcome = try CommandRunner.run(["run", "--config", "2026Q4/report.yaml", "--out", ".", "--quiet"], in: scratch)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("holds the input 2026Q4/report.yaml"), outcome.stderr)
        XCTAssertEqual(try files.subpathsOfDirectory(atPath: project.path).sorted(), before)
    }

    /// A folder marketcast did not write is refused without --force; with it, it is replaced;
    /// a folder marketcast wrote is replaced without asking.
    func testOnlyItsOwnFoldersAreReplaced() throws {
        try write(Self.marketSeries, to: "verticals/a.csv")
        try write("the analyst's notes", to: "out/verticals/notes.txt")
        let refused = try CommandRunner.run(["batch", "verticals", "--out", "out"] + quickBatch, in: scratch)
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("was not written by marketcast"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--force"), refused.stderr)
        XCTAssertEqual(listing("out/verticals"), ["notes.txt"])

        try write("not a folder", to: "out2/verticals")
        let file = try CommandRunner.run(["batch", "verticals", "--out", "out2"] + quickBatch, in: scratch)
        XCTAssertEqual(file.status, 1, file.stderr)
        XCTAssertEqual(try String(contentsOf: scratch.appendingPathComponent("out2/verticals"), encoding: .utf8), "not a folder")

        let forced = try CommandRunner.run(["batch", "verticals", "--out", "out", "--force"] + quickBatch, in: scratch)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(listing("out/verticals").contains("manifest.json"))
        let again = try CommandRunner.run(["batch", "verticals", "--out", "out"] + quickBatch, in: scratch)
        XCTAssertEqual(again.status, 0, "its own earlier output is replaced: \(again.stderr)")
        XCTAssertEqual(listing("out"), ["verticals"], "no staging or previous folder is left")
    }

    // MARK: - Batch isolates every entry

    func testOddEntriesAreSkippedWithAWordAndTheRestIsWritten() throws {
        try write(Self.marketSeries, to: "verticals/a.csv")
        try write(Self.marketSeries, to: "verticals/.hidden.csv")
        try files.createDirectory(at: scratch.appendingPathComponent("verticals/folder.csv"), withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(scratch.appendingPathComponent("verticals/pipe.csv").path, 0o644), 0)
        let outcome = try CommandRunner.run(["batch", "verticals", "--out", "out", "--formats", "png", "--scale", "0.25",
                                             "--model", "exponential"], in: scratch)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains(".hidden.csv: warning: skipped: a hidden file"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("folder.csv: warning: skipped: a folder"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("pipe.csv: warning: skipped: a named pipe"), outcome.stderr)
        XCTAssertTrue(listing("out/verticals/charts").contains("a.png"))
    }

    // MARK: - Every write checked

    /// Standard output on a full device: exit 74 with a message, never a trap.
    func testAFullStandardOutputIsAnErrorNotATrap() throws {
        guard files.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full on this system") }
        try write(Self.longSeries, to: "good.csv")
        for arguments in [["forecast", "good.csv", "--horizon", "2"], ["--help"], ["check", "--config", "missing.yaml"]] {
            let outcome = try run(arguments, stdout: "/dev/full")
            XCTAssertFalse(outcome.signalled, "\(arguments) trapped")
            XCTAssertNotEqual(outcome.status, 0, "\(arguments) exited 0 with its output lost")
        }
        let forecast = try run(["forecast", "good.csv", "--horizon", "2"], stdout: "/dev/full")
        XCTAssertEqual(forecast.status, 74)
        XCTAssertTrue(forecast.stderr.contains("standard output could not be written"), forecast.stderr)
        let errors = try run(["forecast", "good.csv", "--horizon", "2"], stderr: "/dev/full")
        XCTAssertFalse(errors.signalled)
        XCTAssertEqual(errors.status, 74, "a failed write of standard error is an error too")
    }

    private func run(_ arguments: [String], stdout: String? = nil, stderr: String? = nil) throws -> CommandRunner.Outcome {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = scratch
        let errPipe = Pipe()
        process.standardOutput = stdout.flatMap { FileHandle(forWritingAtPath: $0) } ?? Pipe()
        process.standardError = stderr.flatMap { FileHandle(forWritingAtPath: $0) } ?? errPipe
        try process.run()
        let errData = stderr == nil ? errPipe.fileHandleForReading.readDataToEndOfFile() : Data()
        if stdout == nil, let pipe = process.standardOutput as? Pipe { _ = pipe.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        return CommandRunner.Outcome(status: process.terminationStatus, stdout: "",
                                     stderr: String(decoding: errData, as: UTF8.self),
                                     signalled: process.terminationReason == .uncaughtSignal)
    }

    // MARK: - forecast --out

    func testForecastOutNeverReplacesItsInputOrAGoodFileWithNothing() throws {
        try write(Self.longSeries, to: "in.csv")
        let same = try CommandRunner.run(["forecast", "in.csv", "--horizon", "2", "--out", "in.csv"], in: scratch)
        XCTAssertEqual(same.status, 1, same.stderr)
        XCTAssertTrue(same.stderr.contains("--out names the file being read"), same.stderr)
        XCTAssertEqual(try String(contentsOf: scratch.appendingPathComponent("in.csv"), encoding: .utf8), Self.longSeries)

        let good = try CommandRunner.run(["forecast", "in.csv", "--horizon", "2", "--out", "f.csv"], in: scratch)
        XCTAssertEqual(good.status, 0, good.stderr)
        let written = try String(contentsOf: scratch.appendingPathComponent("f.csv"), encoding: .utf8)
        try write("series,year,value\na,2018,not-a-number\n", to: "bad.csv")
        let bad = try CommandRunner.run(["forecast", "bad.csv", "--horizon", "2", "--out", "f.csv"], in: scratch)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("bad.csv:2:8: error: series a:"), "one prefix, at the cell: \(bad.stderr)")
        XCTAssertFalse(bad.stderr.contains("error: bad.csv"), "no doubled prefix: \(bad.stderr)")
        XCTAssertEqual(try String(contentsOf: scratch.appendingPathComponent("f.csv"), encoding: .utf8), written,
                       "the earlier good file is kept")
    }

    /// A killed writer's temporary file is cleared by the next write of the same file.
    func testAKilledForecastsTemporaryFileIsCleanedUp() throws {
        try write(Self.longSeries, to: "in.csv")
        let dead = try deadProcessID()
        try write("half", to: ".f.csv.partial-\(dead)")
        let outcome = try CommandRunner.run(["forecast", "in.csv", "--horizon", "2", "--out", "f.csv"], in: scratch)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(listing(""), ["f.csv", "in.csv"])
    }

    private func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    // MARK: - Options and edges of the statistics

    func testForecastEdges() throws {
        try write(Self.longSeries, to: "in.csv")
        let sameColumn = try CommandRunner.run(["forecast", "in.csv", "--horizon", "2", "--x", "value"], in: scratch)
        XCTAssertEqual(sameColumn.status, 64, sameColumn.stderr)
        XCTAssertTrue(sameColumn.stderr.contains("--x and --y both name the column"), sameColumn.stderr)

        try write("series,year,value\na,2018,1\na,2019,2\na,2030,3\na,9031,4\n", to: "gap.csv")
        let gap = try CommandRunner.run(["forecast", "gap.csv", "--horizon", "2"], in: scratch)
        XCTAssertEqual(gap.status, 1)
        XCTAssertTrue(gap.stderr.contains("no value between 2030 and 9031"), gap.stderr)
        XCTAssertLessThan(gap.stderr.utf8.count, 2_000, "one short error, not a list of 7,000 filled years")

        try write("series,year,value\na,2016,1\na,2019,2\na,2020,3\na,2021,4\na,2022,5\n", to: "holes.csv")
        let holes = try CommandRunner.run(["forecast", "holes.csv", "--horizon", "2"], in: scratch)
        XCTAssertEqual(holes.status, 0, holes.stderr)
        XCTAssertTrue(holes.stderr.contains("years 2017–2018 are missing"), holes.stderr)

        try write("series,year,value\na,9990,1\na,9991,2\na,9992,3\n", to: "late.csv")
        let late = try CommandRunner.run(["forecast", "late.csv", "--horizon", "20"], in: scratch)
        XCTAssertEqual(late.status, 1)
        XCTAssertTrue(late.stderr.contains("beyond the last calendar year"), late.stderr)
        XCTAssertFalse(late.stdout.contains("10000"), "no year past 9999 is written")

        // --quiet prints errors only, as its help says and as for run and batch.
        let quiet = try CommandRunner.run(["forecast", "holes.csv", "--horizon", "2", "--quiet"], in: scratch)
        XCTAssertEqual(quiet.stderr, "")
        let help = try CommandRunner.run(["forecast", "--help"], in: scratch)
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(words.contains("no progress and no warnings"), help.stdout)
    }

    func testAFIFOIsNamedAsSuch() throws {
        XCTAssertEqual(mkfifo(scratch.appendingPathComponent("pipe.csv").path, 0o644), 0)
        let outcome = try CommandRunner.run(["forecast", "pipe.csv", "--horizon", "2"], in: scratch)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("named pipe"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("permissions"), outcome.stderr)
    }

    /// `diff` into a full standard output exits non-zero.
    func testDiffIntoAFullStandardOutputFails() throws {
        guard files.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full on this system") }
        let outcome = try run(["diff", "nowhere-old", "nowhere-new"], stdout: "/dev/full")
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertFalse(outcome.signalled)
    }

    /// At any level, down to 1%, every row's point lies inside its own interval (issue 23 §9).
    func testThePointLiesInsideItsIntervalAtEveryLevel() throws {
        let m1 = CommandRunner.packageRoot.appendingPathComponent("reference/m1-yearly/train.csv").path
        for level in ["0.01", "0.1", "0.5", "0.95"] {
            for model in ["auto", "drift", "damped", "exponential"] {
                let outcome = try CommandRunner.run(["forecast", m1, "--horizon", "6", "--level", level, "--model", model, "--quiet"],
                                                    in: scratch)
                let rows = outcome.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
                XCTAssertGreaterThan(rows.count, 100, "\(model) at \(level): \(outcome.stderr.prefix(300))")
                let outside = rows.filter { row in
                    guard row.count >= 5, let value = Double(row[2]), let lower = Double(row[3]), let upper = Double(row[4]) else { return true }
                    return !(lower <= value && value <= upper)
                }
                XCTAssertEqual(outside.count, 0, "\(model) at \(level): \(outside.prefix(2))")
            }
        }
    }
}

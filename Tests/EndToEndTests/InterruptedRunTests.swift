import Foundation
import XCTest

/// A run stopped half-way (Ctrl-C, a scheduler's TERM, a kill) leaves the previous output
/// exactly as it was, and no staging folder once the next run has started.
final class InterruptedRunTests: XCTestCase {
    private var scratch: URL!
    /// Enough series that an all-format batch is still running when the signal arrives.
    static let seriesCount = 40

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-interrupt-\(UUID().uuidString)")
        let series = scratch.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: series, withIntermediateDirectories: true)
        let source = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("datasets/editions/2026Q3/china-ai-market-size.csv"),
                                encoding: .utf8)
        for index in 0..<Self.seriesCount {
            try source.write(to: series.appendingPathComponent(String(format: "s%03d.csv", index)), atomically: true, encoding: .utf8)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func previousOutput() throws -> [String: Data] {
        let folder = scratch.appendingPathComponent("out/many")
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    /// Starts a batch over the series, waits until it has written files into its
    /// staging folder, then sends `signalNumber`; returns the exit status.
    private func interruptedBatch(_ signalNumber: Int32) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["batch", "many", "--out", "out", "--formats", "png,svg,pdf", "--model", "exponential", "--quiet"]
        process.currentDirectoryURL = scratch
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let out = scratch.appendingPathComponent("out")
        var sawStagedFiles = false
        for _ in 0..<600 where process.isRunning {
            let staging = ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter { $0.contains(".partial-") }
            if let name = staging.first,
               let charts = try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("\(name)/charts").path),
               charts.count > 3 {
                sawStagedFiles = true
                break
            }
            usleep(10_000)
        }
        guard sawStagedFiles, process.isRunning else {
            process.waitUntilExit()
            throw XCTSkip("the batch finished before it could be interrupted on this machine")
        }
        kill(process.processIdentifier, signalNumber)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    func testInterruptedBatchLeavesThePreviousOutputAndNoStagingFolder() throws {
        let quickBatch = ["batch", "many", "--out", "out", "--formats", "png", "--scale", "0.25", "--model", "exponential", "--quiet"]
        let first = try CommandRunner.run(quickBatch, in: scratch)
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try previousOutput()
        XCTAssertEqual(before.keys.filter { $0.hasSuffix(".png") }.count, Self.seriesCount)

        for signalNumber in [SIGINT, SIGTERM] {
            let (status, message) = try interruptedBatch(signalNumber)
            XCTAssertEqual(status, 128 + signalNumber, "exit status after signal \(signalNumber)")
            XCTAssertTrue(message.contains("nothing was published, the previous output is untouched"), message)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("out").path), ["many"],
                           "no staging folder after signal \(signalNumber)")
            XCTAssertEqual(try previousOutput(), before, "the previous output is untouched after signal \(signalNumber)")
        }

        // A kill cannot be caught: the staging folder stays until the next run clears it.
        _ = try interruptedBatch(SIGKILL)
        XCTAssertEqual(try previousOutput(), before)
        let next = try CommandRunner.run(quickBatch, in: scratch)
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("out").path), ["many"])
    }
}

import Foundation
import MarketData
import XCTest
@testable import Report

/// Seeded random-input tests for the config loader (the in-suite stand-in for a fuzzer):
/// random YAML-ish text and random edits of a valid report.yaml either load, or give
/// input errors that name the config (or a file it names) with a line inside the file.
/// Nothing traps. Fixed seeds keep every failure reproducible.
final class ConfigRandomInputTests: XCTestCase {
    /// SplitMix64, as in the CSV tests: the same sequence on every platform.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private var folder: URL!
    private let valid = """
        quarter: 2026Q4
        horizon: 2027
        language: zh
        level: 0.95
        document:
          title: 报告
          author: marketcast
          date: 2026-11-29
        series:
          - id: s
            data: data.csv
            title: 中国AI市场规模
            model: exponential
            chart: market-size
            chart_id: market-size

        """

    private let pieces = ["quarter", "horizon", "language", "level", "document", "series", "id", "data",
                          "model", "chart", "chart_id", "title", ":", ": ", "\n", "\n  ", "\n    ", "- ", "  ",
                          "\t", "2026Q4", "2027", "-1", "1e999", "0.95", "nan", ".inf", "zh", "en", "data.csv",
                          "missing.csv", "auto", "logistic", "[", "]", "{", "}", ",", "\"", "'", "#", "&a", "*a",
                          "!!int", "|", ">", "~", "null", "中文", "\u{FEFF}", "%YAML 1.2", "---", "..."]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-configfuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "year,value,unit,status,source\n2020,1,亿元,actual,x\n2021,2,亿元,actual,x\n2022,3,亿元,actual,x\n"
            .write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Checks `text` as report.yaml both ways a command reads it: collecting (check) and
    /// throwing (run); both must agree on whether it is valid, and every error must point
    /// into a file the config names, within its lines.
    private func assertHandled(_ text: String, context: String) throws {
        let path = folder.appendingPathComponent("report.yaml")
        try Data(text.utf8).write(to: path)
        let report = RunValidation.check(configPath: path.path)
        var loadError: Error?
        do { _ = try ReportConfig.load(path: path.path) } catch { loadError = error }
        if let loadError {
            XCTAssertFalse(report.problems.isEmpty, "load failed but check found nothing: \(context)")
            XCTAssertNotNil(InputErrors(flattening: loadError), "not an input error: \(loadError) for \(context)")
        }
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        for problem in report.problems {
            XCTAssertFalse(problem.message.isEmpty, context)
            if problem.location.file == path.path, let line = problem.location.line {
                XCTAssertTrue((1...max(lineCount, 1) + 1).contains(line), "line \(line) outside the file: \(context)")
            }
        }
    }

    func testRandomTextNeverTraps() throws {
        var generator = SeededGenerator(state: 42)
        for iteration in 0..<600 {
            let count = Int.random(in: 0...40, using: &generator)
            let text = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            try assertHandled(text, context: "iteration \(iteration): \(text.debugDescription)")
        }
    }

    func testRandomEditsOfAValidConfigNeverTrap() throws {
        var generator = SeededGenerator(state: 7)
        var stillValid = 0
        for iteration in 0..<600 {
            var characters = Array(valid)
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let at = Int.random(in: 0..<characters.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: characters.remove(at: at)
                case 1: characters.insert(contentsOf: Array(pieces[Int.random(in: 0..<pieces.count, using: &generator)]), at: at)
                default: characters[at] = characters[Int.random(in: 0..<characters.count, using: &generator)]
                }
            }
            let text = String(characters)
            try assertHandled(text, context: "iteration \(iteration): \(text.debugDescription)")
            if RunValidation.check(configPath: folder.appendingPathComponent("report.yaml").path).isValid { stillValid += 1 }
        }
        // Edits inside titles and comments keep the config valid: both outcomes are exercised.
        XCTAssertGreaterThan(stillValid, 10)
        XCTAssertLessThan(stillValid, 560)
    }
}

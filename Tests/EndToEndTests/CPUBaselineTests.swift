import Foundation
import XCTest

/// The default build runs on any CPU. The opt-in build (MARKETCAST_CPU=haswell, Numerics
/// compiled for AVX2 and FMA) must give an older CPU a message and a non-zero status, not an
/// illegal-instruction crash. The executable reads the CPU flags from the file
/// MARKETCAST_CPUINFO names, so a fixture plays the older CPU; which build this is comes
/// from the same variable the build read.
final class CPUBaselineTests: XCTestCase {
    private func cpuinfo(flags: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("marketcast-cpuinfo-\(UUID().uuidString)")
        let text = "processor\t: 0\nmodel name\t: test CPU\nflags\t\t: \(flags)\n\nprocessor\t: 1\nflags\t\t: \(flags)\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testACPUWithoutAVX2AndFMAGetsAMessageAndExitStatus1InTheHaswellBuildOnly() throws {
        #if arch(x86_64) && os(Linux)
        let old = try cpuinfo(flags: "fpu sse sse2 ssse3 sse4_1 sse4_2 popcnt avx")
        let outcome = try CommandRunner.run(["fit", "--help"], environment: ["MARKETCAST_CPUINFO": old.path])
        guard ProcessInfo.processInfo.environment["MARKETCAST_CPU"] == "haswell" else {
            // The portable build never refuses a CPU.
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertTrue(outcome.stdout.contains("--model"))
            return
        }
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("this CPU lacks avx2, fma, bmi1, bmi2, f16c, movbe, abm"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("hint:"), outcome.stderr)
        XCTAssertEqual(outcome.stdout, "")
        #else
        throw XCTSkip("the CPU baseline applies to x86-64 Linux builds only")
        #endif
    }

    func testACPUWithTheHaswellFeaturesRuns() throws {
        let current = try cpuinfo(flags: "fpu sse2 popcnt avx f16c fma movbe abm bmi1 avx2 bmi2 avx512f")
        let outcome = try CommandRunner.run(["fit", "--help"], environment: ["MARKETCAST_CPUINFO": current.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("--model"))
    }

    func testUnreadableCPUInformationDoesNotStopARun() throws {
        let outcome = try CommandRunner.run(["fit", "--help"],
                                            environment: ["MARKETCAST_CPUINFO": "/nonexistent/cpuinfo"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
    }
}

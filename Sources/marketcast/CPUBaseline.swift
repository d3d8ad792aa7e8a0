// With `MARKETCAST_CPU=haswell` Numerics is compiled for x86-64 CPUs with AVX2 and FMA
// (Package.swift). In that build this check runs first, in code compiled for any x86-64
// CPU, so that an older CPU gets a message instead of an illegal-instruction crash in the
// middle of a fit. The default build runs anywhere and checks nothing.
import Foundation

enum CPUBaseline {
    /// The /proc/cpuinfo flags of the Haswell features the compiler may use in Numerics
    /// (vector and bit-manipulation instructions; `abm` is how Linux names LZCNT). The only
    /// list of them.
    static let requiredFlags = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "popcnt", "abm"]

    /// The required flags missing from the first `flags` line of a /proc/cpuinfo text, or
    /// nil when the text has no such line (nothing to judge by).
    static func missingFlags(inCPUInfo text: String) -> [String]? {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return nil }
        let flags = Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
        return requiredFlags.filter { !flags.contains($0) }
    }

    /// Ends the process with a message when this machine's CPU lacks what Numerics was
    /// compiled for. `MARKETCAST_CPUINFO` names another file to read instead of
    /// /proc/cpuinfo (the tests use it to play an older CPU).
    static func requireOnThisMachine() {
        #if arch(x86_64) && os(Linux) && MARKETCAST_HASWELL
        let path = ProcessInfo.processInfo.environment["MARKETCAST_CPUINFO"] ?? "/proc/cpuinfo"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let missing = missingFlags(inCPUInfo: text), !missing.isEmpty else { return }
        let message = """
            error: this CPU lacks \(missing.joined(separator: ", ")), which marketcast's numerics are compiled for \
            (an x86-64 CPU with AVX2 and FMA: Intel Haswell, 2013, or later; AMD since 2015)
              hint: run marketcast on a newer machine, or build it for any x86-64 CPU with a plain \
            `make release` (without CPU=haswell; the fits then run about 10 % slower)

            """
        StandardStreams.err(message)
        exit(1)
        #endif
    }
}

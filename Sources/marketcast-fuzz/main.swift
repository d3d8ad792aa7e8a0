// `make fuzz`: random CSV and YAML through the reading paths of `check` and `forecast`
// (InputProbe) for a bounded time. A seeded mutation fuzzer: it starts from the shipped
// datasets and configs and the corpus of past crashes (Tests/Fixtures/fuzz-corpus), and
// changes them byte by byte and token by token, with now and then a long run of one token
// (brackets, indentation, commas) to reach the limits. Every input must give a result or
// located errors within a few seconds; an input that crashes or hangs is kept under
// .build/fuzz-findings/ (copy it, small, into the corpus once fixed).
//
//     marketcast-fuzz [--seconds 60] [--seed N] [--corpus DIR] [--seeds PATH…]
import Foundation
import MarketData
import Numerics
import Report

struct Options {
    var seconds = 60.0
    var seed = UInt64(Date().timeIntervalSince1970)
    var corpus = "Tests/Fixtures/fuzz-corpus"
    var seeds = ["datasets", "scenarios", "themes", "report.yaml"]
    var findings = ".build/fuzz-findings"
    /// An input taking longer than this is a hang.
    var perInputSeconds = 10.0
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    var seeds: [String] = []
    while let argument = arguments.popFirst() {
        switch argument {
        case "--seconds": options.seconds = Double(arguments.popFirst() ?? "") ?? options.seconds
        case "--seed": options.seed = UInt64(arguments.popFirst() ?? "") ?? options.seed
        case "--corpus": options.corpus = arguments.popFirst() ?? options.corpus
        case "--findings": options.findings = arguments.popFirst() ?? options.findings
        case "--seeds": while let path = arguments.first, !path.hasPrefix("--") { seeds.append(path); arguments.removeFirst() }
        default:
            FileHandle.standardError.write(Data("usage: marketcast-fuzz [--seconds S] [--seed N] [--corpus DIR] [--findings DIR] [--seeds PATH…]\n".utf8))
            exit(2)
        }
    }
    if !seeds.isEmpty { options.seeds = seeds }
    return options
}

/// The files under `path` (or `path` itself), CSV and YAML only.
func inputFiles(_ path: String) -> [String] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
    let paths = isFolder.boolValue
        ? ((FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []).map { "\(path)/\($0)" }
        : [path]
    return paths.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
}

// MARK: - Crash and hang reports

/// Where the input being read is saved before each run, so a crash leaves it behind.
nonisolated(unsafe) var currentInputPath: [CChar] = []
nonisolated(unsafe) var crashMessage: [CChar] = []

func installCrashHandlers(findings: String) {
    crashMessage = Array("\nmarketcast-fuzz: CRASH while reading the input saved as \(findings)/current.*; keep it (small) in Tests/Fixtures/fuzz-corpus once fixed\n".utf8CString)
    for signalNumber in [SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP] {
        signal(signalNumber) { number in
            crashMessage.withUnsafeBufferPointer { buffer in
                _ = write(2, buffer.baseAddress, buffer.count - 1)
            }
            _exit(128 + number)
        }
    }
}

/// Fails the run when one input takes longer than `seconds`: the input stays saved.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var started: Date?
    private var label = ""

    func begin(_ label: String) { lock.lock(); started = Date(); self.label = label; lock.unlock() }
    func end() { lock.lock(); started = nil; lock.unlock() }

    func start(limit: Double, findings: String) {
        Thread.detachNewThread {
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                self.lock.lock()
                let elapsed = self.started.map { Date().timeIntervalSince($0) } ?? 0
                let label = self.label
                self.lock.unlock()
                if elapsed > limit {
                    FileHandle.standardError.write(Data("\nmarketcast-fuzz: HANG: \(label) took more than \(Int(limit)) s; the input is saved as \(findings)/current.*\n".utf8))
                    exit(3)
                }
            }
        }
    }
}

// MARK: - Mutations

struct Mutator {
    var random: SplitMix64

    static let csvTokens: [[UInt8]] = [",", "\"", "\n", "\r\n", "\r", "\"\"", "1e308", "-", "NaN", " ", "\t",
                                       "series,year,value\n", "year,value,unit,status,source\n", "2024", "9999",
                                       "actual", "亿元", "\u{FEFF}", "\u{3000}", "１２３"].map { Array($0.utf8) }
        + [[0x00], [0xFF], [0xC3], [0xB0, 0xA1], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE]]
    static let yamlTokens: [[UInt8]] = ["[", "]", "{", "}", "- ", ": ", "  ", "\n  ", "\n", "&a ", "*a", "|\n", ">\n",
                                        "#", "'", "\"", "!!str ", "<<: *a", ", ", "? ", "---\n", "~", "1e999",
                                        "title: ", "note: ", "font_sizes:\n  title: 1200\n", "\t", "\\"].map { Array($0.utf8) }
    /// Runs of one token, long enough to pass every limit (depth, columns, cell length).
    static let longRuns: [(token: [UInt8], counts: ClosedRange<Int>)] = [
        (Array("[".utf8), 60...6000), (Array("{a: ".utf8), 60...6000), (Array("- ".utf8), 60...6000),
        (Array(",".utf8), 900...60_000), (Array("a".utf8), 1000...30_000), (Array("\n".utf8), 1000...20_000),
        (Array("\"".utf8), 1...3),
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func mutate(_ input: [UInt8], yaml: Bool) -> [UInt8] {
        var bytes = input
        for _ in 0..<int(1...3) {
            let position = bytes.isEmpty ? 0 : int(0...bytes.count)
            switch int(0...9) {
            case 0 where !bytes.isEmpty:
                let index = min(position, bytes.count - 1)
                bytes[index] ^= UInt8(1 << int(0...7))
            case 1:
                bytes.insert(UInt8(int(0...255)), at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + int(1...64))
                bytes.removeSubrange(min(position, end)..<end)
            case 3 where !bytes.isEmpty:
                let start = min(position, bytes.count - 1)
                let end = min(bytes.count, start + int(1...256))
                bytes.insert(contentsOf: bytes[start..<end], at: int(0...bytes.count))
            case 4, 5, 6:
                let tokens = yaml ? Self.yamlTokens : Self.csvTokens
                bytes.insert(contentsOf: tokens[int(0...tokens.count - 1)], at: position)
            case 7 where int(0...3) == 0:
                let run = Self.longRuns[int(0...Self.longRuns.count - 1)]
                let count = int(run.counts)
                var chunk: [UInt8] = []
                chunk.reserveCapacity(run.token.count * count)
                for index in 0..<count {
                    // An indentation staircase on every other newline run, for YAML blocks.
                    if yaml && run.token == Array("\n".utf8) && index.isMultiple(of: 2) {
                        chunk.append(contentsOf: Array(repeating: UInt8(ascii: " "), count: min(index / 2, 4000)) + Array("k:".utf8))
                    }
                    chunk.append(contentsOf: run.token)
                }
                bytes.insert(contentsOf: chunk, at: position)
            default:
                // Splice: a line of another place in the same input.
                if bytes.count > 2 {
                    let a = int(0...bytes.count - 1), b = int(0...bytes.count - 1)
                    bytes.insert(contentsOf: bytes[min(a, b)..<min(max(a, b), min(a, b) + 128)], at: position)
                }
            }
        }
        // Inputs stay small enough that a run of many thousands per minute is possible.
        return Array(bytes.prefix(1 << 20))
    }
}

// MARK: - The run

let options = parseOptions()
try? FileManager.default.createDirectory(atPath: options.findings, withIntermediateDirectories: true)
installCrashHandlers(findings: options.findings)
let watchdog = Watchdog()
watchdog.start(limit: options.perInputSeconds, findings: options.findings)

var seeds: [(bytes: [UInt8], yaml: Bool, name: String)] = []
for path in options.seeds.flatMap(inputFiles) + inputFiles(options.corpus) {
    guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20 else { continue }
    seeds.append(([UInt8](data), !path.hasSuffix(".csv"), path))
}
// The long CSV form `forecast` reads, since no shipped dataset has it.
seeds.append((Array("series,year,value\na,2019,1\na,2020,2\na,2021,4\nb,2020,10\nb,2021,11\nb,2022,12.5\n".utf8), false, "long.csv"))
guard !seeds.isEmpty else {
    FileHandle.standardError.write(Data("marketcast-fuzz: no seed inputs found (run it from the repository root)\n".utf8))
    exit(2)
}
print("marketcast-fuzz: seed \(options.seed), \(seeds.count) seed inputs, \(Int(options.seconds)) s")

var mutator = Mutator(random: SplitMix64(seed: options.seed))
let deadline = Date().addingTimeInterval(options.seconds)
var runs = 0, accepted = 0, refused = 0, unlocated = 0
var unlocatedExamples: [String] = []
while Date() < deadline {
    let seed = seeds[mutator.int(0...seeds.count - 1)]
    let input = mutator.mutate(seed.bytes, yaml: seed.yaml)
    let kinds = seed.yaml ? InputProbe.Kind.yaml : InputProbe.Kind.csv
    let kind = kinds[mutator.int(0...kinds.count - 1)]
    let ext = seed.yaml ? "yaml" : "csv"
    let saved = "\(options.findings)/current.\(ext)"
    _ = FileManager.default.createFile(atPath: saved, contents: Data(input))
    let file = "fuzz.\(ext)"
    watchdog.begin("\(kind.rawValue) of a \(input.count)-byte input from \(seed.name)")
    let outcome = InputProbe.run(Data(input), as: kind, file: file)
    watchdog.end()
    try? FileManager.default.removeItem(atPath: saved)
    runs += 1
    switch outcome {
    case .accepted:
        accepted += 1
    case let .refused(diagnostics):
        refused += 1
        // Every error must name the input; one that does not is kept as a finding.
        if diagnostics.isEmpty || diagnostics.contains(where: { $0.severity == .error && $0.location.file != file }) {
            unlocated += 1
            let path = "\(options.findings)/unlocated-\(runs).\(ext)"
            _ = FileManager.default.createFile(atPath: path, contents: Data(input))
            if unlocatedExamples.count < 5 {
                unlocatedExamples.append("\(path): \(diagnostics.first.map(\.description) ?? "no diagnostics")")
            }
        }
    }
}
print("marketcast-fuzz: \(runs) inputs in \(Int(options.seconds)) s: \(accepted) read, \(refused) refused with errors, \(unlocated) with an error not naming the input")
for example in unlocatedExamples { print("  \(example)") }
exit(unlocated == 0 ? 0 : 1)

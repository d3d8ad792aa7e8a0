import Foundation

/// The stated limits on what marketcast reads. Each is far above what a real report needs
/// and far below what would make a run crash or run away (a recursive parser's stack, a
/// quadratic text layout, memory per cell); docs/promises.md, "Limits on inputs", lists them, and
/// every one is reported as a located error with a hint, never as a crash.
public enum InputLimits {
    /// YAML files (report config, theme, scenario): bytes. The shipped ones are under 6 KB.
    public static let yamlFileBytes = 1 << 20
    /// YAML nesting: block indentation levels, `- ` items and flow `[`/`{` together.
    /// The shipped files use at most 5; the YAML parser recurses once per level.
    public static let yamlDepth = 64
    /// Values a YAML file stands for once its aliases (`*name`) are expanded.
    public static let yamlValues = 100_000

    /// CSV files: bytes (512 MiB; a 2-million-row long file is about 200 MB).
    public static let csvFileBytes = 512 << 20
    /// CSV columns in any row (the widest shipped table has 12).
    public static let csvColumns = 1_000
    /// Characters in one CSV cell.
    public static let csvCellCharacters = 10_000
    /// Problems listed for one CSV file before reading stops (the rest are not listed).
    public static let csvProblems = 1_000

    /// Characters in a title, subtitle, name or label written in a config.
    public static let titleCharacters = 200
    /// Characters in a note written in a config.
    public static let noteCharacters = 2_000
    /// Characters in any other text value of a config (paths, ids, choices).
    public static let configTextCharacters = 1_024

    /// "1 MiB", "512 MiB", "10 KB": a limit in the units people read.
    public static func describeBytes(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    /// Refuses a file larger than `limit` before any of it is read. `what` names the kind
    /// of file ("a CSV file"); files that cannot be examined are left to the reader, whose
    /// messages say why.
    public static func checkFileSize(path: String, file: String, limit: Int, what: String) throws {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.type] as? FileAttributeType) == .typeRegular,
              let size = (attributes[.size] as? NSNumber)?.intValue else { return }
        try checkSize(size, file: file, limit: limit, what: what)
    }

    /// The same check on bytes already in memory (stdin, tests).
    public static func checkSize(_ size: Int, file: String, limit: Int, what: String) throws {
        guard size > limit else { return }
        throw Diagnostic(file: file,
                         "the file is \(size) bytes; \(what) may be at most \(describeBytes(limit)) (\(limit) bytes)",
                         hint: "check that this is the file you meant; split larger data into several files")
    }
}

import Foundation
import MarketData

/// manifest.json: what a run read and decided, so that a later run can be compared with
/// it (`marketcast diff`) and an output traced back to its inputs. Everything except
/// `timings` is a function of the inputs; timings sit in their own top-level key so that
/// comparisons can ignore them. Keys are written sorted, arrays keep input order.
public struct RunManifest: Codable, Sendable, Equatable {
    public struct Tool: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
    }

    /// One file the run read, with the digest of its bytes.
    public struct InputFile: Codable, Sendable, Equatable {
        /// What the file is to the run (written `config`, `series:<id>`, `scenario:<name>`…).
        public var role: InputRole
        /// Relative to the config's folder when inside it, absolute otherwise.
        public var path: String
        public var sha256: String
        public var bytes: Int
        /// For a series: which publication(s) its figures come from and its data cut-off, so
        /// `diff` can say that a publisher revised the data, not only that the bytes differ.
        /// Absent in manifests written before it existed, and for other files.
        public var vintage: String? = nil
    }

    /// The model each series was fitted with, and why when `auto` chose it.
    public struct ChosenModel: Codable, Sendable, Equatable {
        public var series: String
        public var requested: String
        public var chosen: String
        public var formula: String
        public var selectionReason: String?
    }

    public struct Phase: Codable, Sendable, Equatable {
        public var name: String
        public var seconds: Double
    }

    public var tool: Tool
    public var inputs: [InputFile]
    /// The config after defaults and command-line overrides, as the run used it.
    public var config: ResolvedConfig
    public var models: [ChosenModel]
    /// Wall-clock seconds per phase: the only field that differs between identical runs.
    public var timings: [Phase]

    public static let fileName = "manifest.json"

    /// Pretty-printed JSON with sorted keys, so equal manifests are equal bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads `<runFolder>/manifest.json`; errors name the file and say how to fix it.
    public static func read(runFolder: String) throws -> RunManifest {
        let path = URL(fileURLWithPath: runFolder).appendingPathComponent(fileName).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ManifestError.missing(path: path)
        }
        do {
            return try JSONDecoder().decode(RunManifest.self, from: data)
        } catch {
            throw ManifestError.unreadable(path: path, reason: "\(error)")
        }
    }
}

public enum ManifestError: DiagnosticConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case cannotHash(path: String)

    public var diagnostics: [Diagnostic] {
        switch self {
        case let .missing(path):
            return [Diagnostic(file: path, "no manifest here",
                               hint: "give the folder of a finished `marketcast run` (e.g. output/2026Q4)")]
        case let .unreadable(path, reason):
            return [Diagnostic(file: path, "the manifest cannot be read (\(reason))",
                               hint: "it may come from an older marketcast or have been edited; rerun `marketcast run` to rewrite it")]
        case let .cannotHash(path):
            return [Diagnostic(file: path, "this input cannot be read to compute its SHA-256",
                               hint: "check it exists and is readable")]
        }
    }
}

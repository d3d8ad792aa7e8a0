import Foundation

/// What an input file is to a run: the config, a series' data, a scenario file… Built and
/// matched as a value (`.series(id:)`), never as text; its text (`series:<id>`) is made
/// only where the manifest is written and read back only where a manifest is read.
public enum InputRole: Hashable, Sendable, Codable, CustomStringConvertible {
    case config
    /// A series' data file (`series:` in report.yaml, or one file of a batch).
    case series(id: String)
    /// The publisher's own forecasts of a series (`publisher_forecasts:`).
    case publisherForecasts(series: String)
    /// The older vintage a series is linked to by growth (`link:`).
    case linkedVintage(series: String)
    case theme
    /// A table under `tables:`, by its name.
    case table(String)
    /// A scenario file, by the scenario's name.
    case scenario(String)
    case penetration
    /// The `commentary:` entry at this index (0-based), in the report's language.
    case commentary(index: Int)
    /// A role this version does not know, read from a manifest another version wrote: kept
    /// as written so that `diff` still compares it.
    case other(String)

    /// The manifest's text: `config`, `series:<id>`, `scenario:<name>`, `commentary-<n>`…
    public var description: String {
        switch self {
        case .config: return "config"
        case .series(let id): return "series:\(id)"
        case .publisherForecasts(let series): return "publisher-forecasts:\(series)"
        case .linkedVintage(let series): return "linked-vintage:\(series)"
        case .theme: return "theme"
        case .table(let name): return "table:\(name)"
        case .scenario(let name): return "scenario:\(name)"
        case .penetration: return "penetration"
        case .commentary(let index): return CommentaryPages.exhibitID(index)
        case .other(let text): return text
        }
    }

    /// A role as a manifest writes it (the inverse of `description`).
    public init(manifestText text: String) {
        func named(_ prefix: String) -> String? {
            text.hasPrefix(prefix) && text.count > prefix.count ? String(text.dropFirst(prefix.count)) : nil
        }
        switch text {
        case "config": self = .config
        case "theme": self = .theme
        case "penetration": self = .penetration
        default:
            if let id = named("series:") { self = .series(id: id) }
            else if let id = named("publisher-forecasts:") { self = .publisherForecasts(series: id) }
            else if let id = named("linked-vintage:") { self = .linkedVintage(series: id) }
            else if let name = named("table:") { self = .table(name) }
            else if let name = named("scenario:") { self = .scenario(name) }
            else if let number = named("commentary-").flatMap({ Int($0) }), number >= 1,
                    CommentaryPages.exhibitID(number - 1) == text { self = .commentary(index: number - 1) }
            else { self = .other(text) }
        }
    }

    public init(from decoder: Decoder) throws {
        self.init(manifestText: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var isScenario: Bool {
        if case .scenario = self { return true }
        return false
    }
}

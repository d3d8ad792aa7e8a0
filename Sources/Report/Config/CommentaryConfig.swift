import Foundation
import MarketData

/// One entry of `commentary:` in report.yaml: an analyst's Markdown text, in the report's
/// language (`file`, and `file_en` for `--lang en`), placed after the pages of the exhibit
/// `after` names (a chart id such as `market-size`), or at the end of the report's main
/// part (before the methodology) when `after` is left out.
public struct CommentaryConfig: Sendable {
    public var file: String
    public var fileEnglish: String?
    public var after: String?
    /// Where the entry is in report.yaml, for errors about it.
    public var location: SourceLocation
    /// The `after:` value's own location.
    public var afterLocation: SourceLocation?
    /// The line under every page (`note`, `note_en`); nil: the default, which says the page
    /// is the analyst's commentary; "": none (a disclaimer is not commentary).
    public var note: String?
    public var noteEnglish: String?

    static let keys = ["file", "file_en", "after", "note", "note_en"]

    /// The note for `language`: the English note when there is one, else `note`.
    public func note(for language: DisplayLanguage) -> String? {
        language == .en ? (noteEnglish ?? note) : note
    }

    /// The Markdown file for `language`: the English file when there is one, else `file`.
    public func file(for language: DisplayLanguage) -> String {
        language == .en ? (fileEnglish ?? file) : file
    }

    /// A text value that may be empty (`note: ""`: no note).
    private static func text(_ mapping: YAMLMapping, _ key: String) throws -> String? {
        if let node = mapping.node(key), case let .scalar(scalar) = node, scalar.string.isEmpty { return "" }
        return try mapping.string(key)
    }

    init(mapping: YAMLMapping, folder: String) throws {
        var problems = InputErrors()
        try problems.collect { try mapping.rejectUnknownKeys(allowed: Self.keys, section: "a `commentary` entry") }
        location = mapping.location
        let file = try problems.collect { () throws -> String in
            let relative = try mapping.requiredString("file", section: "a `commentary` entry")
            return try ReportConfig.resolve(relative, folder: folder, at: mapping.location(of: "file"), what: "commentary file")
        }
        fileEnglish = try problems.collect { () throws -> String? in
            guard let relative = try mapping.string("file_en") else { return nil }
            return try ReportConfig.resolve(relative, folder: folder, at: mapping.location(of: "file_en"),
                                            what: "commentary file")
        } ?? nil
        after = try problems.collect { try mapping.string("after") } ?? nil
        afterLocation = mapping.node("after") == nil ? nil : mapping.location(of: "after")
        note = try problems.collect { try Self.text(mapping, "note") } ?? nil
        noteEnglish = try problems.collect { try Self.text(mapping, "note_en") } ?? nil
        try problems.throwIfAny()
        self.file = file ?? ""
    }
}

import MarketData
import Yams

/// A YAML mapping read key by key, so that every unknown key, wrong type and missing key
/// is reported with the file, line and column it stands at. Codable decoding would lose
/// the positions, and analysts edit these files by hand all day.
struct YAMLMapping {
    let file: String
    let mapping: Node.Mapping
    let location: SourceLocation
    /// Set for a mapping of sentences (a scenario's `rationale: {zh, en}`): its texts get a
    /// note's length limit, not a label's.
    var holdsNotes = false

    /// Parses `text` and requires its top level to be a mapping.
    static func document(file: String, text: String) throws -> YAMLMapping {
        guard let root = try YAMLGuard.compose(text, file: file) else {
            throw Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the file is empty",
                             hint: "write the settings as `key: value` lines; see docs/user-guide.md")
        }
        return try YAMLMapping(node: root, file: file, what: "the file")
    }

    init(node: Node, file: String, what: String) throws {
        guard case let .mapping(mapping) = node else {
            throw Diagnostic(node.location(in: file), "\(what) must be a mapping of `key: value` lines, found \(node.kindName)",
                             hint: "indent the settings under it as `key: value`")
        }
        self.file = file
        self.mapping = mapping
        self.location = node.location(in: file)
    }

    /// Every key, in file order.
    var keys: [(name: String, location: SourceLocation)] {
        mapping.keys.map { ($0.string ?? $0.shortDescription, $0.location(in: file)) }
    }

    /// Refuses keys outside `allowed`, naming each with a suggestion for misspellings.
    func rejectUnknownKeys(allowed: [String], section: String) throws {
        var errors: [Diagnostic] = []
        for (name, location) in keys where !allowed.contains(name) {
            let hint: String
            if let guess = Suggestions.closest(to: name, among: allowed) {
                hint = "did you mean `\(guess)`? Known keys here: \(allowed.joined(separator: ", "))"
            } else {
                hint = "known keys here: \(allowed.joined(separator: ", "))"
            }
            errors.append(Diagnostic(location, "unknown key `\(name)` in \(section)", hint: hint))
        }
        try InputErrors(errors).throwIfAny()
    }

    /// The value of every key in `allowed`, by its current name, also when the file uses an
    /// old spelling (`renamed`: old → current), which is read with a warning at the key.
    /// An unknown key (with a suggestion for misspellings) and a key written in both
    /// spellings are errors. Every problem goes into `problems`.
    func values(allowed: [String], renamed: [String: String], section: String,
                problems: inout InputErrors) -> [String: Node] {
        var values: [String: Node] = [:]
        var written: [String: String] = [:]
        let spellings = allowed + renamed.keys.sorted()
        for (entry, (name, location)) in zip(mapping, keys) {
            guard let current = allowed.contains(name) ? name : renamed[name] else {
                let hint: String
                if let guess = Suggestions.closest(to: name, among: spellings) {
                    hint = "did you mean `\(renamed[guess] ?? guess)`? Known keys here: \(allowed.joined(separator: ", "))"
                } else {
                    hint = "known keys here: \(allowed.joined(separator: ", "))"
                }
                problems.append(Diagnostic(location, "unknown key `\(name)` in \(section)", hint: hint))
                continue
            }
            if current != name {
                problems.append(Diagnostic(location, "`\(name)` is the old spelling; write `\(current)`",
                                           hint: "the old spelling is still read, but a later version may refuse it",
                                           severity: .warning))
            }
            if let first = written[current] {
                problems.append(Diagnostic(location, "`\(current)` is set twice in \(section), as `\(first)` and as `\(name)`",
                                           hint: "keep one of the two lines"))
                continue
            }
            written[current] = name
            values[current] = entry.value
        }
        return values
    }

    func node(_ key: String) -> Node? { mapping[key] }

    func location(of key: String) -> SourceLocation {
        for entry in mapping where entry.key.string == key { return entry.value.location(in: file) }
        return location
    }

    func required(_ key: String, section: String) throws -> Node {
        guard let node = mapping[key] else {
            throw Diagnostic(location, "\(section) has no `\(key)`",
                             hint: "add a line `\(key): …` to \(section)")
        }
        return node
    }

    func string(_ key: String) throws -> String? {
        guard let node = mapping[key] else { return nil }
        guard case let .scalar(scalar) = node, !scalar.string.isEmpty else {
            throw typeError(key, node, expected: "a text value")
        }
        try checkLength(scalar.string, key: key, at: node)
        return scalar.string
    }

    /// The most characters a text value at `key` may have: titles and labels are short,
    /// notes a paragraph or two; see `InputLimits`.
    static func textLimit(for key: String) -> (characters: Int, what: String) {
        switch key {
        case "note", "note_en":
            return (InputLimits.noteCharacters, "a note")
        case "title", "title_en", "subtitle", "subtitle_en", "name", "label", "zh", "en", "author",
             "publisher", "publisher_en":
            return (InputLimits.titleCharacters, "a title or label")
        default:
            return (InputLimits.configTextCharacters, "a text value")
        }
    }

    /// Refuses a text longer than its key's limit, at the value. Counting stops at the
    /// limit, so a 50 MB value costs no more than a short one.
    func checkLength(_ text: String, key: String, at node: Node) throws {
        let (limit, what) = holdsNotes ? (InputLimits.noteCharacters, "a note") : Self.textLimit(for: key)
        var count = 0
        for _ in text.unicodeScalars {
            count += 1
            if count > limit { break }
        }
        guard count > limit else { return }
        throw Diagnostic(node.location(in: file),
                         "`\(key)` is longer than \(limit) characters, the most \(what) may have",
                         hint: "shorten the text after `\(key):` to at most \(limit) characters")
    }

    func requiredString(_ key: String, section: String) throws -> String {
        _ = try required(key, section: section)
        guard let value = try string(key) else { throw typeError(key, mapping[key]!, expected: "a text value") }
        return value
    }

    func int(_ key: String) throws -> Int? {
        guard let node = mapping[key] else { return nil }
        guard case let .scalar(scalar) = node, let value = Int(scalar.string) else {
            throw typeError(key, node, expected: "a whole number")
        }
        return value
    }

    func double(_ key: String) throws -> Double? {
        guard let node = mapping[key] else { return nil }
        guard case let .scalar(scalar) = node, let value = Double(scalar.string), value.isFinite else {
            throw typeError(key, node, expected: "a number")
        }
        return value
    }

    func bool(_ key: String) throws -> Bool? {
        guard let node = mapping[key] else { return nil }
        guard case let .scalar(scalar) = node else { throw typeError(key, node, expected: "true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw typeError(key, node, expected: "true or false")
        }
    }

    func submapping(_ key: String) throws -> YAMLMapping? {
        guard let node = mapping[key] else { return nil }
        return try YAMLMapping(node: node, file: file, what: "`\(key)`")
    }

    /// A sequence of mappings, e.g. the `series:` list.
    func mappings(_ key: String) throws -> [YAMLMapping]? {
        guard let node = mapping[key] else { return nil }
        guard case let .sequence(sequence) = node else {
            throw typeError(key, node, expected: "a list of entries, each starting with `- `")
        }
        return try sequence.map { try YAMLMapping(node: $0, file: file, what: "each entry of `\(key)`") }
    }

    /// A sequence of scalars, e.g. `formats: [png, pdf]`.
    func strings(_ key: String) throws -> [String]? {
        guard let node = mapping[key] else { return nil }
        guard case let .sequence(sequence) = node else {
            throw typeError(key, node, expected: "a list such as [a, b]")
        }
        return try sequence.map { element in
            guard case let .scalar(scalar) = element else {
                throw Diagnostic(element.location(in: file), "every entry of `\(key)` must be a single value",
                                 hint: "write the list as [a, b]")
            }
            try checkLength(scalar.string, key: key, at: element)
            return scalar.string
        }
    }

    func typeError(_ key: String, _ node: Node, expected: String) -> Diagnostic {
        Diagnostic(node.location(in: file), "`\(key)` must be \(expected), found \(node.shortDescription)",
                   hint: "change the value after `\(key):`")
    }
}

extension Node {
    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line, column: mark?.column)
    }

    var kindName: String {
        switch self {
        case .scalar: return "a single value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    var shortDescription: String {
        if case let .scalar(scalar) = self {
            // A value quoted in a message stays short, however long it is in the file.
            let text = scalar.string
            guard text.unicodeScalars.count > 60 else { return "`\(text)`" }
            return "`\(String(String.UnicodeScalarView(text.unicodeScalars.prefix(57))))…`"
        }
        return kindName
    }
}

extension Diagnostic {
    static func yamlSyntax(file: String, error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column), "YAML syntax: \(detail)",
                              hint: "check the indentation and the `key: value` form on this line and the one before")
        default:
            return Diagnostic(SourceLocation(file: file, line: nil, column: nil), "YAML syntax: \(error)", hint: "check the file is valid YAML")
        }
    }
}

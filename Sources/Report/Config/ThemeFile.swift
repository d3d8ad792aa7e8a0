import Charts
import Foundation
import MarketData
import Yams

/// A theme file (YAML) read into `Theme`, node by node like report.yaml (see YAMLMapping):
/// every field it leaves out keeps the house default, and every misspelt key or bad value
/// in the file is reported at once, at its line and column, with a hint. Keys are
/// snake_case like report.yaml's; the camelCase keys of earlier versions are still read,
/// each with a warning.
public struct ThemeFile: Sendable {
    public var theme: Theme
    /// What the file should change but that does not stop a run (old key spellings).
    public var warnings: [Diagnostic]
    /// The file's bytes as read and parsed, for the manifest's digest.
    public var sourceBytes = Data()

    /// The keys of each section, in the order themes/house.yaml lists them.
    static let topLevelKeys = ["page_size", "margins", "font_family", "font_sizes", "palette", "line_widths", "spacing", "deck"]
    static let deckKeys = ["latin_font", "east_asian_font", "template"]
    static let pageSizeKeys = ["width", "height"]
    static let marginKeys = ["top", "left", "bottom", "right"]

    /// Reads the theme file at `path`; messages name it `displayName` (the path as
    /// report.yaml names it, from the current folder), by default `path`.
    public static func load(path: String, displayName: String? = nil) throws -> ThemeFile {
        let file = displayName ?? path
        try InputLimits.checkFileSize(path: path, file: file, limit: InputLimits.yamlFileBytes, what: "a theme file")
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Diagnostic(SourceLocation(file: file), "cannot read the theme file",
                             hint: "check the `theme:` path in the report config")
        }
        // An empty file is the standard theme (TextDecoding refuses blank files: for data, they are a mistake).
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        var loaded = body.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) ? ThemeFile(theme: .standard, warnings: [])
            : try read(TextDecoding.decode(data, file: file).text, file: file)
        loaded.sourceBytes = data
        // The deck template is named relative to the theme file.
        if let template = loaded.theme.deckTemplate, !template.hasPrefix("/") {
            loaded.theme.deckTemplate = URL(fileURLWithPath: path).deletingLastPathComponent()
                .appendingPathComponent(template).standardizedFileURL.path
        }
        return loaded
    }

    /// Reads theme YAML; throws every error in the file (with its warnings) in file order.
    static func read(_ text: String, file: String) throws -> ThemeFile {
        let root = try YAMLGuard.compose(text, file: file)
        // An empty file, or one with only comments, is the standard theme.
        guard let root else { return ThemeFile(theme: .standard, warnings: []) }
        var problems = InputErrors()
        let theme = try read(YAMLMapping(node: root, file: file, what: "the theme file"), problems: &problems)
        let found = problems.sortedByLocation()
        if found.errors.contains(where: { $0.severity == .error }) { throw found }
        return ThemeFile(theme: theme, warnings: found.errors)
    }

    private static func read(_ root: YAMLMapping, problems: inout InputErrors) -> Theme {
        var theme = Theme.standard
        let top = ThemeSection(root, name: nil, keys: topLevelKeys, problems: &problems)
        if let section = top.section("page_size", keys: pageSizeKeys, problems: &problems) {
            section.numbers([("width", \.width), ("height", \.height)], .pageSize, into: &theme.pageSize, problems: &problems)
        }
        if let section = top.section("margins", keys: marginKeys, problems: &problems) {
            section.numbers([("top", \.top), ("left", \.left), ("bottom", \.bottom), ("right", \.right)],
                            .margins, into: &theme.margins, problems: &problems)
        }
        if let family = top.text("font_family", example: Theme.standard.fontFamily, problems: &problems) {
            theme.fontFamily = family
        }
        let fontSizes: [(String, WritableKeyPath<Theme.FontSizes, Double>)] = [
            ("title", \.title), ("subtitle", \.subtitle), ("unit", \.unit), ("axis", \.axis),
            ("value_label", \.valueLabel), ("minimum_value_label", \.minimumValueLabel), ("cagr_label", \.cagrLabel),
            ("legend", \.legend), ("annotation", \.annotation), ("note", \.note), ("minimum_note", \.minimumNote)]
        if let section = top.section("font_sizes", keys: fontSizes.map(\.0), problems: &problems) {
            section.numbers(fontSizes, .fontSizes, into: &theme.fontSizes, problems: &problems)
        }
        let colours: [(String, WritableKeyPath<Theme.Palette, Color>)] = [
            ("background", \.background), ("text", \.text), ("secondary_text", \.secondaryText), ("note", \.note),
            ("actual", \.actual), ("estimate", \.estimate), ("estimate_hatch", \.estimateHatch),
            ("interval", \.interval), ("accent", \.accent), ("accent_text", \.accentText), ("arrow", \.arrow),
            ("baseline", \.baseline), ("gridline", \.gridline)]
        if let section = top.section("palette", keys: colours.map(\.0) + ["series"], problems: &problems) {
            for (key, path) in colours {
                if let colour = section.colour(key, example: theme.palette[keyPath: path], problems: &problems) {
                    theme.palette[keyPath: path] = colour
                }
            }
            if let series = section.colours("series", problems: &problems) { theme.palette.series = series }
        }
        let lineWidths: [(String, WritableKeyPath<Theme.LineWidths, Double>)] = [
            ("baseline", \.baseline), ("gridline", \.gridline), ("arrow", \.arrow), ("interval", \.interval),
            ("series", \.series), ("hatch", \.hatch), ("hatch_spacing", \.hatchSpacing)]
        if let section = top.section("line_widths", keys: lineWidths.map(\.0), problems: &problems) {
            section.numbers(lineWidths, .lineWidths, into: &theme.lineWidths, problems: &problems)
        }
        let gaps: [(String, WritableKeyPath<Theme.Spacing, Double>)] = [
            ("label_gap", \.labelGap), ("label_separation", \.labelSeparation),
            ("minimum_label_separation", \.minimumLabelSeparation), ("block_gap", \.blockGap),
            ("pill_padding_x", \.pillPaddingX), ("pill_padding_y", \.pillPaddingY),
            ("minimum_arrow_leg", \.minimumArrowLeg), ("arrow_tier_gap", \.arrowTierGap)]
        let spacingKeys = gaps.prefix(4).map(\.0) + ["bar_fraction"] + gaps.dropFirst(4).map(\.0)
        if let section = top.section("spacing", keys: spacingKeys, problems: &problems) {
            section.numbers(gaps, .spacing, into: &theme.spacing, problems: &problems)
            section.numbers([("bar_fraction", \.barFraction)], .fraction, into: &theme.spacing, problems: &problems)
        }
        if let section = top.section("deck", keys: deckKeys, problems: &problems) {
            theme.deckLatinFont = section.text("latin_font", example: "Arial", problems: &problems)
            theme.deckEastAsianFont = section.text("east_asian_font", example: "Microsoft YaHei", problems: &problems)
            theme.deckTemplate = section.text("template", example: "house.potx", problems: &problems)
        }
        let content = theme.contentArea
        if content.width <= 0 || content.height <= 0 {
            let size = "\(format(theme.pageSize.width))×\(format(theme.pageSize.height)) pt"
            let at = top.values["page_size"] ?? top.values["margins"]
            problems.append(Diagnostic(at?.location(in: root.file) ?? root.location,
                                       "the page (\(size)) leaves no room inside its margins",
                                       hint: "use a larger `page_size` or smaller `margins`"))
        }
        return theme
    }

    /// The camelCase spelling earlier versions used for each snake_case key that has one.
    static func oldSpellings(of keys: [String]) -> [String: String] {
        var old: [String: String] = [:]
        for key in keys where key.contains("_") {
            let words = key.split(separator: "_")
            old[words[0] + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()] = key
        }
        return old
    }

    /// 22 as "22", 11.5 as "11.5": numbers as an analyst writes them.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}

/// How a theme number is checked: its lower bound, and the stated upper bound that keeps a
/// typo (a font size of 1200, a margin of 1e9) from making a run take minutes and gigabytes.
enum ThemeNumberRule {
    /// Font sizes and the page: more than 0 points, at most `maximum`.
    case positive(maximum: Double)
    /// Margins, strokes and gaps: 0 points or more, at most `maximum`.
    case nonNegative(maximum: Double)
    /// A share, such as the bar width in its slot: more than 0, at most 1.
    case fraction

    /// The ranges, in points; docs/user-guide.md lists them. The page may be 1 to 200 inches a side
    /// (PDF's own limit is 200 inches).
    static let pageSize = ThemeNumberRule.positive(maximum: 14_400)
    static let margins = ThemeNumberRule.nonNegative(maximum: 2_000)
    static let fontSizes = ThemeNumberRule.positive(maximum: 72)
    static let lineWidths = ThemeNumberRule.nonNegative(maximum: 50)
    static let spacing = ThemeNumberRule.nonNegative(maximum: 500)

    var isFraction: Bool { if case .fraction = self { return true } else { return false } }

    var expected: String { isFraction ? "a fraction between 0 and 1" : "a number of points" }

    var maximum: Double {
        switch self {
        case let .positive(maximum), let .nonNegative(maximum): return maximum
        case .fraction: return 1
        }
    }

    func allowsLowerBound(_ value: Double) -> Bool {
        switch self {
        case .positive: return value > 0
        case .nonNegative: return value >= 0
        case .fraction: return value > 0
        }
    }

    var range: String {
        switch self {
        case .positive: return "greater than 0"
        case .nonNegative: return "0 or more"
        case .fraction: return "more than 0 and at most 1"
        }
    }

    var upperRange: String {
        isFraction ? range : "at most \(ThemeFile.format(maximum)) points"
    }

    /// The hint for a value above the range: the range itself, with the standard value.
    func upperHint(example: Double) -> String {
        if isFraction { return hint(example: example) }
        return "write a number of points from \(range == "0 or more" ? "0" : "just above 0") to \(ThemeFile.format(maximum)), such as \(ThemeFile.format(example)); a larger value is almost always a typo"
    }

    func hint(example: Double) -> String {
        let example = ThemeFile.format(example)
        switch self {
        case .positive: return "write a number of points greater than 0, such as \(example)"
        case .nonNegative: return "write a number of points, 0 or more, such as \(example)"
        case .fraction: return "write a fraction more than 0 and at most 1, such as \(example)"
        }
    }
}

/// One mapping of the theme file, its keys under their current names. Each reader
/// records its problems and returns nil for a value it could not read, so the field
/// keeps its standard value and reading goes on to the next problem.
struct ThemeSection {
    let mapping: YAMLMapping
    /// How messages name the section, e.g. "`font_sizes`"; nil at the top level.
    let name: String?
    let values: [String: Node]

    init(_ mapping: YAMLMapping, name: String?, keys: [String], problems: inout InputErrors) {
        self.mapping = mapping
        self.name = name
        values = mapping.values(allowed: keys, renamed: ThemeFile.oldSpellings(of: keys),
                                section: name ?? "the theme file", problems: &problems)
    }

    /// "`title` in `font_sizes`", or "`font_family`" at the top level.
    func describe(_ key: String) -> String {
        name.map { "`\(key)` in \($0)" } ?? "`\(key)`"
    }

    /// The value at `key` when it is present and not empty; `accent: #EE7733` is a key and
    /// a comment in YAML, and silently keeping the standard colour would hide that.
    func value(_ key: String, problems: inout InputErrors) -> Node? {
        guard let node = values[key] else { return nil }
        if case let .scalar(scalar) = node, scalar.string.isEmpty || (scalar.style == .plain && node.null != nil) {
            problems.append(Diagnostic(node.location(in: mapping.file), "\(describe(key)) is present but empty",
                                       hint: "give a value or remove the key; quote colours (\"#EE7733\"), since an unquoted # starts a comment"))
            return nil
        }
        return node
    }

    func section(_ key: String, keys: [String], problems: inout InputErrors) -> ThemeSection? {
        guard let node = value(key, problems: &problems) else { return nil }
        do {
            let section = try YAMLMapping(node: node, file: mapping.file, what: "`\(key)`")
            return ThemeSection(section, name: "`\(key)`", keys: keys, problems: &problems)
        } catch {
            problems.append(contentsOf: InputErrors(flattening: error)
                ?? InputErrors([Diagnostic(node.location(in: mapping.file), "\(error)")]))
            return nil
        }
    }

    /// Each of `fields` the section sets, checked against `rule`, replaces the one in `target`.
    func numbers<Target>(_ fields: [(String, WritableKeyPath<Target, Double>)], _ rule: ThemeNumberRule,
                         into target: inout Target, problems: inout InputErrors) {
        for (key, path) in fields {
            guard let node = value(key, problems: &problems) else { continue }
            let example = target[keyPath: path]
            guard case let .scalar(scalar) = node, let number = Double(scalar.string), number.isFinite else {
                problems.append(Diagnostic(node.location(in: mapping.file),
                                           "\(describe(key)) must be \(rule.expected), found \(node.shortDescription)",
                                           hint: rule.hint(example: example)))
                continue
            }
            guard rule.allowsLowerBound(number) else {
                problems.append(Diagnostic(node.location(in: mapping.file),
                                           "\(describe(key)) must be \(rule.range), found \(node.shortDescription)",
                                           hint: rule.hint(example: example)))
                continue
            }
            guard number <= rule.maximum else {
                problems.append(Diagnostic(node.location(in: mapping.file),
                                           "\(describe(key)) must be \(rule.upperRange), found \(node.shortDescription)",
                                           hint: rule.upperHint(example: example)))
                continue
            }
            target[keyPath: path] = number
        }
    }

    func colour(_ key: String, example: Color, problems: inout InputErrors) -> Color? {
        guard let node = value(key, problems: &problems) else { return nil }
        return colour(node, what: describe(key), example: example, problems: &problems)
    }

    private func colour(_ node: Node, what: String, example: Color, problems: inout InputErrors) -> Color? {
        if case let .scalar(scalar) = node, let colour = Color(hexString: scalar.string) { return colour }
        problems.append(Diagnostic(node.location(in: mapping.file),
                                   "\(what) must be a colour \"#RRGGBB\", found \(node.shortDescription)",
                                   hint: "write six hex digits (0–9, A–F) in quotes, such as \"\(example.hexString)\", or eight with an alpha"))
        return nil
    }

    /// A list of colours, e.g. `series: ["#004488", "#DDAA33"]`.
    func colours(_ key: String, problems: inout InputErrors) -> [Color]? {
        guard let node = value(key, problems: &problems) else { return nil }
        let standard = Theme.standard.palette.series
        let example = "[" + standard.prefix(2).map { "\"\($0.hexString)\"" }.joined(separator: ", ") + "]"
        guard case let .sequence(sequence) = node, !sequence.isEmpty else {
            problems.append(Diagnostic(node.location(in: mapping.file),
                                       "\(describe(key)) must be a list of colours, found \(listDescription(node))",
                                       hint: "write the colours in order as a list, such as \(example)"))
            return nil
        }
        var colours: [Color] = []
        for (index, element) in sequence.enumerated() {
            let what = "entry \(index + 1) of \(describe(key))"
            if let colour = colour(element, what: what, example: standard[index % standard.count], problems: &problems) {
                colours.append(colour)
            }
        }
        return colours.count == sequence.count ? colours : nil
    }

    private func listDescription(_ node: Node) -> String {
        if case let .sequence(sequence) = node, sequence.isEmpty { return "an empty list" }
        return node.shortDescription
    }

    func text(_ key: String, example: String, problems: inout InputErrors) -> String? {
        guard let node = value(key, problems: &problems) else { return nil }
        guard case let .scalar(scalar) = node else {
            problems.append(Diagnostic(node.location(in: mapping.file),
                                       "\(describe(key)) must be a single value, found \(node.shortDescription)",
                                       hint: "write a fontconfig family name, such as \(example)"))
            return nil
        }
        do {
            try mapping.checkLength(scalar.string, key: "name", at: node)
        } catch {
            problems.append(contentsOf: InputErrors(flattening: error) ?? InputErrors())
            return nil
        }
        return scalar.string
    }
}

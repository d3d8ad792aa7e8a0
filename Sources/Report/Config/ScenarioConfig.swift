import Foundation
import Forecasting
import MarketData
import Numerics

/// One scenarios/*.yaml file, parsed node by node (see YAMLMapping) so every mistake is
/// reported at its line. Checks that need only the file and report.yaml (keys, types,
/// signs, series ids, years against the horizon) happen here; checks that need the data
/// (an anchor on a year that already has an actual, a shock before the data) happen in
/// `validate(against:)` once the series are loaded, with the same locations.
public struct ScenarioConfig: Sendable {
    public var file: String
    /// The file's bytes as read and parsed, for the manifest's digest.
    public var sourceBytes = Data()
    public var scenario: Scenario
    /// Where each series entry, anchor and shock stands, for errors found later.
    var seriesLocations: [String: SourceLocation]
    var anchorLocations: [String: [SourceLocation]]
    var shockLocations: [String: [SourceLocation]]
    var fitYearsLocations: [String: SourceLocation]

    static let topLevelKeys = ["name", "label", "series"]
    static let labelKeys = ["zh", "en"]
    static let seriesKeys = ["model", "start", "fit_years", "ceiling", "anchors", "parameters", "shocks", "rationale"]
    static let ceilingKeys = ["value", "multiple"]
    static let anchorKeys = ["year", "value", "kind", "tolerance"]
    static let parameterKeys = ["min", "max", "fixed"]
    static let shockKeys = ["year", "size", "cause", "cause_en"]

    /// Reads the file at `path`; errors name it `displayName` (as the analyst wrote it).
    static func load(path: String, displayName: String, seriesIDs: [String], horizon: Int) throws -> ScenarioConfig {
        try InputLimits.checkFileSize(path: path, file: displayName, limit: InputLimits.yamlFileBytes, what: "a scenario file")
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Diagnostic(SourceLocation(file: displayName), "cannot read the scenario file",
                             hint: "check the path listed under `scenarios:` in report.yaml (relative to its folder)")
        }
        let text = try TextDecoding.decode(data, file: displayName).text
        let root = try YAMLMapping.document(file: displayName, text: text)
        var config = try ScenarioConfig(root: root, seriesIDs: seriesIDs, horizon: horizon)
        config.sourceBytes = data
        return config
    }

    init(root: YAMLMapping, seriesIDs: [String], horizon: Int) throws {
        file = root.file
        try root.rejectUnknownKeys(allowed: Self.topLevelKeys, section: "a scenario file")
        let name = try root.requiredString("name", section: "the scenario file")
        guard ReportConfig.isFileSafe(name) else {
            throw Diagnostic(root.location(of: "name"), "scenario name `\(name)` cannot be used in file columns",
                             hint: "use lower-case letters, digits and hyphens, e.g. base, bull, bear")
        }
        guard let label = try root.submapping("label") else {
            throw Diagnostic(root.location, "the scenario file has no `label`",
                             hint: "add `label: {zh: 基准情景, en: Base case}`")
        }
        try label.rejectUnknownKeys(allowed: Self.labelKeys, section: "`label`")
        let labelZh = try label.requiredString("zh", section: "`label`")
        let labelEn = try label.requiredString("en", section: "`label`")

        guard let seriesMapping = try root.submapping("series"), !seriesMapping.keys.isEmpty else {
            throw Diagnostic(root.location, "the scenario file has no `series`",
                             hint: "add `series:` with one entry per series id from report.yaml, e.g. `china-ai-market-size: {model: exponential}`")
        }
        var seriesLocations: [String: SourceLocation] = [:]
        var anchorLocations: [String: [SourceLocation]] = [:]
        var shockLocations: [String: [SourceLocation]] = [:]
        var fitYearsLocations: [String: SourceLocation] = [:]
        var assumptions: [SeriesAssumptions] = []
        for (id, keyLocation) in seriesMapping.keys {
            guard seriesIDs.contains(id) else {
                let guess = Suggestions.closest(to: id, among: seriesIDs)
                throw Diagnostic(keyLocation, "series `\(id)` is not in report.yaml",
                                 hint: (guess.map { "did you mean `\($0)`? " } ?? "")
                                     + "series in report.yaml: \(seriesIDs.joined(separator: ", "))")
            }
            guard let entry = try seriesMapping.submapping(id) else { continue }
            seriesLocations[id] = keyLocation
            let parsed = try Self.parseSeries(entry, id: id, horizon: horizon)
            assumptions.append(parsed.assumptions)
            anchorLocations[id] = parsed.anchorLocations
            shockLocations[id] = parsed.shockLocations
            fitYearsLocations[id] = entry.location(of: "fit_years")
        }
        scenario = Scenario(name: name, labelZh: labelZh, labelEn: labelEn, series: assumptions)
        self.seriesLocations = seriesLocations
        self.anchorLocations = anchorLocations
        self.shockLocations = shockLocations
        self.fitYearsLocations = fitYearsLocations
    }

    static func parseSeries(_ entry: YAMLMapping, id: String, horizon: Int) throws
        -> (assumptions: SeriesAssumptions, anchorLocations: [SourceLocation], shockLocations: [SourceLocation]) {
        let section = "series `\(id)`"
        try entry.rejectUnknownKeys(allowed: seriesKeys, section: section)
        let modelText = try entry.requiredString("model", section: section)
        let model: SeriesAssumptions.Model
        let spec = ModelSpec(name: modelText)
        if let spec {
            model = .catalog(spec)
        } else if modelText.contains(where: { "+-*/^()".contains($0) }) {
            model = try parseFormula(modelText, entry: entry, section: section)
        } else {
            let (message, hint) = ModelSpec.unknownNameMessage(modelText)
            throw Diagnostic(entry.location(of: "model"), "\(message) in \(section)",
                             hint: hint + ", or a formula in `year`")
        }
        let kind: GrowthModelKind? = { if case .curve(let kind)? = spec { return kind }; return nil }()
        if let spec {
            for assumption in ModelSpec.CurveAssumption.allCases where entry.node(assumption.rawValue) != nil {
                if let (message, hint) = spec.refusal(of: assumption) {
                    throw Diagnostic(entry.location(of: assumption.rawValue), message, hint: hint)
                }
            }
        }
        if spec != nil, entry.node("start") != nil {
            throw Diagnostic(entry.location(of: "start"), "`start` values are only for formulas",
                             hint: "catalog models find their own start values; drop `start`")
        }
        var formulaParameters: [String]?
        if case .formula(let text) = model.spec { formulaParameters = (try? Formula(text, variables: [ScenarioFormula.variable]))?.parameterNames }

        let fitYears = try entry.int("fit_years")
        if let fitYears, fitYears < 2 {
            throw Diagnostic(entry.location(of: "fit_years"), "`fit_years` must be at least 2, found \(fitYears)",
                             hint: "give the number of most recent actual years to fit, or drop the key to fit them all")
        }

        var ceiling: SeriesAssumptions.Ceiling?
        if let node = entry.node("ceiling") {
            if case .scalar = node {
                let value = try entry.double("ceiling") ?? 0
                guard value > 0 else {
                    throw Diagnostic(entry.location(of: "ceiling"), "the ceiling must be positive, found \(value)",
                                     hint: "write the saturation level in the series' unit, or `ceiling: {multiple: 3}` for 3 × the last actual")
                }
                ceiling = .absolute(value)
            } else {
                guard let mapping = try entry.submapping("ceiling") else { throw entry.typeError("ceiling", node, expected: "a number") }
                try mapping.rejectUnknownKeys(allowed: ceilingKeys, section: "`ceiling`")
                let value = try mapping.double("value"), multiple = try mapping.double("multiple")
                switch (value, multiple) {
                case let (v?, nil):
                    guard v > 0 else {
                        throw Diagnostic(mapping.location(of: "value"), "the ceiling must be positive, found \(v)",
                                         hint: "write the saturation level in the series' unit")
                    }
                    ceiling = .absolute(v)
                case let (nil, m?):
                    guard m > 1 else {
                        throw Diagnostic(mapping.location(of: "multiple"), "a ceiling multiple must exceed 1, found \(m)",
                                         hint: "the ceiling is `multiple` × the last actual, so it must lie above the data, e.g. 3")
                    }
                    ceiling = .multipleOfLastActual(m)
                default:
                    throw Diagnostic(mapping.location, "`ceiling` needs exactly one of `value` or `multiple`",
                                     hint: "write `ceiling: 30000` (absolute) or `ceiling: {multiple: 3}`")
                }
            }
            if let (message, hint) = model.spec.refusal(of: .ceiling) {
                throw Diagnostic(entry.location(of: "ceiling"), message, hint: hint)
            }
        }

        var anchors: [SeriesAssumptions.Anchor] = []
        var anchorLocations: [SourceLocation] = []
        for anchor in try entry.mappings("anchors") ?? [] {
            try anchor.rejectUnknownKeys(allowed: anchorKeys, section: "an anchor")
            guard let year = try anchor.int("year") else {
                throw Diagnostic(anchor.location, "an anchor has no `year`", hint: "write `{year: 2025, value: 9000, kind: soft, tolerance: 0.1}`")
            }
            guard year <= horizon else {
                throw Diagnostic(anchor.location(of: "year"), "anchor year \(year) lies after the horizon \(horizon)",
                                 hint: "anchor a forecast year up to \(horizon), or raise `horizon` in report.yaml")
            }
            guard let value = try anchor.double("value") else {
                throw Diagnostic(anchor.location, "the anchor for \(year) has no `value`", hint: "add `value:` in the series' unit")
            }
            guard value > 0 else {
                throw Diagnostic(anchor.location(of: "value"), "an anchor value must be positive, found \(value)",
                                 hint: "write the market size you believe for \(year), in the series' unit")
            }
            let kindText = try anchor.requiredString("kind", section: "the anchor for \(year)")
            let tolerance = try anchor.double("tolerance")
            switch kindText {
            case "soft":
                guard let tolerance else {
                    throw Diagnostic(anchor.location(of: "kind"), "a soft anchor needs a `tolerance`",
                                     hint: "add `tolerance: 0.1` for a belief of ±10% (one standard deviation)")
                }
                guard tolerance > 0, tolerance <= 1 else {
                    throw Diagnostic(anchor.location(of: "tolerance"), "`tolerance` must lie in (0, 1], found \(tolerance)",
                                     hint: "write the belief's standard deviation relative to the value, e.g. 0.1 for ±10%")
                }
                anchors.append(.init(year: year, value: value, kind: .soft(tolerance: tolerance)))
            case "hard":
                if tolerance != nil {
                    throw Diagnostic(anchor.location(of: "tolerance"), "a hard anchor takes no `tolerance`",
                                     hint: "drop `tolerance`, or make the anchor `kind: soft`")
                }
                anchors.append(.init(year: year, value: value, kind: .hard))
            default:
                let guess = Suggestions.closest(to: kindText, among: ["soft", "hard"])
                throw Diagnostic(anchor.location(of: "kind"), "anchor kind must be soft or hard, found `\(kindText)`",
                                 hint: guess.map { "did you mean `\($0)`?" } ?? "write `kind: soft` or `kind: hard`")
            }
            if anchors.dropLast().contains(where: { $0.year == year }) {
                throw Diagnostic(anchor.location(of: "year"), "two anchors for \(year)", hint: "keep one anchor per year")
            }
            anchorLocations.append(anchor.location(of: "year"))
        }

        var limits: [SeriesAssumptions.ParameterLimit] = []
        if let parameters = try entry.submapping("parameters") {
            let known = kind?.parameterNames ?? formulaParameters ?? uniqueCatalogParameters()
            for (name, location) in parameters.keys {
                guard known.contains(name) else {
                    let guess = Suggestions.closest(to: name, among: known)
                    throw Diagnostic(location, "`\(name)` is not a parameter of the \(modelText) model",
                                     hint: (guess.map { "did you mean `\($0)`? " } ?? "") + "its parameters: \(known.joined(separator: ", "))")
                }
                guard let limit = try parameters.submapping(name) else { continue }
                try limit.rejectUnknownKeys(allowed: parameterKeys, section: "parameter `\(name)`")
                let low = try limit.double("min"), high = try limit.double("max"), fixed = try limit.double("fixed")
                if fixed != nil && (low != nil || high != nil) {
                    throw Diagnostic(limit.location, "parameter `\(name)` is both fixed and bounded",
                                     hint: "give either `fixed` or `min`/`max`")
                }
                if let low, let high, low > high {
                    throw Diagnostic(limit.location(of: "min"), "`min` \(low) exceeds `max` \(high) for `\(name)`",
                                     hint: "swap them")
                }
                if low == nil, high == nil, fixed == nil {
                    throw Diagnostic(limit.location, "parameter `\(name)` sets nothing", hint: "give `min`, `max` or `fixed`")
                }
                if let ceilingName = kind?.ceilingParameter, name == ceilingName, ceiling != nil {
                    throw Diagnostic(location, "`\(name)` is the ceiling, already set by `ceiling`",
                                     hint: "set the ceiling in one place: drop `\(name)` here or `ceiling`")
                }
                limits.append(.init(name: name, minimum: low, maximum: high, fixed: fixed))
            }
        }

        var shocks: [SeriesAssumptions.Shock] = []
        var shockLocations: [SourceLocation] = []
        for shock in try entry.mappings("shocks") ?? [] {
            try shock.rejectUnknownKeys(allowed: shockKeys, section: "a shock")
            guard let year = try shock.int("year") else {
                throw Diagnostic(shock.location, "a shock has no `year`", hint: "write `{year: 2026, size: -0.05}`")
            }
            guard year <= horizon else {
                throw Diagnostic(shock.location(of: "year"), "shock year \(year) lies after the horizon \(horizon)",
                                 hint: "a shock must start in a year the forecast reaches (up to \(horizon))")
            }
            guard let size = try shock.double("size") else {
                throw Diagnostic(shock.location, "the shock in \(year) has no `size`",
                                 hint: "add `size: -0.05` for a 5% drop in level from \(year) on")
            }
            guard size > -1 else {
                throw Diagnostic(shock.location(of: "size"), "a shock of \(size) would take the market to zero or below",
                                 hint: "sizes are relative level changes above −1, e.g. −0.05 for −5%")
            }
            // The cause, as the scenario page prints it: both languages or neither, never empty.
            let cause = try shock.string("cause"), causeEn = try shock.string("cause_en")
            for (key, text) in [("cause", cause), ("cause_en", causeEn)] {
                if let text, text.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw Diagnostic(shock.location(of: key), "the shock in \(year) has an empty `\(key)`",
                                     hint: "say why the level changes, e.g. `\(key): \(key == "cause" ? "AI 加速芯片出口管制" : "export controls on AI accelerators")`, or drop the key")
                }
            }
            if (cause == nil) != (causeEn == nil) {
                let given = cause == nil ? "cause_en" : "cause"
                let missing = cause == nil ? "cause" : "cause_en"
                throw Diagnostic(shock.location(of: given), "the shock in \(year) gives `\(given)` but not `\(missing)`",
                                 hint: "the report prints the cause in Chinese (`cause`) and English (`cause_en`): give both")
            }
            shocks.append(.init(year: year, size: size, cause: cause.map { .init(zh: $0, en: causeEn ?? $0) }))
            shockLocations.append(shock.location(of: "year"))
        }
        var assumptions = SeriesAssumptions(seriesID: id, model: model, fitYears: fitYears, ceiling: ceiling, anchors: anchors,
                                            parameters: limits, shocks: shocks)
        // Why these assumptions, in both languages, as the pages print it.
        if var rationale = try entry.submapping("rationale") {
            rationale.holdsNotes = true
            try rationale.rejectUnknownKeys(allowed: labelKeys, section: "`rationale`")
            let zh = try rationale.requiredString("zh", section: "`rationale`")
            let en = try rationale.requiredString("en", section: "`rationale`")
            for (key, text) in [("zh", zh), ("en", en)] where text.trimmingCharacters(in: .whitespaces).isEmpty {
                throw Diagnostic(rationale.location(of: key), "`rationale` has an empty `\(key)`",
                                 hint: "say in a sentence why the scenario makes its assumptions")
            }
            assumptions.rationale = .init(zh: zh, en: en)
        }
        return (assumptions, anchorLocations, shockLocations)
    }

    /// `model: a*(1+g)^(year-2019)` with `start: {a: 2600, g: 0.2}`: every parameter needs a start.
    static func parseFormula(_ text: String, entry: YAMLMapping, section: String) throws -> SeriesAssumptions.Model {
        let formula: Formula
        do {
            formula = try Formula(text, variables: [ScenarioFormula.variable])
        } catch {
            throw Diagnostic(entry.location(of: "model"), "the formula `\(text)` in \(section) cannot be read: \(error)",
                             hint: "write it in `year`, e.g. `a*(1+g)^(year-2019)`; every other name is a parameter")
        }
        guard let startMapping = try entry.submapping("start") else {
            throw Diagnostic(entry.location(of: "model"), "the formula needs start values for \(formula.parameterNames.joined(separator: ", "))",
                             hint: "add `start: {\(formula.parameterNames.map { "\($0): …" }.joined(separator: ", "))}`")
        }
        var start: [String: Double] = [:]
        for (name, location) in startMapping.keys {
            guard formula.parameterNames.contains(name) else {
                let guess = Suggestions.closest(to: name, among: formula.parameterNames)
                throw Diagnostic(location, "`\(name)` is not a parameter of the formula",
                                 hint: (guess.map { "did you mean `\($0)`? " } ?? "") + "its parameters: \(formula.parameterNames.joined(separator: ", "))")
            }
            start[name] = try startMapping.double(name)
        }
        if let missing = formula.parameterNames.first(where: { start[$0] == nil }) {
            throw Diagnostic(startMapping.location, "no start value for the formula's parameter `\(missing)`",
                             hint: "add `\(missing): …` to `start`")
        }
        return .formula(text, start: start)
    }

    static func uniqueCatalogParameters() -> [String] {
        var names: [String] = []
        for kind in GrowthModelKind.allCases { for name in kind.parameterNames where !names.contains(name) { names.append(name) } }
        return names
    }

    /// Checks that need the series' data: anchors on forecast years only, shocks in years
    /// after the first actual, a fit window the data can fill, an absolute ceiling above
    /// the last actual, and no ceiling at or below a published actual lower bound.
    public func validate(against series: MarketSeries) throws {
        guard let assumptions = scenario.assumptions(for: series.id) else { return }
        let actualYears = series.actuals.map(\.year)
        guard let first = actualYears.first, let last = actualYears.last else { return }
        for (anchor, location) in zip(assumptions.anchors, anchorLocations[series.id] ?? []) {
            if anchor.year < first {
                throw Diagnostic(location, "anchor year \(anchor.year) lies before the data of `\(series.id)` (first actual \(first))",
                                 hint: "anchor a forecast year after \(last)")
            }
            if anchor.year <= last {
                throw Diagnostic(location, "anchor year \(anchor.year) already has a published actual in `\(series.id)`",
                                 hint: "anchors state beliefs about forecast years: use a year after \(last)")
            }
        }
        for (shock, location) in zip(assumptions.shocks, shockLocations[series.id] ?? []) where shock.year <= first {
            throw Diagnostic(location, "shock year \(shock.year) does not lie inside `\(series.id)`'s years (first actual \(first))",
                             hint: "a level change must start after the first actual year, between \(first + 1) and the horizon")
        }
        if let fitYears = assumptions.fitYears, fitYears > actualYears.count {
            throw Diagnostic(fitYearsLocations[series.id] ?? SourceLocation(file: file),
                             "`fit_years` \(fitYears) exceeds the \(actualYears.count) actual years of `\(series.id)`",
                             hint: "use at most \(actualYears.count), or drop the key to fit them all")
        }
        if case .absolute(let value) = assumptions.ceiling, let lastValue = series.actuals.last?.value, value <= lastValue {
            throw Diagnostic(seriesLocations[series.id] ?? SourceLocation(file: file),
                             "the ceiling \(value) of `\(series.id)` is not above its last actual \(lastValue) (\(last))",
                             hint: "a saturation level lies above the data; raise it or use `ceiling: {multiple: …}`")
        }
        // A path may not pass below a published actual lower bound of its own year (issue 19):
        // a ceiling caps the path (the model's f never exceeds it), so one at or below a
        // year's "more than" figure forces the path under what the publisher says was exceeded.
        let ceilingLevel: Double?
        switch assumptions.ceiling {
        case .absolute(let value)?: ceilingLevel = value
        case .multipleOfLastActual(let multiple)?: ceilingLevel = series.actuals.last.map { multiple * $0.value }
        case nil: ceilingLevel = nil
        }
        if let level = ceilingLevel,
           let bound = series.actuals.filter({ $0.bound == .lower && $0.value >= level }).max(by: { $0.value < $1.value }) {
            let shown = NumberFormat.grouped(level, decimals: level == level.rounded() ? 0 : 1)
            throw Diagnostic(seriesLocations[series.id] ?? SourceLocation(file: file),
                             "the ceiling \(shown) of `\(series.id)` lies at or below \(bound.year)'s published lower bound \(NumberFormat.grouped(bound.value, decimals: 0)) (\(series.file):\(bound.line)): the path could never reach a level the publisher says was exceeded",
                             hint: "raise the ceiling above \(NumberFormat.grouped(bound.value, decimals: 0)), or use a model without a ceiling")
        }
    }
}

import MarketData

// The industry penetration (推进程度) inputs: one row per industry with indicator scores
// 1–5 (higher = more favourable to adoption), its current penetration and its potential
// in percent. Every value is checked where it stands in the file, and all problems are
// reported in one pass so the analyst can fix the whole sheet at once.

public struct IndustryIndicators: Sendable, Equatable {
    public var nameZh: String
    public var nameEn: String
    /// One score per indicator, in the table's indicator order.
    public var scores: [Double]
    /// Percent of the industry's work already using large models (0–100).
    public var currentPenetration: Double
    /// Percent the industry can reach (0–100), above the current level.
    public var potential: Double
    /// The row's line in the file, for errors and notes.
    public var line: Int

    public init(nameZh: String, nameEn: String, scores: [Double], currentPenetration: Double, potential: Double,
                line: Int = 0) {
        self.nameZh = nameZh; self.nameEn = nameEn; self.scores = scores
        self.currentPenetration = currentPenetration; self.potential = potential; self.line = line
    }

    /// Room to grow: potential − current, in percentage points.
    public var room: Double { potential - currentPenetration }
}

public struct IndustryIndicatorTable: Sendable, Equatable {
    public static let scoreRange: ClosedRange<Double> = 1...5
    public static let requiredColumns = ["industry_zh", "industry_en", "current_penetration", "potential"]

    public var file: String
    /// Indicator column names, in the order the caller asked for them.
    public var indicators: [String]
    /// Industries in file order.
    public var industries: [IndustryIndicators]
    /// Sources named in the `source` column, first-seen order, for chart notes.
    public var sources: [String]
    /// The sources as the file words them per language (`source_zh`, `source_en`).
    public var localizedSources: [DisplayLanguage: [String]] = [:]

    /// Distinct sources in row order for `language`; `sources` when the file has no wording for it.
    public func sources(in language: DisplayLanguage) -> [String] {
        let localized = localizedSources[language] ?? []
        return localized.isEmpty ? sources : localized
    }

    public init(file: String, indicators: [String], industries: [IndustryIndicators], sources: [String] = []) {
        self.file = file; self.indicators = indicators; self.industries = industries; self.sources = sources
    }

    /// Reads `indicators` (scores 1–5) and the required columns from an already read table.
    /// Throws every problem found, each at its file:line:column.
    public init(table: CSVTable, indicators: [String]) throws {
        var problems = InputErrors()
        let file = table.file
        var columnOf: [String: Int] = [:]
        for name in Self.requiredColumns + indicators where columnOf[name] == nil {
            if let index = try problems.collect({ try table.columnIndex(named: name) }) { columnOf[name] = index }
        }
        try problems.throwIfAny()
        // Every name was resolved above or the function has thrown.
        func column(_ name: String) -> Int { columnOf[name] ?? 0 }
        let sourceColumn = table.optionalColumnIndex(named: "source")

        var rows: [IndustryIndicators] = []
        var firstLine: [String: Int] = [:]
        var sources: [String] = []
        var localizedSources: [DisplayLanguage: [String]] = [:]
        for row in table.rows {
            let nameCell = row[column("industry_zh")]
            let nameZh = nameCell.text
            if nameZh.isEmpty {
                problems.append(Diagnostic(table.location(of: nameCell), "the industry name is empty",
                                           hint: "write the industry's Chinese name in `industry_zh`"))
            } else if let earlier = firstLine[nameZh] {
                problems.append(Diagnostic(table.location(of: nameCell),
                                           "industry \"\(nameZh)\" appears twice (first on line \(earlier))",
                                           hint: "keep one row per industry; delete or rename this one"))
            } else {
                firstLine[nameZh] = row.line
            }
            var scores: [Double] = []
            for name in indicators {
                let cell = row[column(name)]
                guard let value = try problems.collect({ try NumberParsing.double(cell, column: name, file: file) }) else {
                    scores.append(.nan); continue
                }
                if !Self.scoreRange.contains(value) {
                    problems.append(Diagnostic(table.location(of: cell),
                                               "score \(cell.text) in column \"\(name)\" is outside 1–5",
                                               hint: "indicator scores run from 1 (holds adoption back) to 5 (favours it)"))
                }
                scores.append(value)
            }
            let currentCell = row[column("current_penetration")]
            let potentialCell = row[column("potential")]
            let current = try problems.collect { try Self.percent(currentCell, column: "current_penetration", table: table) }
            let potential = try problems.collect { try Self.percent(potentialCell, column: "potential", table: table) }
            if let current, let potential, current >= potential {
                problems.append(Diagnostic(table.location(of: potentialCell),
                                           "potential \(potentialCell.text) is not above the current penetration \(currentCell.text)",
                                           hint: "the potential is the level the industry can reach; it must exceed today's level"))
            }
            if let sourceColumn {
                let source = row[sourceColumn].text
                if !source.isEmpty, !sources.contains(source) { sources.append(source) }
                for language in DisplayLanguage.allCases {
                    let localized = table.text(row, "source", in: language)
                    if !localized.isEmpty, !localizedSources[language, default: []].contains(localized) {
                        localizedSources[language, default: []].append(localized)
                    }
                }
            }
            rows.append(IndustryIndicators(nameZh: nameZh, nameEn: row[column("industry_en")].text, scores: scores,
                                           currentPenetration: current ?? .nan, potential: potential ?? .nan,
                                           line: row.line))
        }
        try problems.throwIfAny()
        self.init(file: file, indicators: indicators, industries: rows, sources: sources)
        self.localizedSources = localizedSources
    }

    public static func load(path: String, indicators: [String]) throws -> IndustryIndicatorTable {
        try IndustryIndicatorTable(table: try CSVTable.read(path: path), indicators: indicators)
    }

    private static func percent(_ cell: CSVCell, column: String, table: CSVTable) throws -> Double {
        let value = try NumberParsing.double(cell, column: column, file: table.file)
        guard (0...100).contains(value) else {
            throw Diagnostic(table.location(of: cell), "\(column) \(cell.text) is outside 0–100",
                             hint: "write the level in percent without the % sign, e.g. 45")
        }
        return value
    }
}

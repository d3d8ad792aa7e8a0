import Foundation

/// Loads a market-size dataset (columns year,value,unit,status,source, optionally definition,
/// note, bound and published) into a MarketSeries, checking everything later stages rely on: the forecasts
/// assume one value per consecutive year, positive sizes, one unit and a source on every row.
/// Every problem in the file is reported, not only the first.
public enum SeriesLoader {
    public static let requiredColumns = ["year", "value", "unit", "status", "source"]
    public static let optionalColumns = ["definition", "note", "bound", "published"]
    public static let yearRange = 1900...2200

    /// Loads and validates the file at `path`. `id` defaults to the file name without its
    /// extension. `allowGaps` accepts missing years (for series that are not fitted as
    /// consecutive years). Throws InputErrors with every problem found.
    public static func load(path: String, id: String? = nil, allowGaps: Bool = false) throws -> MarketSeries {
        let table: CSVTable
        do {
            table = try CSVTable.read(path: path)
        } catch {
            throw InputErrors(flattening: error) ?? error
        }
        return try series(from: table, id: id, allowGaps: allowGaps)
    }

    /// Like `load(path:)` for bytes already in memory; `file` is the name errors show.
    public static func load(data: Data, file: String, id: String? = nil, allowGaps: Bool = false) throws -> MarketSeries {
        let table: CSVTable
        do {
            table = try CSVTable.parse(data: data, file: file)
        } catch {
            throw InputErrors(flattening: error) ?? error
        }
        return try series(from: table, id: id, allowGaps: allowGaps)
    }

    /// Every problem in the file at `path`, in line order; empty when it loads cleanly.
    public static func validate(path: String, id: String? = nil, allowGaps: Bool = false) -> [Diagnostic] {
        do {
            _ = try load(path: path, id: id, allowGaps: allowGaps)
            return []
        } catch {
            return InputErrors(flattening: error)?.errors
                ?? [Diagnostic(file: path, "the file could not be read: \(error)")]
        }
    }

    /// Loads every file, keeping going past failures: the series that loaded (in the order of
    /// `paths`) and every problem of the ones that did not, for `check` and `batch`.
    public static func loadAll(paths: [String], allowGaps: Bool = false) -> (series: [MarketSeries], errors: InputErrors) {
        var loaded: [MarketSeries] = []
        var problems = InputErrors()
        for path in paths {
            do {
                loaded.append(try load(path: path, allowGaps: allowGaps))
            } catch {
                problems.append(contentsOf: InputErrors(flattening: error)
                    ?? InputErrors([Diagnostic(file: path, "the file could not be read: \(error)")]))
            }
        }
        return (loaded, problems)
    }

    /// Validates a parsed table as a market series.
    public static func series(from table: CSVTable, id: String? = nil, allowGaps: Bool = false) throws -> MarketSeries {
        let file = table.file
        var problems = InputErrors()

        let missing = requiredColumns.filter { table.optionalColumnIndex(named: $0) == nil }
        for name in missing {
            // A misspelt required column is reported once, as missing, with the suggestion.
            problems.append(Diagnostic(file: file, line: table.headerLine,
                                       "required column \"\(name)\" is missing",
                                       hint: missingColumnHint(name, table: table)))
        }
        try problems.throwIfAny()
        // All required columns exist (checked above), so the lookups below cannot fail.
        let yearColumn = try table.columnIndex(named: "year")
        let valueColumn = try table.columnIndex(named: "value")
        let unitColumn = try table.columnIndex(named: "unit")
        let statusColumn = try table.columnIndex(named: "status")
        let sourceColumn = try table.columnIndex(named: "source")
        let noteColumn = table.optionalColumnIndex(named: "note")
        let definitionColumn = table.optionalColumnIndex(named: "definition")
        let boundColumn = table.optionalColumnIndex(named: "bound")
        let publishedColumn = table.optionalColumnIndex(named: "published")

        var observations: [Observation] = []
        var unitCheck = SameValueCheck(column: "unit",
                                       hint: { "use one unit for the whole series: convert this row's value to \($0)" })
        var definitionCheck = SameValueCheck(column: "definition",
                                             hint: { _ in "keep one publisher's definition per series; put other definitions in their own file" })
        var yearLines: [(year: Int, line: Int)] = []
        var lineOfYear: [Int: Int] = [:]

        for row in table.rows {
            let year = try problems.collect { try parseYear(row[yearColumn], file: file) }
            let value = try problems.collect { try parseValue(row[valueColumn], file: file) }
            // `preliminary` is an actual stated before its year closed (checked below with `published`).
            let isPreliminary = row[statusColumn].text.trimmingCharacters(in: .whitespaces).lowercased() == preliminaryStatus
            let status = isPreliminary ? .actual : try problems.collect { try parseStatus(row[statusColumn], file: file) }
            // An absent column and an empty cell both mean "an exact figure".
            let bound = try problems.collect { try boundColumn.flatMap { try parseBound(row[$0], file: file) } }
            let published = try problems.collect { try publishedColumn.map { try parsePublished(row[$0], file: file) } ?? "" }

            let unitCell = row[unitColumn]
            if unitCell.text.isEmpty {
                problems.append(Diagnostic(table.location(of: unitCell), "column \"unit\" is empty",
                                           hint: "write the unit of the value, such as 亿元"))
            } else if let problem = unitCheck.check(unitCell, line: row.line, in: table) {
                problems.append(problem)
            }

            let sourceCell = row[sourceColumn]
            if sourceCell.text.isEmpty {
                problems.append(Diagnostic(table.location(of: sourceCell), "column \"source\" is empty",
                                           hint: "name where the value comes from (publisher, date, URL); every value needs a source"))
            }

            // An empty definition cell means "same as the others", so only filled ones must agree.
            let definitionCell = definitionColumn.map { row[$0] }
            if let definitionCell, !definitionCell.text.isEmpty,
               let problem = definitionCheck.check(definitionCell, line: row.line, in: table) {
                problems.append(problem)
            }

            if let year {
                // A second row for a year is allowed when both are bounds of one kind from
                // different sources (judged below, once the row is read); the gap check sees the year once.
                if let earlier = lineOfYear[year] {
                    let first = observations.first { $0.line == earlier }
                    let sameKind = bound != nil && (bound ?? nil) != nil && first?.bound == (bound ?? nil)
                        && first?.status == (isPreliminary ? .actual : status ?? nil)
                    let otherSource = first?.source != row[sourceColumn].text
                    if !(sameKind && otherSource) {
                        problems.append(Diagnostic(file: file, line: row.line, column: row[yearColumn].column,
                                                   "year \(year) appears twice, on lines \(earlier) and \(row.line)",
                                                   hint: "keep one row per year; two rows for one year are kept only when both are bounds of the same kind (`bound`), with the same status, from different sources"))
                    }
                } else {
                    yearLines.append((year, row.line))
                    lineOfYear[year] = row.line
                }
            }

            if let year, let value, let status {
                var observation = Observation(year: year, value: value, unit: unitCell.text, status: status,
                                              source: sourceCell.text,
                                              note: noteColumn.map { row[$0].text } ?? "",
                                              definition: definitionCell?.text ?? "", line: row.line)
                observation.localizedSources = table.texts(row, "source")
                observation.bound = bound ?? nil
                observation.published = published ?? ""
                observation.isPreliminary = isPreliminary
                if isPreliminary, let problem = preliminaryProblem(year: year, published: observation.published,
                                                                   statusCell: row[statusColumn],
                                                                   publishedCell: publishedColumn.map { row[$0] }, file: file) {
                    problems.append(problem)
                }
                observations.append(observation)
            }
        }

        // Gaps are judged only when every year could be read; otherwise an unreadable year
        // would also be reported as a missing one.
        if !allowGaps && yearLines.count == table.rows.count {
            problems.append(contentsOf: gapProblems(in: yearLines, file: file))
        }
        try problems.sortedByLocation().throwIfAny()

        // Several sources bounding one year: all rows are kept, each with its source; the
        // tightest bound (the highest "more than", the lowest "less than") is the year's
        // observation and drives the fit, the others stay beside it for the page's range.
        var kept: [Observation] = [], others: [Observation] = []
        for observation in observations {
            guard let index = kept.firstIndex(where: { $0.year == observation.year }) else { kept.append(observation); continue }
            let current = kept[index]
            let tighter = observation.bound == .lower ? observation.value > current.value : observation.value < current.value
            if tighter { others.append(current); kept[index] = observation } else { others.append(observation) }
        }
        let seriesID = id ?? defaultID(for: file)
        var series = MarketSeries(id: seriesID, file: file, unit: unitCheck.first?.text ?? "",
                                  definition: definitionCheck.first?.text ?? "",
                                  observations: kept,
                                  warnings: warnings(for: table, observations: kept))
        series.otherSources = others.sorted { ($0.year, $0.line) < ($1.year, $1.line) }
        return series
    }

    /// The file name without folder and extension: "datasets/china-ai.csv" -> "china-ai".
    public static func defaultID(for file: String) -> String {
        let name = (file as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }

    private static func missingColumnHint(_ name: String, table: CSVTable) -> String {
        guard CSVTable.looksLikeColumnNames(table.header) else {
            return table.headerHint(for: name) + " A market series needs the columns " + requiredColumns.joined(separator: ",")
        }
        let found = table.header.map { "\"\($0)\"" }.joined(separator: ", ")
        var hint = "the header has: \(found)"
        let unused = table.header.filter { column in
            !(requiredColumns + optionalColumns).contains(column.lowercased())
        }
        if let match = Suggestions.closest(to: name, among: unused) {
            hint = "did you mean \"\(match)\"? " + hint
        }
        return hint + "; a market series needs the columns " + requiredColumns.joined(separator: ",")
    }

    /// Not errors, but likely mistakes: a column that looks like a misspelt optional column
    /// (its values would be silently ignored), a file that had to be decoded as GBK, and an
    /// actual value for a year after an estimate (usually a status typed in the wrong row).
    private static func warnings(for table: CSVTable, observations: [Observation]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if table.encoding == .gb18030 {
            found.append(Diagnostic(file: table.file,
                                    "the file is not UTF-8; it was read as GBK/GB18030",
                                    hint: TextDecoding.resaveHint, severity: .warning))
        }
        let known = requiredColumns + optionalColumns
        for (index, column) in table.header.enumerated() where !known.contains(column.lowercased()) {
            if let match = Suggestions.closest(to: column, among: optionalColumns) {
                let headerCell = table.headerCells.indices.contains(index) ? table.headerCells[index].column : nil
                found.append(Diagnostic(file: table.file, line: table.headerLine, column: headerCell,
                                        "column \"\(column)\" is not used; did you mean \"\(match)\"?",
                                        hint: "rename the column to \"\(match)\" if it holds the \(match) of each row",
                                        severity: .warning))
            }
        }
        let sorted = observations.sorted { $0.year < $1.year }
        if let firstEstimate = sorted.first(where: { $0.status == .estimate }) {
            for later in sorted where later.status == .actual && later.year > firstEstimate.year {
                found.append(Diagnostic(file: table.file, line: later.line,
                                        "year \(later.year) is an actual but the earlier year \(firstEstimate.year) (line \(firstEstimate.line)) is an estimate",
                                        hint: "check the status column: estimates usually follow the last actual year",
                                        severity: .warning))
            }
        }
        return InputErrors(found).sortedByLocation().errors
    }

    private static func parseYear(_ cell: CSVCell, file: String) throws -> Int {
        let year = try NumberParsing.integer(cell, column: "year", file: file)
        guard yearRange.contains(year) else {
            throw Diagnostic(file: file, line: cell.line, column: cell.column,
                             "year \(year) is outside \(yearRange.lowerBound)–\(yearRange.upperBound)",
                             hint: "write a four-digit calendar year such as 2024")
        }
        return year
    }

    private static func parseValue(_ cell: CSVCell, file: String) throws -> Double {
        let value = try NumberParsing.double(cell, column: "value", file: file)
        guard value > 0 else {
            throw Diagnostic(file: file, line: cell.line, column: cell.column,
                             "value \(cell.text) in column \"value\" is \(value == 0 ? "zero" : "negative"), but a market size must be positive",
                             hint: "check the sign and the unit; a year without a known value is left out rather than written as 0")
        }
        return value
    }

    /// The `status` of an actual stated before its year closed.
    public static let preliminaryStatus = "preliminary"

    /// A preliminary figure must say when it was stated, and that must fall inside its own
    /// year: stated later, the year had closed (an actual); stated before, it is a forecast.
    private static func preliminaryProblem(year: Int, published: String, statusCell: CSVCell, publishedCell: CSVCell?,
                                           file: String) -> Diagnostic? {
        guard let publishedCell, !published.isEmpty, let publishedYear = Int(published.prefix(4)) else {
            return Diagnostic(file: file, line: statusCell.line, column: statusCell.column,
                              "\(year) is preliminary but the row gives no `published` date",
                              hint: "write when the figure was stated (e.g. 2025-12) in a `published` column: a preliminary figure is one stated before its year closed")
        }
        if publishedYear > year {
            return Diagnostic(file: file, line: publishedCell.line, column: publishedCell.column,
                              "\(year) is preliminary but was published \(published), after the year closed",
                              hint: "write status actual for a figure stated after its year ended, or correct the date")
        }
        if publishedYear < year {
            return Diagnostic(file: file, line: publishedCell.line, column: publishedCell.column,
                              "\(year) is preliminary but was published \(published), before the year began",
                              hint: "a figure stated before its year began is a forecast: write status estimate, or list it as a publisher forecast")
        }
        return nil
    }

    private static func parseStatus(_ cell: CSVCell, file: String) throws -> ObservationStatus {
        if let status = ObservationStatus(rawValue: cell.text.lowercased()) { return status }
        let allowed = ObservationStatus.allCases.map(\.rawValue) + [preliminaryStatus]
        let shown = cell.text.isEmpty ? "column \"status\" is empty" : "status \"\(cell.text)\" is not one of \(allowed.joined(separator: ", "))"
        throw Diagnostic(file: file, line: cell.line, column: cell.column, shown,
                         hint: cell.text.isEmpty
                             ? "write actual for a reported value, preliminary for one stated before its year closed, or estimate for a forecast"
                             : Suggestions.hint(for: cell.text, among: allowed, listIntro: "the status must be one of"))
    }

    /// `lower`, `upper` or empty (an exact figure); anything else is a located error that
    /// says what the column means, so an analyst who typed "超过" or ">" knows what to write.
    private static func parseBound(_ cell: CSVCell, file: String) throws -> ObservationBound? {
        let text = cell.text.trimmedOfSpaces
        if text.isEmpty { return nil }
        if let bound = ObservationBound(rawValue: text.lowercased()) { return bound }
        let allowed = ObservationBound.allCases.map(\.rawValue)
        let meaning = "write lower when the source says the value is more than the figure (超过, 突破, >), upper when it says less (不足, 低于, <), or leave the cell empty for an exact figure"
        let guess: String?
        switch text {
        case "超过", "突破", "以上", ">", ">=", "≥", "min", "at least": guess = "lower"
        case "不足", "低于", "以下", "<", "<=", "≤", "max", "at most": guess = "upper"
        default: guess = Suggestions.closest(to: text, among: allowed)
        }
        throw Diagnostic(file: file, line: cell.line, column: cell.column,
                         "bound \"\(text)\" is not one of \(allowed.joined(separator: ", ")) or empty",
                         hint: (guess.map { "did you mean \"\($0)\"? " } ?? "") + meaning)
    }

    /// An ISO date at the precision the source gives (`YYYY-MM` or `YYYY-MM-DD`), or empty.
    /// Kept as text: the precision is part of what was published, and ISO text sorts by date.
    private static func parsePublished(_ cell: CSVCell, file: String) throws -> String {
        let text = cell.text.trimmedOfSpaces
        if text.isEmpty { return "" }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let digitsOnly = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        let widths = parts.map(\.count)
        var valid = digitsOnly && (widths == [4, 2] || widths == [4, 2, 2])
        if valid, let month = Int(parts[1]), !(1...12).contains(month) { valid = false }
        if valid, parts.count == 3, let day = Int(parts[2]), !(1...31).contains(day) { valid = false }
        if valid, let year = Int(parts[0]), !yearRange.contains(year) { valid = false }
        guard valid else {
            throw Diagnostic(file: file, line: cell.line, column: cell.column,
                             "published \"\(text)\" is not a date such as 2025-12 or 2025-12-15",
                             hint: "write the date the figure was published, at the precision the source gives (YYYY-MM or YYYY-MM-DD), or leave the cell empty")
        }
        return text
    }

    /// One error per run of missing years, at the row after the gap. Duplicated years are
    /// reported elsewhere and leave no gap.
    private static func gapProblems(in yearLines: [(year: Int, line: Int)], file: String) -> InputErrors {
        var problems = InputErrors()
        let sorted = yearLines.sorted { ($0.year, $0.line) < ($1.year, $1.line) }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.year - earlier.year > 1 {
            let missingYears = (earlier.year + 1)..<later.year
            let list = missingYears.count <= 5
                ? missingYears.map(String.init).joined(separator: ", ")
                : "\(missingYears.lowerBound)–\(missingYears.upperBound - 1)"
            problems.append(Diagnostic(file: file, line: later.line,
                                       "year\(missingYears.count == 1 ? "" : "s") \(list) missing between \(earlier.year) (line \(earlier.line)) and \(later.year) (line \(later.line))",
                                       hint: "growth rates and fits assume consecutive years: add the missing year\(missingYears.count == 1 ? "" : "s") (mark derived values in the note column), or allow gaps for this series"))
        }
        return problems
    }
}

/// Checks that a column holds the same text on every row where it is filled, remembering the
/// first row's text and line so a differing row's error can name both.
private struct SameValueCheck {
    let column: String
    /// How to fix a differing row, given the first row's text.
    let hint: (String) -> String
    private(set) var first: (text: String, line: Int)?

    init(column: String, hint: @escaping (String) -> String) {
        self.column = column
        self.hint = hint
    }

    mutating func check(_ cell: CSVCell, line: Int, in table: CSVTable) -> Diagnostic? {
        guard let first else {
            self.first = (cell.text, line)
            return nil
        }
        guard first.text != cell.text else { return nil }
        return Diagnostic(table.location(of: cell),
                          "\(column) \"\(cell.text)\" differs from \"\(first.text)\" on line \(first.line)",
                          hint: hint(first.text))
    }
}

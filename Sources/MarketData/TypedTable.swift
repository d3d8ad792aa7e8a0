import Foundation

/// A date at the precision its source gives: a year, a month or a day.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else (including 2023-02-30).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), year >= 1 else { return nil }
        self.year = year
        if parts.count >= 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        }
        if parts.count == 3, let month {
            guard parts[2].count == 2, let day = Int(parts[2]),
                  (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
            self.day = day
        }
    }

    public var description: String {
        var text = String(format: "%04d", year)
        if let month { text += String(format: "-%02d", month) }
        if let day { text += String(format: "-%02d", day) }
        return text
    }

    /// Days since 1970-01-01 of the date's first day (a month without a day is its 1st), for
    /// placing dates on a linear time axis.
    public var dayNumber: Int {
        Self.dayNumber(year: year, month: month ?? 1, day: day ?? 1)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
    /// days-from-civil), exact for every year this tool will meet.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }
}

/// A CSV table read by column name, for the datasets that are not year series (releases,
/// cases, benchmarks…). Every getter that can fail records an error naming the file, line
/// and column, and the caller throws them all at once with `finish()`, so an analyst sees
/// every bad cell in one run.
public struct TypedTable: Sendable {
    public let table: CSVTable
    public private(set) var problems = InputErrors()

    /// Reads `path` and checks that every `required` column is in the header.
    public static func read(path: String, required: [String]) throws -> TypedTable {
        try TypedTable(table: try csv(path: path), required: required)
    }

    /// The CSV at `path`, its problems as a list.
    public static func csv(path: String) throws -> CSVTable {
        do {
            return try CSVTable.read(path: path)
        } catch {
            throw InputErrors(flattening: error) ?? error
        }
    }

    public init(table: CSVTable, required: [String]) throws {
        self.table = table
        var missing = InputErrors()
        for name in required where table.optionalColumnIndex(named: name) == nil {
            missing.append(Diagnostic(file: table.file, line: table.headerLine, "required column \"\(name)\" is missing",
                                      hint: table.headerHint(for: name)
                                          + "; add a column named \"\(name)\""))
        }
        try missing.throwIfAny()
        // Every text here may become a label or a note on a page: none may be longer than
        // a note (`InputLimits.noteCharacters`).
        let limit = InputLimits.noteCharacters
        for row in table.rows {
            for index in table.header.indices {
                let cell = row[index]
                guard cell.text.utf8.count > limit, cell.text.unicodeScalars.count > limit else { continue }
                problems.append(Diagnostic(table.location(of: cell),
                                           "the text in column \"\(table.header[index])\" is longer than \(limit) characters, the most a label or note may have",
                                           hint: "shorten it; a page shows a few lines of a note at most"))
            }
        }
    }

    public var rows: [CSVRow] { table.rows }

    private func cell(_ row: CSVRow, _ column: String) -> CSVCell? {
        table.optionalColumnIndex(named: column).map { row[$0] }
    }

    /// The cell's text, trimmed; "" when the column is absent (optional columns).
    public func text(_ row: CSVRow, _ column: String) -> String {
        cell(row, column)?.text.trimmedOfSpaces ?? ""
    }

    /// The cell's text; an empty cell is recorded as an error.
    public mutating func requiredText(_ row: CSVRow, _ column: String) -> String {
        let value = text(row, column)
        if value.isEmpty, let cell = cell(row, column) {
            problems.append(Diagnostic(table.location(of: cell), "column \"\(column)\" is empty",
                                       hint: "fill in the \(column) of this row"))
        }
        return value
    }

    /// A plain number; nil (and no error) for an empty cell, nil with an error for text.
    public mutating func optionalNumber(_ row: CSVRow, _ column: String) -> Double? {
        guard let cell = cell(row, column), !cell.text.trimmedOfSpaces.isEmpty else { return nil }
        do {
            return try NumberParsing.double(cell, column: column, file: table.file)
        } catch {
            problems.append(contentsOf: InputErrors(flattening: error) ?? InputErrors())
            return nil
        }
    }

    /// A plain number that must be present.
    public mutating func number(_ row: CSVRow, _ column: String) -> Double? {
        if text(row, column).isEmpty, let cell = cell(row, column) {
            problems.append(Diagnostic(table.location(of: cell), "column \"\(column)\" is empty",
                                       hint: "write the number, without thousands separators or units"))
            return nil
        }
        return optionalNumber(row, column)
    }

    /// An ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); nil for an empty cell unless `required`.
    public mutating func date(_ row: CSVRow, _ column: String, required: Bool = true) -> CalendarDate? {
        guard let cell = cell(row, column) else { return nil }
        let raw = cell.text.trimmedOfSpaces
        if raw.isEmpty {
            if required {
                problems.append(Diagnostic(table.location(of: cell), "column \"\(column)\" is empty",
                                           hint: "write the date as YYYY, YYYY-MM or YYYY-MM-DD"))
            }
            return nil
        }
        guard let date = CalendarDate(iso: raw) else {
            problems.append(Diagnostic(table.location(of: cell), "`\(raw)` in column \"\(column)\" is not a date",
                                       hint: "write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023-03-16)"))
            return nil
        }
        return date
    }

    /// A cell that must be one of `allowed`.
    public mutating func choice(_ row: CSVRow, _ column: String, allowed: [String]) -> String? {
        let value = text(row, column)
        guard allowed.contains(value) else {
            if let cell = cell(row, column) {
                let guess = Suggestions.closest(to: value, among: allowed).map { "did you mean `\($0)`? " } ?? ""
                problems.append(Diagnostic(table.location(of: cell), "`\(value)` in column \"\(column)\" is not allowed",
                                           hint: guess + "write one of: \(allowed.joined(separator: ", "))"))
            }
            return nil
        }
        return value
    }

    /// Records a problem the caller found (a rule across cells, a range check).
    public mutating func recordProblem(_ error: Diagnostic) {
        problems.append(error)
    }

    /// Throws every problem recorded so far, in line order.
    public func finish() throws {
        try problems.sortedByLocation().throwIfAny()
    }
}

import MarketData

// The publishers' own forecasts that the forecast comparison sets beside ours, read from
// datasets/published-forecasts.csv. A row is either a level (`value` in `unit`, possibly a
// bound) or a growth rate (`cagr_percent` from `from_year` to `year`), never both: a bound
// stays a bound and a CAGR stays a rate, so the page cannot turn one into the other.

struct PublishedForecast: Equatable {
    enum Figure: Equatable {
        /// A level for `year`; `bound` when the publisher gave a lower or upper bound.
        case level(value: Double, unit: String, bound: ObservationBound?)
        /// A compound annual growth rate (0.321 = 32.1%) from `fromYear` to the row's `year`.
        case growth(rate: Double, fromYear: Int)
    }

    var publisher: String
    /// ISO date of the publication, at the precision the source gives; nil when it gives none.
    var published: CalendarDate?
    var definition: String
    /// The id of our series on the same (or the compared) definition; nil when we have none.
    var seriesID: String?
    var year: Int
    var figure: Figure
    var source: String
    var url: String
    var note: String

    /// The rows of the table, texts in `language` (`publisher_en`, `definition_en`, `source_en`
    /// where filled). Every bad cell is reported with its line and column; rows keep file order.
    static func load(_ csv: CSVTable, language: DisplayLanguage? = nil) throws -> [PublishedForecast] {
        var table = try TypedTable(table: csv, required: ["publisher", "definition", "year", "value", "cagr_percent",
                                                          "unit", "source"])
        func localized(_ row: CSVRow, _ column: String) -> String {
            language.map { csv.text(row, column, in: $0) } ?? table.text(row, column)
        }
        func locate(_ row: CSVRow, _ column: String) -> SourceLocation {
            csv.optionalColumnIndex(named: column).map { csv.location(of: row[$0]) }
                ?? SourceLocation(file: csv.file, line: row.line)
        }
        var rows: [PublishedForecast] = []
        for row in table.rows {
            let publisher = table.requiredText(row, "publisher")
            _ = table.requiredText(row, "definition")
            let year = table.date(row, "year")
            let published = table.date(row, "published", required: false)
            let value = table.optionalNumber(row, "value")
            let cagr = table.optionalNumber(row, "cagr_percent")
            let unit = table.requiredText(row, "unit")
            let boundText = table.text(row, "bound")
            let bound = boundText.isEmpty ? nil : table.choice(row, "bound", allowed: ObservationBound.allCases.map(\.rawValue))
                .flatMap(ObservationBound.init(rawValue:))
            let fromYear = table.date(row, "from_year", required: false)
            let source = table.source(row, in: language)
            var figure: Figure?
            switch (value, cagr) {
            case let (value?, nil):
                if !(value > 0 && value.isFinite) {
                    table.recordProblem(Diagnostic(locate(row, "value"), "a published level must be a positive number (\(value))",
                                                   hint: "write the figure in the unit column's unit, without separators"))
                } else if fromYear != nil {
                    table.recordProblem(Diagnostic(locate(row, "from_year"), "a level has no start year",
                                                   hint: "empty `from_year`, or write the figure as `cagr_percent`"))
                } else {
                    figure = .level(value: value, unit: unit, bound: bound)
                }
            case let (nil, rate?):
                if !(rate > -100 && rate.isFinite) {
                    table.recordProblem(Diagnostic(locate(row, "cagr_percent"), "a growth rate must be above −100% (\(rate))",
                                                   hint: "write the rate in percent, e.g. 32.1"))
                } else if !boundText.isEmpty {
                    table.recordProblem(Diagnostic(locate(row, "bound"), "a growth rate is not a bound here",
                                                   hint: "empty `bound`; put a bounded level on a row of its own"))
                } else if let fromYear, let year, fromYear.year < year.year {
                    figure = .growth(rate: rate / 100, fromYear: fromYear.year)
                } else {
                    table.recordProblem(Diagnostic(locate(row, "from_year"), "a growth rate needs a start year before `year`",
                                                   hint: "write the first year of the rate's period, e.g. 2025 for 2025–2029"))
                }
            case (nil, nil):
                if table.text(row, "value").isEmpty && table.text(row, "cagr_percent").isEmpty {
                    table.recordProblem(Diagnostic(locate(row, "value"), "the row has neither a value nor a growth rate",
                                                   hint: "fill `value` (a level) or `cagr_percent` (a rate)"))
                }
            case (_?, _?):
                table.recordProblem(Diagnostic(locate(row, "cagr_percent"), "the row has both a value and a growth rate",
                                               hint: "put the level and the rate on rows of their own"))
            }
            guard let year, let figure else { continue }
            let series = table.text(row, "series")
            rows.append(PublishedForecast(publisher: localized(row, "publisher").isEmpty ? publisher : localized(row, "publisher"),
                                          published: published, definition: localized(row, "definition"),
                                          seriesID: series.isEmpty ? nil : series, year: year.year, figure: figure,
                                          source: source, url: table.text(row, "url"), note: table.text(row, "note")))
        }
        try table.finish()
        return rows
    }
}

import MarketData

// The tables behind the exhibits that are not fitted series, read into typed rows. Each
// loader reports every bad cell with file, line and column (TypedTable) and checks what
// its exhibit relies on, e.g. that a missing month is marked `missing`, never zero.

struct MonthlyVisit: Equatable {
    var month: CalendarDate
    /// nil where the sources have no figure (status `missing`).
    var value: Double?
    var unit: String
    var source: String

    static func load(path: String, language: DisplayLanguage? = nil) throws -> [MonthlyVisit] {
        try load(try TypedTable.csv(path: path), language: language)
    }

    /// The rows of a table already read (a run reads each file once).
    static func load(_ csv: CSVTable, language: DisplayLanguage? = nil) throws -> [MonthlyVisit] {
        var table = try TypedTable(table: csv, required: ["month", "value", "unit", "status", "source"])
        var visits: [MonthlyVisit] = []
        for row in table.rows {
            let month = table.date(row, "month")
            let status = table.choice(row, "status", allowed: ["actual", "missing"])
            let value = status == "missing" ? nil : table.number(row, "value")
            if status == "missing", !table.text(row, "value").isEmpty, let column = table.table.optionalColumnIndex(named: "value") {
                table.recordProblem(Diagnostic(table.table.location(of: row[column]),
                                               "a month with status `missing` has a value",
                                               hint: "empty the value cell, or set the status to `actual`"))
            }
            if let value, !(value >= 0), let column = table.table.optionalColumnIndex(named: "value") {
                table.recordProblem(Diagnostic(table.table.location(of: row[column]), "visits cannot be negative (\(value))",
                                               hint: "write the number of visits in the unit column's unit"))
            }
            guard let month, month.month != nil else {
                if let column = table.table.optionalColumnIndex(named: "month"), month != nil {
                    table.recordProblem(Diagnostic(table.table.location(of: row[column]), "the month needs YYYY-MM",
                                                   hint: "write the month as e.g. 2023-01"))
                }
                continue
            }
            visits.append(MonthlyVisit(month: month, value: value, unit: table.requiredText(row, "unit"),
                                       source: table.source(row, in: language)))
        }
        try table.finish()
        return visits.sorted { $0.month < $1.month }
    }
}

struct DatedLabel: Equatable {
    var date: CalendarDate
    var labelZH: String
    var labelEN: String
    var source: String

    /// `date` column may be a year, month or day; labels in `label_zh` and `label_en`.
    static func load(path: String, dateColumn: String, language: DisplayLanguage? = nil) throws -> [DatedLabel] {
        try load(try TypedTable.csv(path: path), dateColumn: dateColumn, language: language)
    }

    /// The rows of a table already read (a run reads each file once).
    static func load(_ csv: CSVTable, dateColumn: String, language: DisplayLanguage? = nil) throws -> [DatedLabel] {
        var table = try TypedTable(table: csv, required: [dateColumn, "label_zh", "label_en", "source"])
        var labels: [DatedLabel] = []
        for row in table.rows {
            guard let date = table.date(row, dateColumn) else { continue }
            labels.append(DatedLabel(date: date, labelZH: table.requiredText(row, "label_zh"),
                                     labelEN: table.requiredText(row, "label_en"), source: table.source(row, in: language)))
        }
        try table.finish()
        return labels.sorted { $0.date < $1.date }
    }
}

struct ModelRelease: Equatable {
    var date: CalendarDate
    var vendor: String, model: String, vendorEN: String, modelEN: String
    var source: String

    static func load(path: String, language: DisplayLanguage? = nil) throws -> [ModelRelease] {
        try load(try TypedTable.csv(path: path), language: language)
    }

    /// The rows of a table already read (a run reads each file once).
    static func load(_ csv: CSVTable, language: DisplayLanguage? = nil) throws -> [ModelRelease] {
        var table = try TypedTable(table: csv, required: ["date", "vendor", "model", "vendor_en", "model_en", "source"])
        var releases: [ModelRelease] = []
        for row in table.rows {
            guard let date = table.date(row, "date") else { continue }
            releases.append(ModelRelease(date: date, vendor: table.requiredText(row, "vendor"),
                                         model: table.requiredText(row, "model"),
                                         vendorEN: table.requiredText(row, "vendor_en"),
                                         modelEN: table.requiredText(row, "model_en"),
                                         source: table.source(row, in: language)))
        }
        try table.finish()
        return releases.sorted { $0.date < $1.date }
    }
}

struct DevelopmentStage: Equatable {
    var nameZH: String, nameEN: String
    var start: Int
    /// nil: ongoing.
    var end: Int?
    var source: String

    static func load(path: String, language: DisplayLanguage? = nil) throws -> [DevelopmentStage] {
        try load(try TypedTable.csv(path: path), language: language)
    }

    /// The rows of a table already read (a run reads each file once).
    static func load(_ csv: CSVTable, language: DisplayLanguage? = nil) throws -> [DevelopmentStage] {
        var table = try TypedTable(table: csv, required: ["stage_zh", "stage_en", "start_year", "end_year", "source"])
        var stages: [DevelopmentStage] = []
        for row in table.rows {
            guard let start = table.date(row, "start_year") else { continue }
            let end = table.date(row, "end_year", required: false)
            if let end, end.year <= start.year, let column = table.table.optionalColumnIndex(named: "end_year") {
                table.recordProblem(Diagnostic(table.table.location(of: row[column]),
                                               "the stage ends (\(end.year)) before it starts (\(start.year))",
                                               hint: "a stage spans [start_year, end_year); leave end_year empty for an ongoing stage"))
            }
            stages.append(DevelopmentStage(nameZH: table.requiredText(row, "stage_zh"), nameEN: table.requiredText(row, "stage_en"),
                                           start: start.year, end: end?.year, source: table.source(row, in: language)))
        }
        try table.finish()
        return stages.sorted { $0.start < $1.start }
    }
}

struct VendorModel: Equatable {
    var vendor: String, vendorEN: String, model: String, modelEN: String
    var event: String
    var date: CalendarDate
    var parameters: Double?
    var parametersUnit: String
    var source: String

    static let events = ["release", "first disclosure", "upgrade"]

    static func load(path: String, language: DisplayLanguage? = nil) throws -> [VendorModel] {
        try load(try TypedTable.csv(path: path), language: language)
    }

    /// The rows of a table already read (a run reads each file once).
    static func load(_ csv: CSVTable, language: DisplayLanguage? = nil) throws -> [VendorModel] {
        var table = try TypedTable(table: csv, required: ["vendor", "vendor_en", "model", "model_en", "event", "date",
                                                               "parameters", "parameters_unit", "source"])
        var models: [VendorModel] = []
        for row in table.rows {
            let event = table.choice(row, "event", allowed: events)
            let parameters = table.optionalNumber(row, "parameters")
            let unit = table.text(row, "parameters_unit")
            if parameters != nil, !["亿", "billion", "million"].contains(unit),
               let column = table.table.optionalColumnIndex(named: "parameters_unit") {
                table.recordProblem(Diagnostic(table.table.location(of: row[column]),
                                               "parameter unit `\(unit)` is not known",
                                               hint: "write 亿, billion or million"))
            }
            guard let date = table.date(row, "date"), let event else { continue }
            models.append(VendorModel(vendor: table.requiredText(row, "vendor"), vendorEN: table.requiredText(row, "vendor_en"),
                                      model: table.requiredText(row, "model"), modelEN: table.requiredText(row, "model_en"),
                                      event: event, date: date, parameters: parameters, parametersUnit: unit,
                                      source: table.source(row, in: language)))
        }
        try table.finish()
        return models
    }

    /// Parameters in billions, whatever unit the row uses.
    var parametersInBillions: Double? {
        guard let parameters else { return nil }
        switch parametersUnit {
        case "亿": return parameters / 10
        case "million": return parameters / 1000
        default: return parameters
        }
    }
}

struct BenchmarkScore: Equatable {
    var model: String, benchmark: String, benchmarkEN: String
    var score: Double
    var questions: Double?
    var source: String

    static func load(path: String, language: DisplayLanguage? = nil) throws -> [BenchmarkScore] {
        try load(try TypedTable.csv(path: path), language: language)
    }

    /// The rows of a table already read (a run reads each file once).
    static func load(_ csv: CSVTable, language: DisplayLanguage? = nil) throws -> [BenchmarkScore] {
        var table = try TypedTable(table: csv, required: ["model", "benchmark", "benchmark_en", "score", "unit", "source"])
        var scores: [BenchmarkScore] = []
        for row in table.rows {
            let score = table.number(row, "score")
            if let score, !(0...100).contains(score), let column = table.table.optionalColumnIndex(named: "score") {
                table.recordProblem(Diagnostic(table.table.location(of: row[column]), "score \(score) is outside 0–100",
                                               hint: "write the score on the benchmark's 0–100 scale"))
            }
            guard let score else { continue }
            scores.append(BenchmarkScore(model: table.requiredText(row, "model"), benchmark: table.requiredText(row, "benchmark"),
                                         benchmarkEN: table.requiredText(row, "benchmark_en"), score: score,
                                         questions: table.optionalNumber(row, "questions"),
                                         source: table.source(row, in: language)))
        }
        try table.finish()
        return scores
    }
}

struct ComputeFigure: Equatable {
    var vendor: String, vendorEN: String, facility: String, facilityEN: String
    var metric: String, metricEN: String
    var value: Double
    var isLowerBound: Bool
    var unit: String
    var date: CalendarDate?
    var isEstimate: Bool
    var source: String

    static func load(path: String, language: DisplayLanguage? = nil) throws -> [ComputeFigure] {
        try load(try TypedTable.csv(path: path), language: language)
    }

    /// The rows of a table already read (a run reads each file once).
    static func load(_ csv: CSVTable, language: DisplayLanguage? = nil) throws -> [ComputeFigure] {
        var table = try TypedTable(table: csv, required: ["vendor", "vendor_en", "facility", "facility_en", "metric",
                                                               "metric_en", "value", "qualifier", "unit", "date",
                                                               "status", "source"])
        var figures: [ComputeFigure] = []
        for row in table.rows {
            let value = table.number(row, "value")
            let qualifier = table.choice(row, "qualifier", allowed: ["", "+"])
            let status = table.choice(row, "status", allowed: ["actual", "estimate"])
            let date = table.date(row, "date", required: false)
            guard let value, let status, qualifier != nil else { continue }
            figures.append(ComputeFigure(vendor: table.requiredText(row, "vendor"), vendorEN: table.requiredText(row, "vendor_en"),
                                         facility: table.requiredText(row, "facility"),
                                         facilityEN: table.requiredText(row, "facility_en"),
                                         metric: table.requiredText(row, "metric"), metricEN: table.requiredText(row, "metric_en"),
                                         value: value, isLowerBound: qualifier == "+", unit: table.requiredText(row, "unit"),
                                         date: date, isEstimate: status == "estimate", source: table.source(row, in: language)))
        }
        try table.finish()
        return figures
    }
}

struct CaseResult: Equatable {
    var caseID: String
    var organisation: String, organisationEN: String
    var metric: String, metricEN: String
    var value: Double
    var unit: String
    /// "+", "-" or "=".
    var direction: String
    var isLowerBound: Bool
    var source: String

    static func load(path: String, language: DisplayLanguage? = nil) throws -> [CaseResult] {
        try load(try TypedTable.csv(path: path), language: language)
    }

    /// The rows of a table already read (a run reads each file once).
    static func load(_ csv: CSVTable, language: DisplayLanguage? = nil) throws -> [CaseResult] {
        var table = try TypedTable(table: csv, required: ["case", "organisation", "organisation_en", "metric_zh",
                                                               "metric_en", "value", "unit", "direction", "qualifier", "source"])
        var results: [CaseResult] = []
        for row in table.rows {
            let value = table.number(row, "value")
            let direction = table.choice(row, "direction", allowed: ["+", "-", "="])
            let qualifier = table.choice(row, "qualifier", allowed: ["", "+"])
            guard let value, let direction, let qualifier else { continue }
            results.append(CaseResult(caseID: table.requiredText(row, "case"),
                                      organisation: table.requiredText(row, "organisation"),
                                      organisationEN: table.requiredText(row, "organisation_en"),
                                      metric: table.requiredText(row, "metric_zh"), metricEN: table.requiredText(row, "metric_en"),
                                      value: value, unit: table.requiredText(row, "unit"), direction: direction,
                                      isLowerBound: qualifier == "+", source: table.source(row, in: language)))
        }
        try table.finish()
        return results
    }
}

struct IndustryApplication: Equatable {
    var industry: String, industryEN: String
    /// Empty when the sources state no function for the industry.
    var function: String, functionEN: String
    var source: String
    var note: String
    /// What the row rests on, in Chinese (optional `note_zh`); the Chinese page prints it
    /// when present, the English page prints `note`.
    var noteZH: String = ""

    static func load(path: String, language: DisplayLanguage? = nil) throws -> [IndustryApplication] {
        try load(try TypedTable.csv(path: path), language: language)
    }

    /// The rows of a table already read (a run reads each file once).
    static func load(_ csv: CSVTable, language: DisplayLanguage? = nil) throws -> [IndustryApplication] {
        var table = try TypedTable(table: csv, required: ["industry_zh", "industry_en", "function_zh", "function_en", "source"])
        var rows: [IndustryApplication] = []
        for row in table.rows {
            rows.append(IndustryApplication(industry: table.requiredText(row, "industry_zh"),
                                            industryEN: table.requiredText(row, "industry_en"),
                                            function: table.text(row, "function_zh"), functionEN: table.text(row, "function_en"),
                                            source: table.source(row, in: language), note: table.text(row, "note"),
                                            noteZH: table.text(row, "note_zh")))
        }
        try table.finish()
        return rows
    }
}

/// A publisher's own forecast as published at the time; keyed on (year, vintage), since a
/// later vintage may forecast the same year again.
struct PublisherForecast: Equatable {
    var year: Int
    var value: Double
    var unit: String
    var vintage: String
    var source: String

    static func load(path: String, language: DisplayLanguage? = nil) throws -> [PublisherForecast] {
        try load(try TypedTable.csv(path: path), language: language)
    }

    /// The rows of a table already read (a run reads each file once).
    static func load(_ csv: CSVTable, language: DisplayLanguage? = nil) throws -> [PublisherForecast] {
        var table = try TypedTable(table: csv, required: ["year", "value", "unit", "vintage", "source"])
        var forecasts: [PublisherForecast] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let year = table.date(row, "year")
            let value = table.number(row, "value")
            let vintage = table.requiredText(row, "vintage")
            guard let year, let value else { continue }
            let key = "\(year.year)|\(vintage)"
            if let first = seen[key], let column = table.table.optionalColumnIndex(named: "vintage") {
                table.recordProblem(Diagnostic(table.table.location(of: row[column]),
                                               "year \(year.year) of vintage \(vintage) appears twice (first at line \(first))",
                                               hint: "keep one row per (year, vintage)"))
            }
            seen[key] = row.line
            forecasts.append(PublisherForecast(year: year.year, value: value, unit: table.requiredText(row, "unit"),
                                               vintage: vintage, source: table.source(row, in: language)))
        }
        try table.finish()
        return forecasts.sorted { ($0.vintage, $0.year) < ($1.vintage, $1.year) }
    }
}

import Forecasting
import Foundation
import MarketData

/// Fills an analyst's placeholders from the run's own results, in the page's language and
/// number style (SeriesNumberStyle: the decimals and display unit the series' chart prints),
/// so a sentence and the bar it cites read alike. A placeholder that names nothing the run
/// has is an error at its line and column.
struct CommentaryResolver {
    let context: RunContext

    /// `text` with every placeholder replaced, or every unresolvable one as an error.
    func resolve(_ text: String, placeholders: [CommentaryPlaceholder]) throws -> String {
        var problems = InputErrors()
        var resolved = ""
        var cursor = text.startIndex
        for placeholder in placeholders {
            resolved += text[cursor..<placeholder.range.lowerBound]
            if let value = try problems.collect({ try self.text(for: placeholder) }) { resolved += value }
            cursor = placeholder.range.upperBound
        }
        resolved += text[cursor...]
        try problems.throwIfAny()
        return resolved
    }

    /// The checks a placeholder can have before anything is fitted (for `check`): its series
    /// exists in report.yaml and, with a scenario, the scenario exists.
    static func checkReferences(_ placeholders: [CommentaryPlaceholder], config: ReportConfig) -> [Diagnostic] {
        let ids = config.series.map(\.id)
        var problems: [Diagnostic] = []
        for placeholder in placeholders {
            if let series = placeholder.kind.series, !ids.contains(series) {
                problems.append(unknownSeries(series, ids: ids, at: placeholder.location))
            }
            if case .value(_, _, let scenario?) = placeholder.kind {
                let names = config.scenarios.map(\.scenario.name)
                if !names.contains(scenario) {
                    let guess = Suggestions.closest(to: scenario, among: names).map { "did you mean `\($0)`? " } ?? ""
                    problems.append(Diagnostic(placeholder.location, "no scenario is called `\(scenario)`",
                                               hint: "\(guess)scenarios in report.yaml: \(names.isEmpty ? "none" : names.joined(separator: ", "))"))
                }
            }
        }
        return problems
    }

    private static func unknownSeries(_ series: String, ids: [String], at location: SourceLocation) -> Diagnostic {
        let guess = Suggestions.closest(to: series, among: ids).map { "did you mean `\($0)`? " } ?? ""
        return Diagnostic(location, "no series is called `\(series)`",
                          hint: "\(guess)series in report.yaml: \(ids.joined(separator: ", "))")
    }

    private func text(for placeholder: CommentaryPlaceholder) throws -> String {
        let location = placeholder.location
        let strings = context.strings
        if case .exhibit(let id) = placeholder.kind {
            guard let page = context.pageNumber(of: id) else {
                // While the pages are first built the directory is empty: a placeholder
                // page number; the second pass prints the real one or fails here.
                if context.pageDirectory.isEmpty { return strings.localized("第–页", "page –") }
                let known = context.pageDirectory.map(\.exhibitID)
                let guess = Suggestions.closest(to: id, among: known).map { "did you mean `\($0)`? " } ?? ""
                throw Diagnostic(location, "no exhibit of this report has the id `\(id)`",
                                 hint: "\(guess)exhibits: \(known.joined(separator: ", "))")
            }
            return strings.localized("第\(page)页", "page \(page)")
        }
        guard let seriesID = placeholder.kind.series, let result = context.result(for: seriesID) else {
            throw Self.unknownSeries(placeholder.kind.series ?? "", ids: context.series.map(\.entry.id), at: location)
        }
        let style = SeriesNumberStyle(result.forecast, strings: strings)
        switch placeholder.kind {
        case .unit:
            return strings.displayUnit(result.forecast.unit).label
        case let .value(_, year, scenario):
            let forecast: SeriesForecast
            if let scenario {
                guard let path = context.scenarios.first(where: { $0.seriesID == seriesID })?.path(named: scenario) else {
                    throw Diagnostic(location, "scenario `\(scenario)` has no path for `\(seriesID)`",
                                     hint: "name a scenario whose file covers this series")
                }
                forecast = path.forecast
            } else {
                forecast = result.forecast
            }
            guard let point = forecast.points.first(where: { $0.year == year }) else {
                throw yearOutside(year, forecast: forecast, at: location)
            }
            let bound = point.isEstimate ? nil : result.series.observations.first { $0.year == year }?.bound
            return (bound.flatMap { strings.proseBoundPrefixes[$0] } ?? "") + style.amount(point.value)
        case let .interval(_, year):
            guard let point = result.forecast.points.first(where: { $0.year == year }) else {
                throw yearOutside(year, forecast: result.forecast, at: location)
            }
            guard point.isEstimate, let lower = point.lower, let upper = point.upper else {
                throw Diagnostic(location, "\(year) of `\(seriesID)` is not a forecast year, so it has no interval",
                                 hint: "name a forecast year (after the last actual)")
            }
            return style.amountRange(lower, upper)
        case let .cagr(_, from, to):
            return try growth(result, from: from, to: to, at: location)
        case .exhibit:
            return ""
        }
    }

    /// The growth rate, said as the figures allow (BoundedGrowth, the rule every page uses):
    /// a lower bound at the start makes the true rate at most the computed one, at the end at
    /// least it; when nothing certain follows (two lower bounds) it is an error, not a number.
    private func growth(_ result: RunContext.SeriesResult, from: Int, to: Int, at location: SourceLocation) throws -> String {
        for year in [from, to] where !result.forecast.points.contains(where: { $0.year == year }) {
            throw yearOutside(year, forecast: result.forecast, at: location)
        }
        guard let growth = result.forecast.boundedGrowth(from: from, to: to, series: result.series) else {
            throw Diagnostic(location, "no growth rate between \(from) and \(to): a value is zero or negative",
                             hint: "choose years with positive values")
        }
        let strings = context.strings
        switch growth {
        case .exact(let rate): return NumberFormat.percent(rate)
        case .atMost(let rate): return strings.localized("至多\(NumberFormat.percent(rate))", "at most \(NumberFormat.percent(rate))")
        case .atLeast(let rate): return strings.localized("至少\(NumberFormat.percent(rate))", "at least \(NumberFormat.percent(rate))")
        case let .range(low, high): return NumberFormat.percent(low) + "–" + NumberFormat.percent(high)
        case .undetermined:
            throw Diagnostic(location, "\(from) and \(to) of `\(result.entry.id)` are both published bounds: no growth rate between them is certain",
                             hint: "quote the two bounds instead, or a growth rate from a year with an exact value")
        }
    }

    private func yearOutside(_ year: Int, forecast: SeriesForecast, at location: SourceLocation) -> Diagnostic {
        let years = forecast.points.map(\.year)
        let span = years.first.map { first in "\(first)–\(years.last ?? first)" } ?? "none"
        return Diagnostic(location, "`\(forecast.seriesID)` has no value for \(year) (its years: \(span))",
                          hint: "name a year between its first actual and the report's horizon")
    }
}

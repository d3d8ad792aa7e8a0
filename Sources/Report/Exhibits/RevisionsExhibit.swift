import Charts
import Forecasting
import Foundation
import MarketData

/// Revisions against the previous edition (`previous_edition:` names its run folder): every
/// forecast year of each series' headline path (the base scenario, or the series' own model)
/// with the previous and the new value, the change, and why it moved, from the two
/// manifests (RevisionReasons), said in words a client reads: no file names or digests.
struct RevisionsExhibit: Exhibit {
    static let chartID = "revisions"

    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let previous = context.previousEdition else { return [] }
        let strings = context.strings
        let current = Self.currentValues(context)
        let revisions = Revisions.compare(old: previous.values, new: current)
        let base = context.config.baseScenario ?? "default"
        var rows: [[String]] = []
        var csv = [CSVWriter.line(["series", "scenario", "year", "previous", "new", "change_percent", "reasons"])]
        // Years before the edition's own are model estimates of the past, not forecasts.
        let editionYear = Int(context.config.quarter.prefix(4)) ?? Int.min
        // A series too short to carry a forecast shows none here either (ForecastSupport).
        for result in context.series where ForecastSupport(result.forecast).isSupported {
            let id = result.entry.id
            // The headline path: the base scenario where one covers the series.
            let scenario = revisions.contains { $0.series == id && $0.scenario == base } ? base
                : revisions.first { $0.series == id }?.scenario ?? ""
            // Published values the publisher revised (both editions hold an actual that
            // differs), then every forecast year of this edition.
            let ofSeries = revisions.filter { revision in
                guard revision.series == id, revision.scenario == scenario, let new = revision.new else { return false }
                if !new.isEstimate { return revision.old.map { !$0.isEstimate && $0.value != new.value } ?? false }
                return revision.year >= editionYear
            }
            guard !ofSeries.isEmpty else { continue }
            let reasons = RevisionReasons.typed(series: id, scenario: scenario, old: previous.manifest, new: context.manifest)
            let why = reasons.map { $0.clientText(strings) }.joined(separator: strings.localized("；", "; "))
            let style = SeriesNumberStyle(result.forecast, strings: strings)
            for (index, revision) in ofSeries.enumerated() {
                let unit = strings.displayUnit(result.forecast.unit).label
                let title = result.entry.title(for: strings.language) + (unit.isEmpty ? "" : strings.localized("（\(unit)）", " (\(unit))"))
                let isEstimate = revision.new?.isEstimate ?? true
                let bound = isEstimate ? nil : result.series.observations.first { $0.year == revision.year }?.bound
                rows.append([index == 0 ? title : "",
                             "\(revision.year)" + (isEstimate ? "E" : ""),
                             revision.old.map { style.number($0.value) } ?? "–",
                             revision.new.map { (bound.flatMap { strings.boundPrefixes[$0] } ?? "") + style.number($0.value) } ?? "–",
                             // Against a lower bound the change is a floor too.
                             revision.relativeChange.map { change in
                                 let text = (change > 0 ? "+" : "") + NumberFormat.percent(change)
                                 return bound == .lower ? strings.localized("至少", "≥ ") + text : text
                             } ?? "–",
                             index == 0 ? why : ""])
                csv.append(CSVWriter.line([id, scenario, "\(revision.year)",
                                           revision.old.map { CSVWriter.number($0.value) } ?? "",
                                           revision.new.map { CSVWriter.number($0.value) } ?? "",
                                           revision.relativeChange.map { CSVWriter.number($0 * 100) } ?? "",
                                           reasons.map(\.description).joined(separator: "; ")]))
            }
        }
        guard !rows.isEmpty else { return [] }
        let edition = previous.manifest?.config.quarter ?? strings.localized("上一版", "the previous edition")
        let table = TablePage(
            title: strings.localized("与上一版相比的预测修订", "Forecast revisions since the previous edition"),
            continuedSuffix: strings.continued,
            subtitle: strings.localized("上一版：\(edition)；本版：\(context.config.quarter)。列出出版方修订的已发布值与本版各预测年（E）；变动为本版相对上一版。",
                                        "Previous edition: \(edition); this edition: \(context.config.quarter). Published values the publisher revised, then each forecast year (E); changes are this edition against the previous one."),
            columns: [
                .init(header: strings.localized("序列", "Series"), weight: 2.2),
                .init(header: strings.localized("年份", "Year"), weight: 0.8),
                .init(header: strings.localized("上一版", "Previous"), weight: 1.1, alignment: .right),
                .init(header: strings.localized("本版", "This edition"), weight: 1.1, alignment: .right),
                .init(header: strings.localized("变动", "Change"), weight: 0.9, alignment: .right),
                .init(header: strings.localized("原因", "Why it moved"), weight: 3.6),
            ],
            rows: rows,
            sourceNote: strings.localized("来源：marketcast 本版与上一版的预测及其输入记录。数据过少、不作预测的序列不列入。",
                                          "Source: marketcast's forecasts of this and the previous edition and their input records. Series too short to forecast are not listed."))
        var pages = TablePages.pages(table, chartID: Self.chartID, context: context)
        if !pages.isEmpty { pages[0].csv = csv.joined(separator: "\n") + "\n" }
        return pages
    }

    /// This run's values as forecasts.csv writes them: each series' scenario paths, or its
    /// own forecast under the scenario name `default`.
    static func currentValues(_ context: RunContext) -> [ForecastValue] {
        ScenarioExhibit.forecastTable(context).flatMap { entry in
            entry.paths.flatMap { path in
                path.forecast.points.sorted { $0.year < $1.year }.map {
                    ForecastValue(series: entry.seriesID, scenario: path.scenario.name, year: $0.year, value: $0.value,
                                  isEstimate: $0.isEstimate)
                }
            }
        }
    }
}

/// `previous_edition:` checked as the run reads it: a run folder whose forecasts can be read.
struct PreviousEditionCheck: InputCheck {
    func check(_ config: ReportConfig, inputs: inout LoadedInputs, into problems: inout InputErrors) -> [String] {
        guard let folder = config.previousEdition else { return [] }
        do {
            inputs.previousEdition = try RunForecasts.read(folder: folder)
        } catch {
            let reasons = (InputErrors(flattening: error)?.errors ?? []).map { "\($0.location.file.isEmpty ? "" : "\($0.location): ")\($0.message)" }
            problems.append(Diagnostic(config.previousEditionLocation ?? SourceLocation(file: config.file),
                                       "the previous edition cannot be read: \(reasons.first ?? "\(error)")",
                                       hint: "name the folder of the previous quarter's finished run (with forecasts.csv and manifest.json)"))
        }
        return []
    }
}

import Charts
import Forecasting
import Foundation
import MarketData
import Rendering

/// `marketcast diff OLD_RUN NEW_RUN`: the forecast revisions between two runs, series by
/// series and year by year, why each series moved, a table for the terminal, and
/// revisions.csv plus one revision chart per revised series written into the new run's
/// folder. Each file is written beside its final name and renamed over it, so a failed
/// diff never leaves a half-written file in a finished run.
public struct RunDiff {
    public struct SeriesSummary: Sendable {
        public var series: String
        public var scenario: String
        public var reasons: [String]
        public var revisions: [Revision]
        /// True when any year's value differs or exists in one run only.
        public var moved: Bool {
            revisions.contains { ($0.change.map { $0 != 0 } ?? true) }
        }
    }

    public var series: [SeriesSummary]
    public var oldFolder: String
    public var newFolder: String
    let language: DisplayLanguage
    let units: [String: String]
    let titles: [String: String]

    public static let tableName = "revisions.csv"
    public static let chartFolder = "revisions"

    public static func compare(old: String, new: String) throws -> RunDiff {
        let before = try RunForecasts.read(folder: old)
        let after = try RunForecasts.read(folder: new)
        let revisions = Revisions.compare(old: before.values, new: after.values)
        var summaries: [SeriesSummary] = []
        for revision in revisions {
            if let last = summaries.last, last.series == revision.series, last.scenario == revision.scenario {
                summaries[summaries.count - 1].revisions.append(revision)
            } else {
                summaries.append(SeriesSummary(series: revision.series, scenario: revision.scenario,
                                               reasons: RevisionReasons.reasons(series: revision.series, scenario: revision.scenario,
                                                                                old: before.manifest, new: after.manifest),
                                               revisions: [revision]))
            }
        }
        let language = after.manifest.flatMap { DisplayLanguage(rawValue: $0.config.language) } ?? .zh
        var titles: [String: String] = [:]
        for entry in (before.manifest?.config.series ?? []) + (after.manifest?.config.series ?? []) {
            titles[entry.id] = entry.title
        }
        return RunDiff(series: summaries, oldFolder: old, newFolder: new, language: language,
                       units: before.units.merging(after.units) { _, newer in newer }, titles: titles)
    }

    /// revisions.csv: one row per series, scenario and year.
    public func csv() -> String {
        var lines = [CSVWriter.line(["series", "scenario", "year", "old", "new", "change", "change_percent",
                                     "old_status", "new_status", "reasons"])]
        for summary in series {
            let reasons = summary.reasons.joined(separator: "; ")
            for revision in summary.revisions {
                lines.append(CSVWriter.line([
                    summary.series, summary.scenario, "\(revision.year)",
                    revision.old.map { CSVWriter.number($0.value) } ?? "",
                    revision.new.map { CSVWriter.number($0.value) } ?? "",
                    revision.change.map(CSVWriter.number) ?? "",
                    revision.relativeChange.map { CSVWriter.number($0 * 100) } ?? "",
                    revision.old.map { $0.isEstimate ? "estimate" : "actual" } ?? "",
                    revision.new.map { $0.isEstimate ? "estimate" : "actual" } ?? "",
                    reasons,
                ]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The terminal table: a heading per series with its reasons, then one line per year.
    public func table() -> String {
        var out: [String] = []
        for summary in series {
            let name = summary.scenario.isEmpty ? summary.series : "\(summary.series) [\(summary.scenario)]"
            // Unchanged series take one line, so a batch of hundreds reads quickly.
            guard summary.moved else {
                out.append("\(name): no revision (\(summary.reasons.joined(separator: "; ")))")
                continue
            }
            out.append("\(name): \(summary.reasons.joined(separator: "; "))")
            let rows = summary.revisions.map { revision -> [String] in
                let estimate = (revision.new ?? revision.old)?.isEstimate ?? false
                return ["\(revision.year)\(estimate ? "E" : "")",
                        revision.old.map { NumberFormat.grouped($0.value, decimals: 1) } ?? "–",
                        revision.new.map { NumberFormat.grouped($0.value, decimals: 1) } ?? "–",
                        revision.change.map { ($0 > 0 ? "+" : "") + NumberFormat.grouped($0, decimals: 1) } ?? "–",
                        revision.relativeChange.map { ($0 > 0 ? "+" : "") + NumberFormat.percent($0, decimals: 1) } ?? "–"]
            }
            let header = ["year", "old", "new", "change", "%"]
            let widths = (0..<header.count).map { column in
                ([header] + rows).map { $0[column].count }.max() ?? 0
            }
            for row in [header] + rows {
                let cells = row.enumerated().map { column, cell in
                    let pad = String(repeating: " ", count: widths[column] - cell.count)
                    return column == 0 ? cell + pad : pad + cell
                }
                out.append("  " + cells.joined(separator: "  "))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Writes revisions.csv and revisions/<series>.png (old against new path, for every
    /// series that moved) into the new run's folder; returns the files written.
    @discardableResult
    public func write(measurer: PangoTextMeasurer = PangoTextMeasurer()) throws -> [String] {
        var written: [String] = []
        try AtomicFile.write(Data(csv().utf8), to: path(Self.tableName))
        written.append(Self.tableName)
        let renderer = SceneRenderer(measurer: measurer)
        let strings = RevisionStrings(language: language)
        for summary in series where summary.moved {
            let chart = revisionChart(summary, strings: strings)
            let scene = chart.layout(theme: .standard, measurer: measurer).scene
            let name = Self.fileSafe(summary.scenario.isEmpty ? summary.series : "\(summary.series)-\(summary.scenario)")
            let relative = "\(Self.chartFolder)/\(name).png"
            try AtomicFile.write(to: path(relative)) { temporary in
                try renderer.write(scene, to: temporary, format: .png, scale: 2)
            }
            written.append(relative)
        }
        return written
    }

    func revisionChart(_ summary: SeriesSummary, strings: RevisionStrings) -> LineChart {
        let unit = units[summary.series] ?? ""
        let display = NumberFormat.displayUnit(for: unit, language: language)
        let categories = summary.revisions.map { revision -> String in
            let estimate = (revision.new ?? revision.old)?.isEstimate ?? false
            return "\(revision.year)\(estimate ? "E" : "")"
        }
        let oldRun = URL(fileURLWithPath: oldFolder).standardizedFileURL.lastPathComponent
        let newRun = URL(fileURLWithPath: newFolder).standardizedFileURL.lastPathComponent
        // As many decimals as the published actuals carry, not the fitted values' noise.
        let values = summary.revisions.flatMap { [$0.old, $0.new].compactMap { $0 }.filter { !$0.isEstimate }.map(\.value) }
        let decimals = NumberFormat.commonDecimals(for: values, powerOfTen: display.powerOfTen, maximum: 1)
        let title = titles[summary.series] ?? summary.series
        return LineChart(
            title: strings.title(title, scenario: summary.scenario),
            unitLabel: NumberFormat.unitCaption(for: unit, language: language),
            categories: categories,
            series: [
                // The earlier path dashed, so the current one reads as the forecast of record.
                LineChart.Series(name: strings.previous(oldRun), values: summary.revisions.map { $0.old.map { display.convert($0.value) } },
                                 isEstimate: true),
                LineChart.Series(name: strings.current(newRun), values: summary.revisions.map { $0.new.map { display.convert($0.value) } }),
            ],
            missingLabel: nil,
            sourceNote: strings.note(reasons: summary.reasons),
            formatValue: { NumberFormat.grouped($0, decimals: decimals) })
    }

    private func path(_ relative: String) -> String {
        URL(fileURLWithPath: newFolder).appendingPathComponent(relative).path
    }

    static func fileSafe(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }
}

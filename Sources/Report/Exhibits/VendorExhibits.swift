import Charts
import MarketData

/// Exhibit 7: vendors and their models, with release dates and parameter counts where
/// the sources state them.
struct VendorLandscapeExhibit: Exhibit {
    var tables: [AnyExhibitTableSpec] { [ExhibitTable.vendorModels.erased] }

    static let chartID = "vendor-landscape"

    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let models = context.tables[ExhibitTable.vendorModels] else { return [] }
        let strings = context.strings
        // Grouped by vendor in the order vendors first appear, each vendor's models by date.
        var vendors: [String] = []
        for model in models where !vendors.contains(model.vendor) { vendors.append(model.vendor) }
        let ordered = vendors.flatMap { vendor in models.filter { $0.vendor == vendor }.sorted { $0.date < $1.date } }
        let table = TablePage(
            title: strings.landscapeTitle, continuedSuffix: strings.continued,
            columns: [.init(header: strings.vendorHeader, weight: 2), .init(header: strings.modelHeader, weight: 2.4),
                      .init(header: strings.eventHeader, weight: 1.4), .init(header: strings.dateHeader, weight: 1.3),
                      .init(header: strings.parametersHeader, weight: 1.3, alignment: .right)],
            rows: ordered.map { model in
                [strings.localized(model.vendor, model.vendorEN), strings.localized(model.model, model.modelEN),
                 strings.event(model.event), model.date.description,
                 model.parametersInBillions.map(strings.parameters(billions:)) ?? "–"]
            },
            sourceNote: strings.sourceLine(models.map(\.source)) + strings.localized("。", ". ") + strings.landscapeNote
                + context.tableCutoff("vendor-models"))
        return TablePages.pages(table, chartID: Self.chartID, context: context)
    }
}

/// Exhibit 8: one model's benchmark scores as bars on the shared 0–100 scale.
struct VendorBenchmarksExhibit: Exhibit {
    var tables: [AnyExhibitTableSpec] { [ExhibitTable.vendorBenchmarks.erased, ExhibitTable.vendorModels.erased] }

    static let chartID = "vendor-benchmarks"

    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let scores = context.tables[ExhibitTable.vendorBenchmarks] else { return [] }
        let strings = context.strings
        // The benchmark file names models in Chinese only; English pages take the name from
        // vendor-models (轩辕 → XuanYuan), keeping the size suffix (-70B).
        let known = context.tables[ExhibitTable.vendorModels] ?? []
        func modelName(_ name: String) -> String {
            guard strings.language == .en,
                  let match = known.filter({ name.hasPrefix($0.model) }).max(by: { $0.model.count < $1.model.count })
            else { return name }
            return match.modelEN + name.dropFirst(match.model.count)
        }
        var models: [String] = []
        for score in scores where !models.contains(modelName(score.model)) { models.append(modelName(score.model)) }
        var chart = HorizontalBarChart(
            title: strings.benchmarksTitle(model: models.joined(separator: " / ")), unitLabel: strings.scoreUnit,
            items: scores.map { score in
                HorizontalBarChart.Item(label: strings.localized(score.benchmark, score.benchmarkEN)
                                            + (score.questions.map(strings.questions) ?? "")
                                            + (models.count > 1 ? " · \(modelName(score.model))" : ""),
                                        value: score.score)
            },
            sourceNote: strings.sourceLine(scores.map(\.source)) + strings.localized("。", ". ") + strings.benchmarksNote
                + context.tableCutoff("vendor-benchmarks"),
            // Each score with the decimals it was published with (71.9, 67.56).
            formatValue: { NumberFormat.grouped($0, decimals: NumberFormat.commonDecimals(for: [$0])) })
        // "General" shows each score with its own decimals too, in the deck's chart.
        chart.numberFormatCode = "General"
        let layout = chart.layout(theme: context.theme, measurer: context.measurer)
        var lines = ["model,benchmark,score,questions"]
        for score in scores {
            lines.append(CSVWriter.line([score.model, strings.localized(score.benchmark, score.benchmarkEN),
                                         CSVWriter.number(score.score), score.questions.map(CSVWriter.number) ?? ""]))
        }
        return [ReportPage(title: chart.title, chartID: Self.chartID, layout: layout,
                           csv: lines.joined(separator: "\n") + "\n")]
    }
}

import Charts
import Forecasting
import MarketData

/// The appendix behind the penetration pages: how each indicator was scored (its scale and
/// what a 1 and a 5 mean) and every industry's score on it, then each industry's composite
/// in whole points, so a reader can check marketcast's scoring against the report's text.
struct PenetrationRubricExhibit: Exhibit {
    static let chartID = "penetration-rubric"

    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let analysis = context.penetration, let config = context.config.penetration else { return [] }
        return TablePages.pages(Self.table(analysis: analysis, config: config, strings: context.strings),
                                chartID: Self.chartID, context: context)
    }

    static func table(analysis: PenetrationAnalysis, config: PenetrationConfig, strings: Strings) -> TablePage {
        let table = analysis.table
        let order = analysis.rankOrder
        let industries = table.industries
        func score(_ value: Double) -> String { NumberFormat.grouped(value, decimals: value == value.rounded() ? 0 : 1) }
        var rows: [[String]] = []
        for (k, indicator) in table.indicators.enumerated() {
            let weight = config.indicators.firstIndex(of: indicator).map { config.weights[$0] } ?? 0
            let anchors = strings.rubricAnchors(indicator)
            rows.append([strings.indicatorName(indicator) + strings.rubricWeight(weight), strings.rubricScale,
                         anchors.one, anchors.five]
                        + order.map { i in industries[i].scores.indices.contains(k) ? score(industries[i].scores[k]) : "–" })
        }
        // The composite and its rank close the table, in the ranking chart's whole points.
        rows.append([strings.rubricComposite, strings.rubricCompositeScale, strings.rubricCompositeLow, strings.rubricCompositeHigh]
                    + order.map { i in NumberFormat.grouped(analysis.scores[i].wholePoints, decimals: 0) })
        rows.append([strings.rubricRank, "", "", ""] + order.map { "\(analysis.scores[$0].rank)" })
        let industryColumns = order.map { TablePage.Column(header: strings.industryName(industries[$0]), weight: 0.8, alignment: .right) }
        return TablePage(title: strings.rubricTitle, continuedSuffix: strings.continued,
                         subtitle: strings.rubricSubtitle,
                         columns: [.init(header: strings.rubricIndicatorHeader, weight: 0.95),
                                   .init(header: strings.rubricScaleHeader, weight: 0.4),
                                   .init(header: strings.rubricOneHeader, weight: 1.35),
                                   .init(header: strings.rubricFiveHeader, weight: 1.35)] + industryColumns,
                         rows: rows, emphasizedRows: [rows.count - 2],
                         sourceNote: strings.rubricNote(sources: table.sources(in: strings.language)))
    }
}

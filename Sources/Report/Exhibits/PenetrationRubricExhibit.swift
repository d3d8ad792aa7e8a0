import Charts
import Forecasting
import MarketData

/// The appendix behind the penetration pages, two tables: the rubric (each indicator's
/// weight, scale and what a 1 and a 5 mean) and every industry's scores on it with the
/// composite in whole points and the rank, so a reader can check marketcast's scoring
/// against the report's text. Two tables rather than one because eight industry columns
/// beside the rubric's sentences leave neither readable, in English least of all.
struct PenetrationRubricExhibit: Exhibit {
    static let chartID = "penetration-rubric"
    static let scoresID = "penetration-scores"

    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let analysis = context.penetration, let config = context.config.penetration else { return [] }
        let strings = context.strings
        return TablePages.pages(Self.rubric(analysis: analysis, config: config, strings: strings), chartID: Self.chartID, context: context)
            + TablePages.pages(Self.scores(analysis: analysis, strings: strings), chartID: Self.scoresID, context: context)
    }

    static func rubric(analysis: PenetrationAnalysis, config: PenetrationConfig, strings: Strings) -> TablePage {
        let rows = analysis.table.indicators.map { indicator -> [String] in
            let weight = config.indicators.firstIndex(of: indicator).map { config.weights[$0] } ?? 0
            let anchors = strings.rubricAnchors(indicator)
            return [strings.indicatorName(indicator), strings.rubricWeight(weight), strings.rubricScale, anchors.one, anchors.five]
        } + [[strings.rubricComposite, "", strings.rubricCompositeScale, strings.rubricCompositeLow, strings.rubricCompositeHigh]]
        return TablePage(title: strings.rubricTitle, continuedSuffix: strings.continued, subtitle: strings.rubricSubtitle,
                         columns: [.init(header: strings.rubricIndicatorHeader, weight: 1.2),
                                   .init(header: strings.rubricWeightHeader, weight: 0.9),
                                   .init(header: strings.rubricScaleHeader, weight: 0.6),
                                   .init(header: strings.rubricOneHeader, weight: 2.4),
                                   .init(header: strings.rubricFiveHeader, weight: 2.4)],
                         rows: rows, sourceNote: strings.rubricNote(sources: analysis.table.sources(in: strings.language)))
    }

    static func scores(analysis: PenetrationAnalysis, strings: Strings) -> TablePage {
        let table = analysis.table
        func score(_ value: Double) -> String { NumberFormat.grouped(value, decimals: value == value.rounded() ? 0 : 1) }
        let rows = analysis.rankOrder.map { i -> [String] in
            let industry = table.industries[i]
            return [strings.industryName(industry)]
                + table.indicators.indices.map { industry.scores.indices.contains($0) ? score(industry.scores[$0]) : "–" }
                // The composite in the ranking chart's whole points.
                + [NumberFormat.grouped(analysis.scores[i].wholePoints, decimals: 0), "\(analysis.scores[i].rank)"]
        }
        return TablePage(title: strings.scoresTitle, continuedSuffix: strings.continued, subtitle: strings.scoresSubtitle,
                         columns: [.init(header: strings.industryHeader, weight: 1.6)]
                            + table.indicators.map { .init(header: strings.indicatorName($0), weight: 1, alignment: .right) }
                            + [.init(header: strings.rubricComposite, weight: 1, alignment: .right),
                               .init(header: strings.rubricRank, weight: 0.7, alignment: .right)],
                         rows: rows, sourceNote: strings.rubricNote(sources: table.sources(in: strings.language)))
    }
}

import Charts
import Forecasting
import MarketData

/// The industry penetration (推进程度) pages: the ranking, its stability under perturbed
/// weights, the adoption curves to the horizon, and the room-to-grow matrix; plus
/// penetration.csv and penetration-ranks.csv in the run folder.
struct PenetrationExhibit: Exhibit {
    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let analysis = context.penetration, let config = context.config.penetration else { return [] }
        let page = PenetrationPages(analysis: analysis, config: config, strings: context.strings, quarter: context.config.quarter)
        let theme = context.theme
        let measurer = context.measurer
        var adoptionTheme = theme
        adoptionTheme.palette.series = PenetrationPages.adoptionColors
        let ranking = page.ranking.layout(theme: theme, measurer: measurer)
        let stability = page.stability.layout(theme: theme, measurer: measurer)
        let adoption = page.adoption.layout(theme: adoptionTheme, measurer: measurer)
        let matrix = page.matrix.layout(theme: theme, measurer: measurer)
        return [
            ReportPage(title: page.ranking.title, chartID: "penetration-ranking",
                       layout: ranking, csv: page.rankingCSV()),
            ReportPage(title: page.stability.title, chartID: "penetration-stability",
                       layout: stability, csv: page.ranksCSV()),
            ReportPage(title: page.adoption.title, chartID: "adoption-curves",
                       layout: adoption, csv: page.adoptionCSV()),
            ReportPage(title: page.matrix.title, chartID: "penetration-matrix",
                       layout: matrix, csv: page.matrixCSV()),
        ]
    }

    func dataFiles(in context: RunContext) throws -> [(name: String, text: String)] {
        guard let analysis = context.penetration, let config = context.config.penetration else { return [] }
        let page = PenetrationPages(analysis: analysis, config: config, strings: context.strings, quarter: context.config.quarter)
        return [("penetration.csv", page.rankingCSV()), ("penetration-ranks.csv", page.ranksCSV())]
    }
}

struct PenetrationPages {
    /// The ranking highlights the industries ranked this high or higher.
    static let highlightedRanks = 2

    let analysis: PenetrationAnalysis
    let config: PenetrationConfig
    let strings: Strings

    init(analysis: PenetrationAnalysis, config: PenetrationConfig, strings: Strings, quarter: String) {
        self.analysis = analysis; self.config = config; self.strings = strings
        editionYear = Int(quarter.prefix(4)) ?? analysis.settings.adoption.dataYear
    }

    /// One colour per industry on the adoption chart, from Paul Tol's colour-blind-safe
    /// "muted" and "vibrant" schemes (SRON/EPS/TN/09-002), leaving out their palest hues
    /// (cyan, sand) because the line-end labels are set in these colours on white.
    static let adoptionColors: [Color] = [0x332288, 0x0077BB, 0x44AA99, 0x117733, 0x999933, 0xEE7733, 0xCC6677,
                                          0x882255, 0xAA4499].map { Color(hex: $0) }

    var industries: [IndustryIndicators] { analysis.table.industries }
    var order: [Int] { analysis.rankOrder }
    var dataYear: Int { analysis.settings.adoption.dataYear }
    var horizon: Int { analysis.settings.adoption.horizon }
    /// The edition's year (2026 for 2026Q4): a crossing before it is a model estimate of the
    /// past, never a forecast.
    let editionYear: Int

    func name(_ i: Int) -> String { strings.industryName(industries[i]) }

    var ranking: HorizontalBarChart {
        let weights = strings.weightList(indicators: config.indicators, weights: config.weights)
        var chart = HorizontalBarChart(
            title: strings.penetrationRankingTitle(year: dataYear), unitLabel: strings.penetrationScoreUnit,
            items: order.map { i in
                // Bars are as long as the whole-point score they are labelled with.
                HorizontalBarChart.Item(label: name(i), value: analysis.scores[i].wholePoints,
                                        isHighlighted: analysis.scores[i].rank <= Self.highlightedRanks)
            },
            sourceNote: strings.penetrationRankingNote(sources: analysis.table.sources(in: strings.language), method: analysis.settings.normalisation,
                                                       weights: weights)
                + strings.penetrationCutoff(analysis.settings.adoption.dataYear),
            formatValue: ValueFormat.groupedDecimal(decimals: 0))
        chart.numberFormatCode = NumberFormat.spreadsheetCode(decimals: 0)
        chart.highlightLegend = strings.topRanksLegend(Self.highlightedRanks)
        return chart
    }

    var stability: RankStabilityHeatmap {
        let s = analysis.sensitivity
        return RankStabilityHeatmap(
            title: strings.stabilityTitle, unitLabel: strings.stabilityUnit,
            rowLabels: order.map(name), columnLabels: order.indices.map { strings.rankLabel($0 + 1) },
            probabilities: order.map { s.probabilities[$0] }, threshold: config.heatmapThreshold,
            sourceNote: strings.sourceLine(analysis.table.sources(in: strings.language)) + strings.localized("。", ". ")
                + strings.stabilityNote(draws: s.draws, concentration: s.concentration, scoreStep: s.scoreStep, seed: s.seed,
                                        threshold: config.heatmapThreshold)
                + strings.penetrationCutoff(analysis.settings.adoption.dataYear))
    }

    var adoption: LineChart {
        let years = Array(dataYear...horizon)
        let series: [LineChart.Series] = order.map { i in
            let path = analysis.adoption[i]
            let values: [Double?] = years.map { year in path?.points.first { $0.year == year }?.value }
            let label = path.map {
                strings.adoptionLabel(name(i), milestone: $0.milestone, level: analysis.settings.adoption.milestone, horizon: horizon,
                                      editionYear: editionYear)
            } ?? name(i)
            return LineChart.Series(name: label, values: values)
        }
        return LineChart(title: strings.adoptionTitle(from: dataYear, to: horizon), unitLabel: strings.penetrationUnit,
                         categories: years.map { strings.yearLabel($0, isEstimate: $0 > dataYear) }, series: series,
                         missingLabel: nil,
                         sourceNote: strings.adoptionNote(sources: analysis.table.sources(in: strings.language), settings: analysis.settings.adoption,
                                                          editionYear: editionYear)
                             + strings.penetrationCutoff(analysis.settings.adoption.dataYear),
                         labelsAtLineEnds: true)
    }

    var matrix: BubbleMatrix {
        let sizeColumn = config.indicators.firstIndex(of: config.bubbleSize) ?? 0
        return BubbleMatrix(
            title: strings.matrixTitle, unitLabel: strings.matrixYUnit, xAxisTitle: strings.matrixXTitle(year: dataYear),
            bubbles: order.map { i in
                let industry = industries[i]
                let size = industry.scores.indices.contains(sizeColumn) ? industry.scores[sizeColumn] : 1
                return BubbleMatrix.Bubble(label: name(i), x: industry.currentPenetration, y: industry.room, size: size)
            },
            sizeLegend: strings.matrixSizeLegend(config.bubbleSize), sourceNote: strings.matrixNote(sources: analysis.table.sources(in: strings.language))
                + strings.penetrationCutoff(analysis.settings.adoption.dataYear))
    }

    /// penetration.csv: one row per industry in rank order.
    func rankingCSV() -> String {
        let indicators = analysis.table.indicators
        var lines = [CSVWriter.line(["industry", "industry_en", "score", "score_unrounded", "rank"] + indicators
                                    + ["current_penetration", "potential", "p", "q", "penetration_\(horizon)", "passes_\(CSVWriter.number(analysis.settings.adoption.milestone))pct"])]
        for i in order {
            let industry = industries[i]
            let path = analysis.adoption[i]
            let cells = [industry.nameZh, industry.nameEn, CSVWriter.number(analysis.scores[i].wholePoints),
                         CSVWriter.number(analysis.scores[i].score), "\(analysis.scores[i].rank)"]
                + industry.scores.map(CSVWriter.number)
                + [CSVWriter.number(industry.currentPenetration), CSVWriter.number(industry.potential),
                   path.map { CSVWriter.number($0.p) } ?? "", path.map { CSVWriter.number($0.q) } ?? "",
                   path.flatMap { $0.points.last.map { CSVWriter.number($0.value) } } ?? "",
                   path.map { strings.milestoneCell($0.milestone, horizon: horizon) } ?? ""]
            lines.append(CSVWriter.line(cells))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// penetration-ranks.csv: the probability of each rank, rows in rank order.
    func ranksCSV() -> String {
        let n = industries.count
        var lines = [CSVWriter.line(["industry", "industry_en", "rank", "modal_rank"] + (1...max(n, 1)).map { "p_rank_\($0)" })]
        for i in order {
            let row = analysis.sensitivity.probabilities[i]
            lines.append(CSVWriter.line([industries[i].nameZh, industries[i].nameEn, "\(analysis.scores[i].rank)",
                                         "\(analysis.sensitivity.modalRank(of: i))"] + row.map(CSVWriter.number)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func adoptionCSV() -> String {
        var lines = ["industry,industry_en,year,penetration,status,m,p,q"]
        for i in order {
            guard let path = analysis.adoption[i] else { continue }
            for point in path.points {
                lines.append(CSVWriter.line([industries[i].nameZh, industries[i].nameEn, "\(point.year)", CSVWriter.number(point.value),
                                             point.year == dataYear ? "current" : "estimate",
                                             CSVWriter.number(path.m), CSVWriter.number(path.p), CSVWriter.number(path.q)]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func matrixCSV() -> String {
        var lines = [CSVWriter.line(["industry", "industry_en", "current_penetration", "potential", "room", config.bubbleSize])]
        let sizeColumn = config.indicators.firstIndex(of: config.bubbleSize) ?? 0
        for i in order {
            let industry = industries[i]
            lines.append(CSVWriter.line([industry.nameZh, industry.nameEn, CSVWriter.number(industry.currentPenetration),
                                         CSVWriter.number(industry.potential), CSVWriter.number(industry.room),
                                         industry.scores.indices.contains(sizeColumn) ? CSVWriter.number(industry.scores[sizeColumn]) : ""]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

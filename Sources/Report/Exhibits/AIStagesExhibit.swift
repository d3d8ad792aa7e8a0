import Charts
import MarketData

/// Exhibit 5: the four stages of AI development as bands from 1950 to the report's year,
/// with the milestones labelled above and below.
struct AIStagesExhibit: Exhibit {
    var tables: [AnyExhibitTableSpec] { [ExhibitTable.aiStages.erased, ExhibitTable.aiMilestones.erased] }

    static let chartID = "ai-stages"

    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let stages = context.tables[ExhibitTable.aiStages] else { return [] }
        let strings = context.strings
        let milestones = (context.tables[ExhibitTable.aiMilestones] ?? [])
        // "Today" is the report's own date, so the page does not change with the clock.
        let today = Int(context.config.document.date.prefix(4)) ?? (stages.last?.start ?? 2000)
        let start = stages.first?.start ?? 1950
        let diagram = StageDiagram(
            title: strings.stagesTitle(to: today),
            stages: stages.map { stage in
                StageDiagram.Stage(name: strings.localized(stage.nameZH, stage.nameEN),
                                   // The source prints the open stage as "2020 至今".
                                   period: stage.end.map { "\(stage.start)–\($0)" } ?? "\(stage.start)–" + strings.localized("至今", "present"),
                                   start: Double(stage.start), end: stage.end.map(Double.init))
            },
            // A milestone the figure's source does not have is marked on the chart itself, so
            // the reader never takes added history for the report's own.
            milestones: milestones.map { milestone in
                let added = !stages.contains { $0.source == milestone.source }
                return StageDiagram.Milestone(year: Double(milestone.date.year),
                                              label: strings.localized(milestone.labelZH, milestone.labelEN) + (added ? strings.addedMilestoneMark : ""))
            },
            start: Double(start), end: Double(max(today, (stages.last?.start ?? today) + 1)),
            tickYears: Array(stride(from: (start / 10) * 10, through: today, by: 10)),
            sourceNote: strings.sourceLine(stages.map(\.source) + milestones.map(\.source)) + strings.localized("。", ". ")
                + strings.stagesNote + context.tableCutoff("ai-stages", "ai-milestones"))
        let layout = diagram.layout(theme: context.theme, measurer: context.measurer)
        var lines = ["kind,name,start_year,end_year"]
        for stage in diagram.stages {
            lines.append(CSVWriter.line(["stage", stage.name, CSVWriter.number(stage.start), stage.end.map(CSVWriter.number) ?? ""]))
        }
        for milestone in diagram.milestones {
            lines.append(CSVWriter.line(["milestone", milestone.label, CSVWriter.number(milestone.year), ""]))
        }
        return [ReportPage(title: diagram.title, chartID: Self.chartID, layout: layout,
                           csv: lines.joined(separator: "\n") + "\n")]
    }
}

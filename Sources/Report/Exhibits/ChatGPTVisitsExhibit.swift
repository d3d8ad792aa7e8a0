import Charts
import MarketData

/// Exhibit 3: ChatGPT's monthly web visits, with the month the sources do not give drawn
/// as a gap and the January 2023 100 M monthly-user milestone marked.
struct ChatGPTVisitsExhibit: Exhibit {
    var tables: [AnyExhibitTableSpec] { [ExhibitTable.chatGPTVisits.erased, ExhibitTable.chatGPTMilestones.erased] }

    static let chartID = "chatgpt-visits"

    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let visits = context.tables[ExhibitTable.chatGPTVisits] else { return [] }
        var page = ChatGPTVisitsPage(visits: visits, milestones: (context.tables[ExhibitTable.chatGPTMilestones] ?? []),
                                     strings: context.strings)
        page.cutoff = context.tableCutoff("chatgpt-visits", "chatgpt-milestones")
        return [ReportPage(title: page.chart.title, chartID: Self.chartID, laying: page.chart, in: context,
                           csv: page.csv())]
    }
}

struct ChatGPTVisitsPage {
    let visits: [MonthlyVisit]
    let milestones: [DatedLabel]
    let strings: Strings
    /// The data cut-off sentence appended to the note ("" when unknown).
    var cutoff: String = ""

    /// Every month from the first to the last, so a month absent from the file is a gap too.
    var months: [CalendarDate] {
        guard let first = visits.first?.month, let last = visits.last?.month,
              let firstMonth = first.month, let lastMonth = last.month else { return [] }
        var result: [CalendarDate] = []
        var year = first.year, month = firstMonth
        while (year, month) <= (last.year, lastMonth), result.count < 1200 {
            result.append(CalendarDate(year: year, month: month))
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return result
    }

    func value(for month: CalendarDate) -> Double? {
        visits.first { $0.month == month }?.value
    }

    var missingMonths: [String] { months.filter { value(for: $0) == nil }.map(\.description) }

    /// Months with the highest value (several when tied).
    var peak: (months: [String], value: Double)? {
        guard let top = visits.compactMap(\.value).max() else { return nil }
        return (visits.filter { $0.value == top }.map(\.month.description), top)
    }

    /// How the page prints visits, on the chart and in the key finding alike: 亿次 with one
    /// decimal in Chinese (18.0), billions with two in English (1.80); the data are in millions.
    var displayScale: Double { strings.language == .zh ? 0.01 : 0.001 }
    var displayDecimals: Int { strings.language == .zh ? 1 : 2 }
    func displayed(_ millions: Double) -> String {
        strings.visitsAmount(NumberFormat.grouped(millions * displayScale, decimals: displayDecimals))
    }

    var chart: LineChart {
        let categories = months
        let chartMilestones = milestones.compactMap { milestone -> LineChart.Milestone? in
            guard let index = categories.firstIndex(where: { $0.year == milestone.date.year && $0.month == milestone.date.month })
            else { return nil }
            return LineChart.Milestone(index: index, label: strings.localized(milestone.labelZH, milestone.labelEN))
        }
        let sources = visits.map(\.source) + milestones.map(\.source)
        let scale = displayScale
        var chart = LineChart(title: strings.visitsTitle, unitLabel: strings.visitsUnit,
                              points: categories.map { month in
                                  LineChart.DataPoint(label: month.description, value: value(for: month).map { $0 * scale })
                              },
                              milestones: chartMilestones, missingLabel: strings.noData,
                              sourceNote: strings.visitsNote(sources: sources, missing: missingMonths) + cutoff,
                              // Ticks: 0, 5, 10 亿次; 0.0, 0.5, 1.0 billion.
                              formatValue: ValueFormat.groupedDecimal(decimals: strings.language == .zh ? 0 : 1))
        chart.numberFormatCode = NumberFormat.spreadsheetCode(decimals: displayDecimals)
        return chart
    }

    func csv() -> String {
        var lines = ["month,value,unit,status"]
        for month in months {
            let value = value(for: month)
            lines.append(CSVWriter.line([month.description, value.map(CSVWriter.number) ?? "",
                                         visits.first?.unit ?? "", value == nil ? "missing" : "actual"]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

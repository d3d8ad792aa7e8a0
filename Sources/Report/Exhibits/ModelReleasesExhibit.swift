import Charts
import MarketData

/// Exhibit 4: the nine 2023 Chinese model releases on a dated timeline, vendor and model
/// labels alternating above and below the axis without collisions.
struct ModelReleasesExhibit: Exhibit {
    var tables: [AnyExhibitTableSpec] { [ExhibitTable.modelReleases.erased] }

    static let chartID = "model-releases"

    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let releases = context.tables[ExhibitTable.modelReleases] else { return [] }
        guard var timeline = Self.timeline(releases, strings: context.strings) else { return [] }
        timeline.sourceNote += context.tableCutoff("model-releases")
        let layout = timeline.layout(theme: context.theme, measurer: context.measurer)
        var lines = ["date,vendor,model,source"]
        for release in releases {
            lines.append(CSVWriter.line([release.date.description, context.strings.localized(release.vendor, release.vendorEN),
                                         context.strings.localized(release.model, release.modelEN), release.source]))
        }
        return [ReportPage(title: timeline.title, chartID: Self.chartID, layout: layout,
                           csv: lines.joined(separator: "\n") + "\n")]
    }

    /// The axis runs over whole months, from the first release's month to the month after
    /// the last, with a tick at each month's first day.
    static func timeline(_ releases: [ModelRelease], strings: Strings) -> Timeline? {
        guard let first = releases.first?.date, let last = releases.last?.date else { return nil }
        let startMonth = CalendarDate(year: first.year, month: first.month ?? 1)
        var endYear = last.year, endMonth = (last.month ?? 12) + 1
        if endMonth > 12 { endMonth = 1; endYear += 1 }
        var ticks: [Timeline.Tick] = []
        var year = startMonth.year, month = startMonth.month ?? 1
        while (year, month) <= (endYear, endMonth), ticks.count < 240 {
            ticks.append(.init(position: Double(CalendarDate.dayNumber(year: year, month: month, day: 1)),
                               label: strings.monthTick(month, year: year)))
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        let events = releases.map { release in
            Timeline.Event(position: Double(release.date.dayNumber), dateLabel: strings.monthDay(release.date),
                           title: strings.localized(release.vendor, release.vendorEN),
                           detail: strings.localized(release.model, release.modelEN))
        }
        return Timeline(title: strings.releasesTitle, events: events, start: Double(startMonth.dayNumber),
                        end: Double(CalendarDate.dayNumber(year: endYear, month: endMonth, day: 1)), ticks: ticks,
                        sourceNote: strings.sourceLine(releases.map(\.source)) + strings.localized("。", ". ") + strings.releasesNote)
    }
}

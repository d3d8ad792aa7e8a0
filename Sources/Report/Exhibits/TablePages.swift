import Charts
import MarketData

/// A table's pages as report pages: the first carries the exhibit's chart id and the
/// whole table's CSV; continuation pages are exported as `<id>-2`, `<id>-3`… and left off
/// the contents page and the outline.
enum TablePages {
    static func pages(_ table: TablePage, chartID: String, context: RunContext) -> [ReportPage] {
        let layouts = table.layoutPages(theme: context.theme, measurer: context.measurer)
        let csv = csvText(header: table.columns.map(\.header), rows: table.rows)
        return layouts.enumerated().map { index, layout in
            ReportPage(title: index == 0 ? table.title : table.title + table.continuedSuffix,
                       chartID: index == 0 ? chartID : "\(chartID)-\(index + 1)", scene: layout.scene,
                       csv: index == 0 ? csv : nil, exhibitID: chartID, isContinuation: index > 0,
                       problems: layout.problems, native: layout.native)
        }
    }

    static func csvText(header: [String], rows: [[String]]) -> String {
        ([CSVWriter.line(header)] + rows.map { CSVWriter.line($0) }).joined(separator: "\n") + "\n"
    }
}

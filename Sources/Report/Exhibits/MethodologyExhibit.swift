import Charts
import Forecasting
import MarketData

/// Exhibit 13: how the numbers were made: each fitted series' model, its parameters with
/// standard errors and its fit statistics, then every dataset's sources.
struct MethodologyExhibit: Exhibit {
    static let chartID = "methodology"

    func pages(in context: RunContext) throws -> [ReportPage] {
        let strings = context.strings
        let language = context.config.language
        func number(_ value: Double) -> String {
            guard value.isFinite else { return NumberFormat.notANumber }
            let magnitude = abs(value)
            let decimals = magnitude >= 100 ? 1 : (magnitude >= 1 ? 3 : 5)
            return NumberFormat.grouped(value, decimals: decimals)
        }
        var rows: [[String]] = []
        for result in context.series {
            let forecast = result.forecast
            var model = strings.modelName(forecast.modelName)
            var statistics = ""
            if let fit = forecast.fit {
                let parameters = fit.parameters.map { "\($0.name) = \(number($0.value)) ± \(number($0.standardError))" }
                model += "\n" + Self.formula(forecast.modelDescription) + "\n"
                    + parameters.joined(separator: strings.localized("；", "; "))
                statistics = strings.fitStatistics(years: fit.fitYears, observations: forecast.actuals.count,
                                                   rss: number(fit.residualSumOfSquares), aicc: number(fit.aicc),
                                                   bic: number(fit.bic), dof: fit.degreesOfFreedom)
                if let reason = fit.selectionReason { statistics += "\n" + reason }
            }
            rows.append([result.entry.title(for: language), model, statistics])
        }
        let models = TablePage(title: strings.methodologyTitle, continuedSuffix: strings.continued,
                               columns: [.init(header: strings.seriesHeader, weight: 1.3),
                                         .init(header: strings.modelHeaderLong, weight: 2.6),
                                         .init(header: strings.fitHeader, weight: 2.4)],
                               rows: rows, sourceNote: strings.methodologyNote(level: context.config.level))
        var pages = TablePages.pages(models, chartID: Self.chartID, context: context)

        // Sources: every fitted series and every configured table, in config order.
        var sourceRows: [[String]] = []
        for result in context.series {
            sourceRows.append([Self.fileName(result.series.file), strings.list(result.series.sources)])
        }
        let tablePaths = ReportConfig.tableNames.compactMap { context.config.tables[$0] }
            + (context.config.penetration.map { [$0.dataPath] } ?? [])
        for path in tablePaths {
            guard let table = try? CSVTable.read(path: path),
                  let column = table.optionalColumnIndex(named: "source") else { continue }
            var unique: [String] = []
            for row in table.rows where !unique.contains(row[column].text) && !row[column].text.isEmpty {
                unique.append(row[column].text)
            }
            sourceRows.append([Self.fileName(path), strings.list(unique)])
        }
        let sources = TablePage(title: strings.methodologyTitle + strings.localized("：", ": ") + strings.sourcesHeader,
                                continuedSuffix: strings.continued,
                                columns: [.init(header: strings.localized("数据文件", "Dataset"), weight: 1.4),
                                          .init(header: strings.sourcesHeader, weight: 4)],
                                rows: sourceRows)
        pages += TablePages.pages(sources, chartID: "methodology-sources", context: context).map { page in
            var page = page
            page.exhibitID = Self.chartID
            page.isContinuation = true
            return page
        }
        return pages
    }

    /// The model's formula out of its description ("exponential (constant CAGR) y = …
    /// (x₀ = 2019); a = …"): the part from "y =" to the first ";", which reads the same in
    /// every language; the parameters are printed separately with their standard errors.
    static func formula(_ description: String) -> String {
        let head = description.split(separator: ";", maxSplits: 1).first.map(String.init) ?? description
        guard let start = head.range(of: "y =") else { return head }
        return String(head[start.lowerBound...])
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

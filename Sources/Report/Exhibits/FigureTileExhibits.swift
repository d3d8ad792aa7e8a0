import Charts
import MarketData

/// Exhibit 9: compute and training figures as tiles, since EFLOPS, GPUs and tokens share
/// no axis.
struct ComputeExhibit: Exhibit {
    var tables: [AnyExhibitTableSpec] { [ExhibitTable.compute.erased] }

    static let chartID = "compute"

    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let figures = context.tables[ExhibitTable.compute] else { return [] }
        let strings = context.strings
        let tiles = figures.map { figure -> FigureTiles.Tile in
            // A lower bound reads 超10万亿 in Chinese (as the source words it), 10+ trillion in English.
            let digits = NumberFormat.grouped(figure.value, decimals: NumberFormat.commonDecimals(for: [figure.value]))
            let number = !figure.isLowerBound ? digits : strings.localized("超" + digits, digits + "+")
            let unit = strings.computeUnit(figure.unit)
            let joinsDirectly = strings.language == .zh && unit.unicodeScalars.first.map { $0.value >= 0x3000 } == true
            var caption = strings.localized(figure.vendor, figure.vendorEN) + " · " + strings.localized(figure.facility, figure.facilityEN)
            if let date = figure.date { caption += " · \(date)" }
            if figure.isEstimate { caption += " · " + strings.vendorEstimate }
            return FigureTiles.Tile(value: number + (joinsDirectly ? "" : " ") + unit,
                                    label: strings.localized(figure.metric, figure.metricEN), caption: caption,
                                    isEstimate: figure.isEstimate)
        }
        let chart = FigureTiles(title: strings.computeTitle, tiles: tiles, columns: 3,
                                estimateLegend: strings.vendorEstimate,
                                sourceNote: strings.sourceLine(figures.map(\.source)) + strings.localized("。", ". ") + strings.computeNote
                                    + context.tableCutoff("compute"))
        let layout = chart.layout(theme: context.theme, measurer: context.measurer)
        var lines = ["vendor,facility,metric,value,lower_bound,unit,date,status"]
        for figure in figures {
            lines.append(CSVWriter.line([strings.localized(figure.vendor, figure.vendorEN), strings.localized(figure.facility, figure.facilityEN),
                                         strings.localized(figure.metric, figure.metricEN), CSVWriter.number(figure.value),
                                         figure.isLowerBound ? "yes" : "no", figure.unit, figure.date?.description ?? "",
                                         figure.isEstimate ? "estimate" : "actual"]))
        }
        return [ReportPage(title: chart.title, chartID: Self.chartID, layout: layout,
                           csv: lines.joined(separator: "\n") + "\n")]
    }
}

/// Exhibit 10: every quantitative case result as a tile: the figure, what it measures and
/// whose it is.
struct CaseResultsExhibit: Exhibit {
    var tables: [AnyExhibitTableSpec] { [ExhibitTable.caseResults.erased] }

    static let chartID = "case-results"

    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let results = context.tables[ExhibitTable.caseResults] else { return [] }
        let strings = context.strings
        let tiles = results.map { result in
            FigureTiles.Tile(value: Self.figure(result, strings: strings), label: strings.localized(result.metric, result.metricEN),
                             caption: strings.localized(result.organisation, result.organisationEN))
        }
        let chart = FigureTiles(title: strings.casesTitle, tiles: tiles,
                                sourceNote: strings.sourceLine(results.map(\.source)) + strings.localized("。", ". ") + strings.casesNote
                                    + context.tableCutoff("case-results"))
        let layout = chart.layout(theme: context.theme, measurer: context.measurer)
        var lines = ["case,organisation,metric,value,unit,direction,lower_bound,shown_as"]
        for (result, tile) in zip(results, tiles) {
            lines.append(CSVWriter.line([result.caseID, tile.caption, tile.label, CSVWriter.number(result.value), result.unit,
                                         result.direction, result.isLowerBound ? "yes" : "no", tile.value]))
        }
        return [ReportPage(title: chart.title, chartID: Self.chartID, layout: layout,
                           csv: lines.joined(separator: "\n") + "\n")]
    }

    /// "+11.38个百分点", "−90%", "1,000+", "91.18%": the sign says the direction of a change,
    /// "+" after the number a lower bound.
    /// Chinese says a count as the source does (69万, 超10万) rather than 690,000 / 100,000+.
    static func figure(_ result: CaseResult, strings: Strings) -> String {
        let sign = result.direction == "+" ? "+" : (result.direction == "-" ? "−" : "")
        let unit = strings.caseUnit(result.unit) ?? ""
        if strings.language == .zh, unit.isEmpty {
            let wan = result.value >= 10_000 && (result.value / 10_000).rounded() == result.value / 10_000
            let number = wan ? NumberFormat.grouped(result.value / 10_000, decimals: 0) + "万"
                             : NumberFormat.grouped(result.value, decimals: NumberFormat.commonDecimals(for: [result.value]))
            return (result.isLowerBound ? "超" : "") + sign + number
        }
        let number = NumberFormat.grouped(result.value, decimals: NumberFormat.commonDecimals(for: [result.value]))
        return sign + number + (result.isLowerBound ? "+" : "") + unit
    }
}

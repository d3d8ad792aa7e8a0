import Charts
import MarketData

/// The title page: the report's title, its quarter, its date and who publishes it.
struct TitlePageExhibit: Exhibit {
    func pages(in context: RunContext) throws -> [ReportPage] {
        let theme = context.theme, strings = context.strings, measurer = context.measurer
        let document = context.config.document
        let language = context.strings.language
        var scene = Scene(size: theme.pageSize, background: theme.palette.background)
        let area = theme.contentArea
        // A band of the actual colour down the left edge, the title block beside it.
        scene.add(.rect(Rect(x: 0, y: 0, width: area.minX * 0.6, height: theme.pageSize.height),
                        fill: .solid(theme.palette.actual), stroke: nil, cornerRadius: 0), role: "title-band")
        let left = area.minX + 24, width = area.maxX - left - 24
        let title = document.title(for: language)
        let titleFont = theme.font(theme.fontSizes.title * 1.7, weight: .bold)
        let lineFont = theme.font(theme.fontSizes.subtitle + 3)
        // A title that wraps is set in the narrowest width that keeps its number of lines, so
        // the lines balance instead of leaving one word alone ("… Market / Report").
        let oneLine = measurer.measure(title, font: titleFont, maxWidth: 20_000)
        let full = measurer.measure(title, font: titleFont, maxWidth: width)
        var titleWidth = width
        if full.height > oneLine.height * 1.5 {
            var low = width / 2, high = width
            for _ in 0..<14 {
                let middle = (low + high) / 2
                if measurer.measure(title, font: titleFont, maxWidth: middle).height <= full.height + 0.5 { high = middle } else { low = middle }
            }
            titleWidth = min(width, high + 1)
        }
        let titleSize = measurer.measure(title, font: titleFont, maxWidth: titleWidth)
        var lines = [strings.quarterLine(context.config.quarter), strings.dateLine(document.date)]
        if let publisher = document.publisher(for: language) { lines.append(publisher) }
        let lineSizes = lines.map { measurer.measure($0, font: lineFont, maxWidth: width) }
        let blockHeight = titleSize.height + 24 + lineSizes.map { $0.height + 6 }.reduce(0, +)
        var y = area.minY + (area.height - blockHeight) * 0.42
        scene.add(.text(TextBox(text: title, frame: Rect(x: left, y: y, width: titleWidth, height: titleSize.height),
                                font: titleFont, color: theme.palette.text, wraps: true)), role: "title")
        y += titleSize.height + 10
        scene.add(.rect(Rect(x: left, y: y, width: 64, height: 4), fill: .solid(theme.palette.accent), stroke: nil,
                        cornerRadius: 0), role: "rule")
        y += 14
        for (line, size) in zip(lines, lineSizes) {
            scene.add(.text(TextBox(text: line, frame: Rect(x: left, y: y, width: width, height: size.height),
                                    font: lineFont, color: theme.palette.secondaryText, wraps: true)), role: "title-line")
            y += size.height + 6
        }
        let noteFont = theme.font(theme.fontSizes.note)
        let credits = strings.titlePageNote(publishers: SourceCredits(context: context).publishers)
        let noteSize = measurer.measure(credits, font: noteFont, maxWidth: width)
        scene.add(.text(TextBox(text: credits,
                                frame: Rect(x: left, y: area.maxY - noteSize.height, width: width, height: noteSize.height),
                                font: noteFont, color: theme.palette.note, wraps: true)), role: "source-note")
        return [ReportPage(title: title, chartID: nil, scene: scene)]
    }
}

/// The contents page: every exhibit's title and the page it starts on, from the page
/// directory of the previous pass.
struct ContentsExhibit: Exhibit {
    var referencesPageNumbers: Bool { true }
    /// More entries than this go into two columns.
    static let entriesInOneColumn = 24

    func pages(in context: RunContext) throws -> [ReportPage] {
        let strings = context.strings
        let entries = context.pageDirectory.filter { $0.exhibitID != "contents" }
        let pair: [TablePage.Column] = [.init(header: strings.contentsExhibit, weight: 8),
                                        .init(header: strings.contentsPage, weight: 1, alignment: .right, linksToPages: true)]
        // A long report (chapters among the exhibits) lists its entries in two columns, the
        // first half down the left, so the contents stays one page at a readable size.
        let twoColumns = entries.count > Self.entriesInOneColumn
        let half = twoColumns ? (entries.count + 1) / 2 : entries.count
        let rows = (0..<half).map { index -> [String] in
            let left = [entries[index].title, "\(entries[index].pageNumber)"]
            guard twoColumns else { return left }
            let right = index + half < entries.count ? [entries[index + half].title, "\(entries[index + half].pageNumber)"] : ["", ""]
            return left + right
        }
        var table = TablePage(title: strings.contentsTitle, continuedSuffix: strings.continued,
                              columns: twoColumns ? pair + pair : pair, rows: rows)
        // One line per exhibit, set densely so that a report of twenty-five exhibits keeps
        // its contents on one page.
        table.rowPadding = 1
        table.shrinksToOnePage = true
        return TablePages.pages(table, chartID: "contents", context: context).map { page in
            var page = page
            page.chartID = nil
            page.csv = nil
            return page
        }
    }
}

// A table as report pages: a header row, zebra-striped body rows, every cell wrapped by
// Pango inside its column and every row as tall as its tallest measured cell. Rows that
// do not fit below the page's title and above its note continue on further pages, each
// with the header row repeated and the title marked as continued. No cell text ever
// leaves its cell.

public struct TablePage: Sendable {
    public struct Column: Equatable, Sendable {
        public var header: String
        /// Share of the table width, relative to the other columns' weights.
        public var weight: Double
        public var alignment: TextAlignment
        /// The column's cells are page numbers (contents, "see page"): the deck links each
        /// to its slide.
        public var linksToPages: Bool
        public init(header: String, weight: Double = 1, alignment: TextAlignment = .left, linksToPages: Bool = false) {
            self.header = header; self.weight = weight; self.alignment = alignment; self.linksToPages = linksToPages
        }
    }

    public var title: String
    /// Appended to the title on continuation pages, e.g. "（续）" or " (continued)".
    public var continuedSuffix: String
    public var subtitle: String?
    public var columns: [Column]
    /// One string per column in every row.
    public var rows: [[String]]
    /// Rows whose index is listed here are drawn in bold (e.g. a group's first row).
    public var emphasizedRows: Set<Int>
    public var sourceNote: String
    /// Space above and below each cell's text; a list such as a contents page can be denser.
    public var rowPadding: Double = 4
    /// Sets the type smaller (down to the theme's smallest label size) rather than continue
    /// on a second page: for a contents page, which a reader takes in at a glance.
    public var shrinksToOnePage: Bool = false
    /// A column that names a group on its first row only (left empty below): a continuation
    /// page's first row repeats the group's name, so no row stands without it.
    public var groupColumn: Int? = nil

    public init(title: String, continuedSuffix: String, subtitle: String? = nil, columns: [Column], rows: [[String]],
                emphasizedRows: Set<Int> = [], sourceNote: String = "") {
        self.title = title; self.continuedSuffix = continuedSuffix; self.subtitle = subtitle
        self.columns = columns; self.rows = rows; self.emphasizedRows = emphasizedRows; self.sourceNote = sourceNote
    }

    public var problems: [String] {
        var found: [String] = []
        if columns.isEmpty { found.append("the table has no columns") }
        for column in columns where !(column.weight.isFinite && column.weight > 0) {
            found.append("column \"\(column.header)\" has weight \(column.weight); give a weight > 0")
        }
        for (i, row) in rows.enumerated() where row.count != columns.count {
            found.append("row \(i + 1) has \(row.count) cells for \(columns.count) columns; missing cells are left empty")
        }
        return found
    }
}

public struct TablePageLayout: Sendable {
    public struct Cell: Equatable, Sendable {
        /// The cell's box (background and rules).
        public var frame: Rect
        /// Where its text is set, inside `frame`.
        public var text: Rect
        public var content: String
    }
    public var scene: Scene
    public var blocks: PageBlocks
    public var header: [Cell]
    /// Body rows on this page, each with one cell per column.
    public var rows: [[Cell]]
    /// Index into the table's rows of this page's first row.
    public var firstRow: Int
    public var problems: [String]
    /// The same rows as a native table (header, zebra, bold rows, column alignment), for
    /// editable exports.
    public var native: NativeContent? = nil
}

extension TablePage {
    /// Lays the table out on as many pages as its rows need (at least one).
    public func layoutPages(theme: Theme = .standard, measurer: TextMeasuring) -> [TablePageLayout] {
        let columnWidths = self.columnWidths(theme: theme)
        let typesetting = typeset(columnWidths: columnWidths, theme: theme, measurer: measurer)
        var pages: [TablePageLayout] = []
        var next = 0
        repeat {
            let page = layoutPage(from: next, continued: !pages.isEmpty, columnWidths: columnWidths,
                                  typesetting: typesetting, theme: theme, measurer: measurer)
            next = page.firstRow + page.rows.count
            pages.append(page)
        } while next < rows.count
        return pages
    }

    /// Space left and right of each cell's text.
    private static var paddingX: Double { 6.0 }

    /// Each column's share of the content width, by weight (a column without a usable
    /// weight gets none).
    private func columnWidths(theme: Theme) -> [Double] {
        let width = theme.contentArea.width
        let totalWeight = columns.map { $0.weight.isFinite && $0.weight > 0 ? $0.weight : 0 }.reduce(0, +)
        return columns.map { column -> Double in
            let weight = column.weight.isFinite && column.weight > 0 ? column.weight : 0
            return totalWeight > 0 ? width * weight / totalWeight : 0
        }
    }

    private func cellText(_ row: [String], _ column: Int) -> String { column < row.count ? row[column] : "" }

    /// The table set at one size: every cell's measured text and the rows' padding.
    private struct Typesetting {
        var size: Double
        var headerTexts: [Size]
        var rowTexts: [[Size]]
        /// Space above and below each cell's text.
        var paddingY: Double
        var fitsOnePage: Bool

        /// A row as tall as its tallest cell's text and the padding.
        func height(_ texts: [Size]) -> Double { (texts.map(\.height).max() ?? 0) + 2 * paddingY }
    }

    /// The type: the house size, or, for a table that must stay on one page (a contents
    /// page), the largest size down to the smallest label size at which it does.
    private func typeset(columnWidths widths: [Double], theme: Theme, measurer: TextMeasuring) -> Typesetting {
        let requestedPadding = rowPadding.isFinite ? max(0, rowPadding) : 4
        func textSizes(_ texts: [String], font: FontSpec) -> [Size] {
            texts.enumerated().map { column, text in
                text.isEmpty ? Size(width: 0, height: measurer.lineHeight(font))
                    : measurer.measure(text, font: font, maxWidth: max(1, widths[column] - 2 * Self.paddingX))
            }
        }
        return LargestFittingSize(from: theme.fontSizes.axis - 1, floor: theme.fontSizes.minimumValueLabel,
                                  measure: { size -> Typesetting in
            let plain = theme.font(size), bold = theme.font(size, weight: .bold)
            let headerTexts = textSizes(columns.map(\.header), font: bold)
            let rowTexts = rows.enumerated().map { index, row in
                textSizes(columns.indices.map { cellText(row, $0) }, font: emphasizedRows.contains(index) ? bold : plain)
            }
            let fitted = fittedPadding(requested: requestedPadding, textHeights: [headerTexts] + rowTexts,
                                       theme: theme, measurer: measurer)
            return Typesetting(size: size, headerTexts: headerTexts, rowTexts: rowTexts, paddingY: fitted.padding,
                             fitsOnePage: fitted.fitsOnePage)
        }, fits: { $0.fitsOnePage || !shrinksToOnePage }).measured
    }

    /// One page: the blocks (the title marked when `continued`), the header row, and the
    /// rows from `first` on while they fit.
    private func layoutPage(from first: Int, continued: Bool, columnWidths widths: [Double],
                            typesetting: Typesetting, theme: Theme, measurer: TextMeasuring) -> TablePageLayout {
        var pageProblems = continued ? [] : problems
        var (scene, blocks) = PageBlockLayout.page(title: continued ? title + continuedSuffix : title,
                                                   subtitle: subtitle, note: sourceNote, theme: theme,
                                                   measurer: measurer, problems: &pageProblems)
        let body = blocks.body
        let headerCells = addHeaderRow(at: body.minY, in: body, columnWidths: widths, typesetting: typesetting,
                                       theme: theme, to: &scene)
        var y = body.minY + typesetting.height(typesetting.headerTexts)
        var next = first
        var placedRows: [[TablePageLayout.Cell]] = []
        while next < rows.count {
            let height = typesetting.height(typesetting.rowTexts[next])
            // A row taller than a whole page still goes on a page of its own (reported),
            // rather than looping forever.
            if y + height > body.maxY + 1e-9 && !(placedRows.isEmpty) { break }
            if y + height > body.maxY + 1e-9 {
                pageProblems.append("table row \(next + 1) is taller than a page; shorten its cells")
            }
            placedRows.append(addRow(next, firstOnPage: first, at: y, height: height, in: body, columnWidths: widths,
                                     typesetting: typesetting, theme: theme, to: &scene))
            y += height
            scene.add(.path([.move(Point(body.minX, y)), .line(Point(body.maxX, y))], fill: nil,
                            stroke: Stroke(color: theme.palette.gridline, width: theme.lineWidths.gridline)),
                      role: "table-rule")
            next += 1
        }
        var page = TablePageLayout(scene: scene, blocks: blocks, header: headerCells, rows: placedRows,
                                   firstRow: first, problems: pageProblems)
        page.native = .table(nativeTable(header: headerCells, rows: placedRows, firstRow: first, theme: theme,
                                         fontSize: typesetting.size))
        return page
    }

    /// The header row on the header colour, in bold.
    private func addHeaderRow(at y: Double, in body: Rect, columnWidths widths: [Double], typesetting: Typesetting,
                              theme: Theme, to scene: inout Scene) -> [TablePageLayout.Cell] {
        let height = typesetting.height(typesetting.headerTexts)
        let headerFont = theme.font(typesetting.size, weight: .bold)
        scene.add(.rect(Rect(x: body.minX, y: y, width: body.width, height: height), fill: .solid(theme.palette.actual),
                        stroke: nil, cornerRadius: 0), role: "table-header-background")
        var cells: [TablePageLayout.Cell] = []
        var x = body.minX
        for (column, spec) in columns.enumerated() {
            let frame = Rect(x: x, y: y, width: widths[column], height: height)
            let text = Rect(x: x + Self.paddingX, y: y + typesetting.paddingY,
                            width: max(1, widths[column] - 2 * Self.paddingX),
                            height: typesetting.headerTexts[column].height)
            scene.add(.text(TextBox(text: spec.header, frame: text, font: headerFont, color: theme.palette.accentText,
                                    alignment: spec.alignment, wraps: true)), role: "table-header")
            cells.append(.init(frame: frame, text: text, content: spec.header))
            x += widths[column]
        }
        return cells
    }

    /// Body row `index` at `y`: odd rows on the zebra tint, emphasised ones bold; a
    /// continuation page's first row repeats its group's name.
    private func addRow(_ index: Int, firstOnPage: Int, at y: Double, height: Double, in body: Rect,
                        columnWidths widths: [Double], typesetting: Typesetting, theme: Theme,
                        to scene: inout Scene) -> [TablePageLayout.Cell] {
        let font = theme.font(typesetting.size, weight: emphasizedRows.contains(index) ? .bold : .regular)
        if index % 2 == 1 {
            scene.add(.rect(Rect(x: body.minX, y: y, width: body.width, height: height),
                            fill: .solid(theme.palette.gridline.tinted(0.5)), stroke: nil, cornerRadius: 0),
                      role: "table-zebra")
        }
        var cells: [TablePageLayout.Cell] = []
        var x = body.minX
        for column in columns.indices {
            var content = cellText(rows[index], column)
            if content.isEmpty, column == groupColumn, index == firstOnPage, index > 0,
               let label = rows[..<index].last(where: { !cellText($0, column).isEmpty }).map({ cellText($0, column) }) {
                content = label
            }
            let frame = Rect(x: x, y: y, width: widths[column], height: height)
            let text = Rect(x: x + Self.paddingX, y: y + typesetting.paddingY,
                            width: max(1, widths[column] - 2 * Self.paddingX),
                            height: typesetting.rowTexts[index][column].height)
            if !content.isEmpty {
                scene.add(.text(TextBox(text: content, frame: text, font: font, color: theme.palette.text,
                                        alignment: columns[column].alignment, wraps: true)), role: "table-cell")
            }
            cells.append(.init(frame: frame, text: text, content: content))
            x += widths[column]
        }
        return cells
    }
}

extension TablePage {
    /// The laid-out cells as a native table: the header row on the header colour, odd rows
    /// on the zebra tint, emphasised rows bold, each column aligned as specified.
    func nativeTable(header: [TablePageLayout.Cell], rows: [[TablePageLayout.Cell]], firstRow: Int, theme: Theme,
                     fontSize: Double) -> NativeTable {
        let palette = theme.palette
        let headerRow = NativeTable.Row(height: header.first?.frame.height ?? 0, cells: header.enumerated().map { column, cell in
            NativeTable.Cell(text: cell.content, bold: true, fill: palette.actual, color: palette.accentText,
                             alignment: columns[column].alignment)
        })
        let bodyRows = rows.enumerated().map { offset, cells -> NativeTable.Row in
            let index = firstRow + offset
            let fill: Color? = index % 2 == 1 ? palette.gridline.tinted(0.5) : nil
            return NativeTable.Row(height: cells.first?.frame.height ?? 0, cells: cells.enumerated().map { column, cell in
                var native = NativeTable.Cell(text: cell.content, bold: emphasizedRows.contains(index), fill: fill,
                                              color: palette.text, alignment: columns[column].alignment)
                if columns[column].linksToPages { native.linkedPage = Int(cell.content) }
                return native
            })
        }
        let all = [headerRow] + bodyRows
        let x = header.first?.frame.minX ?? 0, y = header.first?.frame.minY ?? 0
        let widths = header.map(\.frame.width)
        let frame = Rect(x: x, y: y, width: widths.reduce(0, +), height: all.map(\.height).reduce(0, +))
        return NativeTable(frame: frame, columnWidths: widths, rows: all, fontFamily: theme.fontFamily, fontSize: fontSize,
                           replacedRoles: ["table-header-background", "table-header", "table-zebra", "table-cell", "table-rule"])
    }
}

extension TablePage {
    /// The space above and below each cell's text. A table that fits its page with room to
    /// spare gets airier rows (up to 2.5 times the request, at most 10 pt), so a short table
    /// does not leave half a page empty; one that would spill a few rows onto a page of its
    /// own gets tighter rows (down to 2 pt) when that keeps it on one page. A table longer
    /// than that keeps the requested padding and continues on further pages.
    func fittedPadding(requested: Double, textHeights: [[Size]], theme: Theme,
                       measurer: TextMeasuring) -> (padding: Double, fitsOnePage: Bool) {
        var scratch = Scene(size: theme.pageSize)
        var ignored: [String] = []
        let body = PageBlockLayout.layout(
            PageBlockContent(title: title, subtitle: subtitle, unit: nil, legend: [], note: sourceNote),
            theme: theme, measurer: measurer, scene: &scratch, problems: &ignored).body
        let text = textHeights.map { $0.map(\.height).max() ?? 0 }.reduce(0, +)
        let gaps = 2 * Double(textHeights.count)
        guard gaps > 0, body.height > 0 else { return (requested, false) }
        // The padding that fills the body exactly, a hair under so rounding never spills a row.
        let filling = (body.height - text) / gaps - 0.01
        if filling >= requested { return (min(filling, max(requested, min(2.5 * requested, 10))), true) }
        let tightest = min(2, requested)
        return filling >= tightest ? (filling, true) : (requested, false)
    }
}

// A native table (`a:tbl` in a graphic frame): the scene's column widths and row heights,
// each cell's text with its weight, colour and alignment and the cell's fill, so the table
// is retyped, re-sorted or restyled in PowerPoint like one built there.

import Charts

struct TableFrame {
    let table: NativeTable
    let style: DeckStyle

    /// `link` gives the slide relationship for a page number (nil: no such slide); a cell
    /// that names a page becomes a link to that slide.
    func xml(id: Int, name: String, description: String, link: (Int) -> String? = { _ in nil }) -> XMLNode {
        let grid = XMLNode("a:tblGrid", [], table.columnWidths.map {
            XMLNode("a:gridCol", [("w", String(max(1, DrawingML.emu($0))))])
        })
        let rows = table.rows.map { row in
            let margin = TableFrame.verticalMargin(row, fontSize: table.fontSize)
            return XMLNode("a:tr", [("h", String(max(1, DrawingML.emu(row.height))))], table.columnWidths.indices.map { column in
                cell(column < row.cells.count ? row.cells[column] : nil, margin: margin, link: link)
            })
        }
        let frame = table.frame
        return XMLNode("p:graphicFrame", [], [
            XMLNode("p:nvGraphicFramePr", [], [
                XMLNode("p:cNvPr", [("id", String(id)), ("name", name), ("descr", description)]),
                XMLNode("p:cNvGraphicFramePr", [], [XMLNode("a:graphicFrameLocks", [("noGrp", "1")])]),
                XMLNode("p:nvPr"),
            ]),
            XMLNode("p:xfrm", [], [
                XMLNode("a:off", [("x", String(DrawingML.emu(frame.x))), ("y", String(DrawingML.emu(frame.y)))]),
                XMLNode("a:ext", [("cx", String(DrawingML.emu(frame.width))), ("cy", String(DrawingML.emu(frame.height)))]),
            ]),
            XMLNode("a:graphic", [], [XMLNode("a:graphicData", [("uri", Namespace.table)], [
                XMLNode("a:tbl", [], [XMLNode("a:tblPr", [("firstRow", "1"), ("bandRow", "1")]), grid] + rows),
            ])]),
        ])
    }

    /// `paragraph` with every run a link to the slide behind `relationship`.
    static func linking(_ paragraph: XMLNode, relationship: String) -> XMLNode {
        var paragraph = paragraph
        for (i, run) in paragraph.children.enumerated() where run.name == "a:r" {
            var run = run
            if let k = run.children.firstIndex(where: { $0.name == "a:rPr" }) {
                run.children[k].children.append(XMLNode("a:hlinkClick", [("r:id", relationship),
                                                                          ("action", "ppaction://hlinksldjump")]))
            }
            paragraph.children[i] = run
        }
        return paragraph
    }

    /// A line of the table's font as PowerPoint and LibreOffice set it (ascent plus descent
    /// of Noto Sans CJK, 1.448 em; Office's CJK faces are close).
    static let lineHeight = 1.45

    /// The top and bottom cell margin that keeps the row at the scene's height: what is left
    /// of it around the row's tallest text, at most the default 3 pt. A fixed 3 pt made a
    /// 17.9 pt row of 10.5 pt text grow to 21.2 pt, and a 25-row table run off the slide.
    static func verticalMargin(_ row: NativeTable.Row, fontSize: Double) -> Double {
        let text = row.cells.map { cell in
            Double(cell.text.split(separator: "\n", omittingEmptySubsequences: false).count) * (cell.size ?? fontSize) * lineHeight
        }.max() ?? 0
        return min(3, max(0, (row.height - text) / 2))
    }

    private func cell(_ cell: NativeTable.Cell?, margin: Double, link: (Int) -> String?) -> XMLNode {
        let content = cell ?? NativeTable.Cell(text: "", bold: false, fill: nil, color: .black, alignment: .left)
        let paragraphs = style.paragraphs(content.text, size: content.size ?? table.fontSize, bold: content.bold, color: content.color,
                                           alignment: content.alignment)
            .map { paragraph in
                guard let page = content.linkedPage, let relationship = link(page) else { return paragraph }
                return TableFrame.linking(paragraph, relationship: relationship)
            }
        let rule = XMLNode("a:lnB", [("w", "6350")], [style.solidFill(Color(hex: 0xCCCCCC))])
        let none: (String) -> XMLNode = { XMLNode($0, [("w", "0")], [DrawingML.noFill]) }
        // Three quarters of the scene's padding: the scene fitted each text between the full
        // paddings with Pango; LibreOffice sets CJK a hair wider and would wrap a text that
        // fills its column exactly (slide 9's "3 个参数，仅 3 个实际值").
        let padding = String(max(0, DrawingML.emu(table.horizontalPadding * 0.75)))
        return XMLNode("a:tc", [], [
            XMLNode("a:txBody", [],
                    [XMLNode("a:bodyPr"), XMLNode("a:lstStyle")] + paragraphs),
            XMLNode("a:tcPr", [("marL", padding), ("marR", padding), ("marT", String(DrawingML.emu(margin))), ("marB", String(DrawingML.emu(margin))), ("anchor", "ctr")],
                    [none("a:lnL"), none("a:lnR"), none("a:lnT"), rule,
                     content.fill.map(style.solidFill) ?? DrawingML.noFill]),
        ])
    }
}

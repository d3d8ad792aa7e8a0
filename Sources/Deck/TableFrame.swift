// A native table (`a:tbl` in a graphic frame): the scene's column widths and row heights,
// each cell's text with its weight, colour and alignment and the cell's fill, so the table
// is retyped, re-sorted or restyled in PowerPoint like one built there.

import Charts

struct TableFrame {
    let table: NativeTable
    let style: DeckStyle

    func xml(id: Int, name: String, description: String) -> XMLNode {
        let grid = XMLNode("a:tblGrid", [], table.columnWidths.map {
            XMLNode("a:gridCol", [("w", String(max(1, DrawingML.emu($0))))])
        })
        let rows = table.rows.map { row in
            XMLNode("a:tr", [("h", String(max(1, DrawingML.emu(row.height))))], table.columnWidths.indices.map { column in
                cell(column < row.cells.count ? row.cells[column] : nil)
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

    private func cell(_ cell: NativeTable.Cell?) -> XMLNode {
        let content = cell ?? NativeTable.Cell(text: "", bold: false, fill: nil, color: .black, alignment: .left)
        let paragraphs = style.paragraphs(content.text, size: content.size ?? table.fontSize, bold: content.bold, color: content.color,
                                           alignment: content.alignment)
        let rule = XMLNode("a:lnB", [("w", "6350")], [style.solidFill(Color(hex: 0xCCCCCC))])
        let none: (String) -> XMLNode = { XMLNode($0, [("w", "0")], [DrawingML.noFill]) }
        let padding = String(max(0, DrawingML.emu(table.horizontalPadding)))
        return XMLNode("a:tc", [], [
            XMLNode("a:txBody", [],
                    [XMLNode("a:bodyPr"), XMLNode("a:lstStyle")] + paragraphs),
            XMLNode("a:tcPr", [("marL", padding), ("marR", padding), ("marT", "38100"), ("marB", "38100"), ("anchor", "ctr")],
                    [none("a:lnL"), none("a:lnR"), none("a:lnT"), rule,
                     content.fill.map(style.solidFill) ?? DrawingML.noFill]),
        ])
    }
}

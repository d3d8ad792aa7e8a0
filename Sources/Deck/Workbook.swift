// The workbook embedded in each chart part: one sheet holding the chart's grid, numbers
// in the chart's number format (growth rates as percentages), so PowerPoint's "Edit Data"
// opens the same values the chart caches. Texts (headers, categories, a bound's words) are
// in a shared-string table, as Excel writes them; a formula giving text keeps its text in
// its cell.

import Foundation

enum Workbook {
    static func data(for sheet: ChartSheet, numberFormat: String, theme: XMLNode, date: Date) throws -> Data {
        let strings = sharedStrings(of: sheet)
        var package = OPCPackage()
        package.packageRelationships.relate(to: "xl/workbook.xml", type: RelationshipType.officeDocument)
        var book = PartRelationships()
        let sheetID = book.relate(to: "xl/worksheets/sheet1.xml", type: RelationshipType.worksheet)
        book.relate(to: "xl/styles.xml", type: RelationshipType.styles)
        book.relate(to: "xl/theme/theme1.xml", type: RelationshipType.theme)
        book.relate(to: "xl/sharedStrings.xml", type: RelationshipType.sharedStrings)
        package.add("xl/workbook.xml", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    xml: XMLNode("workbook", [("xmlns", Namespace.spreadsheet), ("xmlns:r", Namespace.r)], [
                        XMLNode("sheets", [], [XMLNode("sheet", [("name", ChartSheet.sheetName), ("sheetId", "1"), ("r:id", sheetID)])]),
                    ]),
                    relationships: book)
        package.add("xl/worksheets/sheet1.xml", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
                    xml: worksheet(sheet, strings: strings))
        package.add("xl/theme/theme1.xml", contentType: "application/vnd.openxmlformats-officedocument.theme+xml", xml: theme)
        package.add("xl/sharedStrings.xml",
                    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
                    xml: XMLNode("sst", [("xmlns", Namespace.spreadsheet), ("count", String(strings.count)),
                                         ("uniqueCount", String(strings.count))],
                                 strings.map { XMLNode("si", [], [XMLNode("t", [("xml:space", "preserve")], text: $0)]) }))
        package.add("xl/styles.xml", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
                    xml: styles(numberFormat: numberFormat))
        return try package.zipped(date: date)
    }

    /// Every text in the sheet once, in order of first appearance.
    static func sharedStrings(of sheet: ChartSheet) -> [String] {
        var seen: Set<String> = []
        var strings: [String] = []
        func note(_ text: String) { if seen.insert(text).inserted { strings.append(text) } }
        for column in sheet.columns {
            note(column.header)
            for case .text(let text) in column.cells { note(text) }
        }
        return strings
    }

    static func worksheet(_ sheet: ChartSheet, strings: [String]) -> XMLNode {
        let index = Dictionary(uniqueKeysWithValues: strings.enumerated().map { ($1, $0) })
        func cell(_ column: Int, _ row: Int, _ value: ChartSheet.Cell, numeric style: Bool,
                  format: ChartSheet.Format = .chart) -> XMLNode? {
            let reference = ChartSheet.letters(column) + String(row)
            let styleID = !style ? "0" : format == .percent ? "2" : "1"
            switch value {
            case .empty: return nil
            case .text(let text):
                return XMLNode("c", [("r", reference), ("t", "s")], [XMLNode("v", text: String(index[text] ?? 0))])
            case .number(let number):
                guard number.isFinite else { return nil }
                return XMLNode("c", [("r", reference), ("s", styleID)], [XMLNode("v", text: ChartSheet.text(number))])
            case .formula(let formula, let number):
                guard number.isFinite else { return nil }
                return XMLNode("c", [("r", reference), ("s", styleID)], [XMLNode("f", text: formula),
                                                                          XMLNode("v", text: ChartSheet.text(number))])
            case .textFormula(let formula, let text):
                return XMLNode("c", [("r", reference), ("t", "str")], [XMLNode("f", text: formula), XMLNode("v", text: text)])
            }
        }
        var rows = [XMLNode("row", [("r", "1")], sheet.columns.enumerated().compactMap { column, entry in
            cell(column, 1, .text(entry.header), numeric: false)
        })]
        for row in 0..<sheet.rowCount {
            let cells = sheet.columns.enumerated().compactMap { column, entry in
                cell(column, row + 2, row < entry.cells.count ? entry.cells[row] : .empty, numeric: column > 0,
                     format: entry.format)
            }
            rows.append(XMLNode("row", [("r", String(row + 2))], cells))
        }
        return XMLNode("worksheet", [("xmlns", Namespace.spreadsheet)], [XMLNode("sheetData", [], rows)])
    }

    static func styles(numberFormat: String) -> XMLNode {
        XMLNode("styleSheet", [("xmlns", Namespace.spreadsheet)], [
            XMLNode("numFmts", [("count", "2")], [XMLNode("numFmt", [("numFmtId", "164"), ("formatCode", numberFormat)]),
                                                  XMLNode("numFmt", [("numFmtId", "165"),
                                                                     ("formatCode", ChartSheet.Format.percentCode)])]),
            XMLNode("fonts", [("count", "1")], [XMLNode("font", [], [XMLNode.val("sz", 11), XMLNode.val("name", "Calibri")])]),
            XMLNode("fills", [("count", "2")], [
                XMLNode("fill", [], [XMLNode("patternFill", [("patternType", "none")])]),
                XMLNode("fill", [], [XMLNode("patternFill", [("patternType", "gray125")])]),
            ]),
            XMLNode("borders", [("count", "1")], [XMLNode("border", [], [XMLNode("left"), XMLNode("right"), XMLNode("top"),
                                                                          XMLNode("bottom"), XMLNode("diagonal")])]),
            XMLNode("cellStyleXfs", [("count", "1")], [XMLNode("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")])]),
            XMLNode("cellXfs", [("count", "3")], [
                XMLNode("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0")]),
                XMLNode("xf", [("numFmtId", "164"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0"),
                               ("applyNumberFormat", "1")]),
                XMLNode("xf", [("numFmtId", "165"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0"),
                               ("applyNumberFormat", "1")]),
            ]),
            XMLNode("cellStyles", [("count", "1")], [XMLNode("cellStyle", [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")])]),
        ])
    }
}

import Charts
import Deck
import Foundation
import FoundationXML
import ZIPFoundation

/// A written deck opened again: its zip entries in order, each part parsed as XML.
struct DeckPackage {
    let entryNames: [String]
    let parts: [String: Data]
    /// Each entry's modification time as `yyyy-MM-dd HH:mm` in UTC.
    let entryDates: [String]

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        var names: [String] = []
        var parts: [String: Data] = [:]
        var dates: [String] = []
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "yyyy-MM-dd HH:mm"
        for entry in archive {
            if let date = entry.fileAttributes[.modificationDate] as? Date { dates.append(format.string(from: date)) }
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            names.append(entry.path)
            parts[entry.path] = bytes
        }
        entryNames = names
        self.parts = parts
        entryDates = dates
    }

    func xml(_ path: String) throws -> XMLDocument {
        guard let data = parts[path] else { throw DeckTestError.missing(path) }
        return try XMLDocument(data: data)
    }

    /// Every element named `name` (qualified, e.g. "c:pt") under `node`, in document order.
    static func elements(_ name: String, in node: XMLNode) -> [XMLElement] {
        var found: [XMLElement] = []
        func walk(_ node: XMLNode) {
            if let element = node as? XMLElement, element.name == name { found.append(element) }
            for child in node.children ?? [] { walk(child) }
        }
        walk(node)
        return found
    }

    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        // FoundationXML's attribute(forName:) misses attributes of elements in a default
        // namespace; the attribute list has them all.
        element.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }

    /// A workbook cell: its formula (without "=") and its cached value as written.
    struct Cell { var formula: String?; var value: String? }

    /// The cells of the workbook embedded in the chart part `chart` (e.g.
    /// "ppt/charts/chart1.xml"), by reference (`B2`), shared strings resolved.
    func workbookCells(of chart: String) throws -> [String: Cell] {
        let name = (chart as NSString).lastPathComponent
        let rels = try xml((chart as NSString).deletingLastPathComponent + "/_rels/" + name + ".rels")
        let target = DeckPackage.elements("Relationship", in: rels).first.flatMap { DeckPackage.attribute($0, "Target") } ?? ""
        let workbook = try DeckPackage(parts[DeckPackage.resolve(target, from: chart)] ?? Data())
        let strings = DeckPackage.elements("si", in: try workbook.xml("xl/sharedStrings.xml")).map { $0.stringValue ?? "" }
        var cells: [String: Cell] = [:]
        for cell in DeckPackage.elements("c", in: try workbook.xml("xl/worksheets/sheet1.xml")) {
            guard let reference = DeckPackage.attribute(cell, "r") else { continue }
            var value = DeckPackage.elements("v", in: cell).first?.stringValue
            if DeckPackage.attribute(cell, "t") == "s" { value = value.flatMap(Int.init).map { strings[$0] } }
            cells[reference] = Cell(formula: DeckPackage.elements("f", in: cell).first?.stringValue, value: value)
        }
        return cells
    }

    /// The part a relationship target names, relative to the source part's folder.
    static func resolve(_ target: String, from source: String) -> String {
        var components = (source as NSString).deletingLastPathComponent.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(String(piece)) }
        }
        return components.joined(separator: "/")
    }
}

enum DeckTestError: Error { case missing(String) }

/// The house market-size chart with actuals, estimates with intervals, a missing year and
/// two CAGR arrows, laid out without fonts.
enum SampleDeck {
    static func marketSizeChart() -> MarketSizeChart {
        var bars = [MarketSizeChart.Bar(label: "2019", value: 2633), MarketSizeChart.Bar(label: "2020", value: 3031),
                    MarketSizeChart.Bar.missing(label: "2021", mark: "未发布"),
                    MarketSizeChart.Bar(label: "2022", value: 5080), MarketSizeChart.Bar(label: "2023", value: 5298.5)]
        bars += [(2024, 7470.25, 6000.0, 9000.0), (2025, 8601.6, 5954.6, 11708.9)].map {
            MarketSizeChart.Bar(label: "\($0.0)E", value: $0.1, isEstimate: true, interval: (lower: $0.2, upper: $0.3))
        }
        var chart = MarketSizeChart(title: "中国AI市场规模，2019–2025E", unitLabel: "单位：亿元", bars: bars,
                                    cagrSpans: [.init(from: 0, to: 4, rate: 0.192), .init(from: 4, to: 6, rate: 0.274)],
                                    sourceNote: "来源：测试数据",
                                    formatValue: { String(format: "%.1f", $0) })
        chart.numberFormatCode = "#,##0.0"
        return chart
    }

    static func slides(measurer: TextMeasuring) -> [DeckSlide] {
        let layout = marketSizeChart().layout(theme: .standard, measurer: measurer)
        let table = TablePage(title: "表格", continuedSuffix: "（续）", columns: [.init(header: "厂商"), .init(header: "模型")],
                              rows: [["百度", "文心一言"], ["阿里巴巴", "通义千问"]])
            .layoutPages(theme: .standard, measurer: measurer)[0]
        return [DeckSlide(scene: layout.scene, native: layout.native, title: "中国AI市场规模", name: "market-size",
                          provenance: provenance),
                DeckSlide(scene: table.scene, native: table.native, title: "表格", name: "vendors"),
                DeckSlide(scene: layout.scene, native: nil, title: "shapes only", name: "market-size-shapes")]
    }

    static let provenance = SlideProvenance(
        sources: ["来源：测试数据"], dataCutoffs: ["market-size: CAICT 2025-12"],
        models: [.init(series: "market-size", model: "exponential", formula: "y = a·g^x", interval: "95% 区间")],
        warnings: ["a label did not fit"],
        inputs: [.init(role: "series:market-size", path: "datasets/market-size.csv", sha256: String(repeating: "ab", count: 32))])

    static let properties = DeckProperties(
        title: "测试", author: "marketcast", date: "2026-11-29", language: .chinese,
        fonts: DeckFonts(latin: "Arial", eastAsian: "Noto Sans CJK SC"), colors: .house(Theme.standard.palette),
        contentArea: Theme.standard.contentArea, titleSize: Theme.standard.fontSizes.title,
        footer: DeckFooter(text: "测试报告 · 2026Q4", date: "2026-11-29", fontSize: 7, color: Theme.standard.palette.note,
                           band: Rect(x: 36, y: 524, width: 888, height: 10)))
}

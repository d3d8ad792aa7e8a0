import MarketData

/// Who the report's data come from, for the cover: every series' and table's cited
/// publisher once, in the order the report uses them, without the vintage or the relay
/// ("中国信通院 2025-12" and "中国信通院 2023-10" are one credit; "Similarweb（2023-09 报道）"
/// is Similarweb). Our own judgements (sources starting with "marketcast") are not credited
/// to anyone: the cover says they are ours.
struct SourceCredits {
    let context: RunContext

    var publishers: [String] {
        let language = context.strings.language
        var cited: [String] = []
        for result in context.series { cited += result.series.sources(in: language) }
        let tablePaths = ReportConfig.tableNames.compactMap { context.config.tables[$0] }
            + (context.config.penetration.map { [$0.dataPath] } ?? [])
        for path in tablePaths {
            guard let table = context.csvTables[path], table.optionalColumnIndex(named: "source") != nil else { continue }
            cited += table.rows.map { table.text($0, "source", in: language) }
        }
        var credits: [String] = []
        for source in cited {
            let name = Self.publisher(of: source)
            if !name.isEmpty && !name.lowercased().hasPrefix("marketcast") && !credits.contains(name) { credits.append(name) }
        }
        return credits
    }

    /// The publisher in a citation: without a trailing bracketed relay or note and without a
    /// trailing date ("2025-12", "2023-10-16").
    static func publisher(of citation: String) -> String {
        var text = citation.trimmingCharacters(in: .whitespaces)
        // A relay or a qualifier after the publisher: "X via Y", "X, reported 2023-09",
        // "X as reported"; a report's part: "… 2023 年报告正文 / 图表", "… report text / figure".
        for marker in [" via ", ", reported", " as reported"] {
            if let range = text.range(of: marker) { text = String(text[..<range.lowerBound]) }
        }
        for part in ["正文", "图表", " text", " figure", " figures"] where text.hasSuffix(part) {
            text = String(text.dropLast(part.count))
        }
        // A full-width bracket qualifies the citation (which month, a missing value); a
        // half-width one holding Chinese names the publisher in its own language and stays:
        // "ASKCI (中商产业研究院)".
        if text.hasSuffix("）"), let start = text.range(of: "（", options: .backwards) {
            text = String(text[..<start.lowerBound])
        }
        if text.hasSuffix(")"), let start = text.range(of: "(", options: .backwards),
           !text[start.upperBound...].unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) {
            text = String(text[..<start.lowerBound])
        }
        let words = text.split(separator: " ")
        if let last = words.last, last.allSatisfy({ $0.isNumber || $0 == "-" }), last.contains(where: \.isNumber), words.count > 1 {
            text = words.dropLast().joined(separator: " ")
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

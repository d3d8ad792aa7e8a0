import Foundation

/// Reads just enough of an uncompressed PDF object structure (as Cairo writes it) to
/// check the outline: the page tree's order and each outline item's title and target.
/// Poppler's command-line tools do not print outlines, and qpdf is not installed.
struct PDFOutlineReader {
    struct Item: Equatable { let title: String; let pageNumber: Int? }

    let items: [Item]

    init(pdfAt path: String) throws {
        // Binary streams decode to replacement characters; the ASCII object syntax survives.
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        let kids = PDFOutlineReader.pageObjectNumbers(in: text)
        var items: [Item] = []
        var searchStart = text.startIndex
        while let titleRange = text.range(of: "/Title ", range: searchStart..<text.endIndex) {
            searchStart = titleRange.upperBound
            guard let end = text.range(of: "endobj", range: titleRange.upperBound..<text.endIndex) else { break }
            let body = String(text[titleRange.upperBound..<end.lowerBound])
            // Only outline items carry /Parent; the document info dictionary has a /Title too.
            guard body.contains("/Parent"), let title = PDFOutlineReader.decodeString(at: body) else { continue }
            var page: Int?
            if let dest = body.range(of: "/Dest [") {
                let objectNumber = Int(body[dest.upperBound...].prefix { $0.isNumber })
                page = objectNumber.flatMap { kids.firstIndex(of: $0) }.map { $0 + 1 }
            }
            items.append(Item(title: title, pageNumber: page))
        }
        self.items = items
    }

    /// Object numbers of the pages, in page order, from `/Type /Pages ... /Kids [ 3 0 R ... ]`.
    private static func pageObjectNumbers(in text: String) -> [Int] {
        guard let pages = text.range(of: "/Type /Pages"),
              let kidsStart = text.range(of: "/Kids [", range: pages.upperBound..<text.endIndex),
              let kidsEnd = text.range(of: "]", range: kidsStart.upperBound..<text.endIndex) else { return [] }
        let numbers = text[kidsStart.upperBound..<kidsEnd.lowerBound].split(separator: " ").compactMap { Int($0) }
        // Each reference is "N 0 R": keep every other number (N), dropping the generation.
        return stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }
    }

    /// A PDF string at the start of `body`: `<FEFF...>` (UTF-16BE hex) or `(literal)`.
    private static func decodeString(at body: String) -> String? {
        if body.hasPrefix("<FEFF"), let close = body.firstIndex(of: ">") {
            let hex = Array(body[body.index(body.startIndex, offsetBy: 5)..<close])
            var units: [UInt16] = []
            var i = 0
            while i + 4 <= hex.count {
                guard let unit = UInt16(String(hex[i..<i + 4]), radix: 16) else { return nil }
                units.append(unit)
                i += 4
            }
            return String(decoding: units, as: UTF16.self)
        }
        if body.hasPrefix("("), let close = body.firstIndex(of: ")") {
            return String(body[body.index(after: body.startIndex)..<close])
        }
        return nil
    }
}

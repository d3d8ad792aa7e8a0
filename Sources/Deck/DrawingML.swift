// DrawingML's small pieces shared by shapes, charts and tables: lengths in EMU, colours,
// fills, lines and text runs. Every run names its Latin and its East Asian typeface with
// the language, so Chinese text keeps the house font in PowerPoint, WPS and LibreOffice
// instead of falling back to a default (a run with only `a:latin` sets CJK in the UI font).

import Charts

enum DrawingML {
    /// English Metric Units per point.
    static let emuPerPoint = 12_700.0

    static func emu(_ points: Double) -> Int {
        guard points.isFinite else { return 0 }
        return Int((points * emuPerPoint).rounded())
    }

    static func hex(_ color: Color) -> String {
        func byte(_ v: Double) -> Int { Int((min(max(v.isFinite ? v : 0, 0), 1) * 255).rounded()) }
        let value = byte(color.red) << 16 | byte(color.green) << 8 | byte(color.blue)
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 6 - digits.count) + digits
    }

    static func color(_ color: Color) -> XMLNode {
        let alpha = min(max(color.alpha.isFinite ? color.alpha : 1, 0), 1)
        let children = alpha < 1 ? [XMLNode.val("a:alpha", Int((alpha * 100_000).rounded()))] : []
        return XMLNode("a:srgbClr", [("val", hex(color))], children)
    }

    static func solidFill(_ c: Color) -> XMLNode { XMLNode("a:solidFill", [], [color(c)]) }
    static let noFill = XMLNode("a:noFill")

    /// The estimate hatching as a preset pattern: the nearest of DrawingML's to the scene's
    /// diagonal lines, editable in PowerPoint's fill pane.
    static func patternFill(foreground: Color, background: Color) -> XMLNode {
        XMLNode("a:pattFill", [("prst", "wdUpDiag")], [
            XMLNode("a:fgClr", [], [color(foreground)]), XMLNode("a:bgClr", [], [color(background)]),
        ])
    }

    static func fill(_ fill: Fill?) -> XMLNode {
        switch fill {
        case nil: return noFill
        case .solid(let c): return solidFill(c)
        case .hatched(let c, let background, _, _): return patternFill(foreground: c, background: background)
        }
    }

    static func line(_ stroke: Stroke?, head: Bool = false) -> XMLNode {
        guard let stroke, stroke.width > 0 else { return XMLNode("a:ln", [], [noFill]) }
        var children = [solidFill(stroke.color)]
        if !stroke.dash.isEmpty { children.append(.val("a:prstDash", "dash")) }
        if head { children.append(XMLNode("a:tailEnd", [("type", "triangle"), ("w", "med"), ("len", "med")])) }
        return XMLNode("a:ln", [("w", String(emu(stroke.width)))], children)
    }

    /// Hundredths of a point, within DrawingML's 1–4000 pt.
    static func fontSize(_ points: Double) -> String {
        String(Int((min(max(points.isFinite ? points : 10, 1), 4000) * 100).rounded()))
    }

    /// Run properties: size, weight, colour, Latin and East Asian typeface, language.
    static func runProperties(_ name: String = "a:rPr", size: Double, bold: Bool, color: Color, family: String,
                              language: DeckLanguage) -> XMLNode {
        XMLNode(name, [("lang", language.tag), ("altLang", language.altTag), ("sz", fontSize(size)),
                       ("b", bold ? "1" : "0"), ("dirty", "0")], [
            solidFill(color),
            XMLNode("a:latin", [("typeface", family)]),
            XMLNode("a:ea", [("typeface", family)]),
            XMLNode("a:cs", [("typeface", family)]),
        ])
    }

    static func alignment(_ alignment: TextAlignment) -> String {
        switch alignment {
        case .left: return "l"
        case .center: return "ctr"
        case .right: return "r"
        }
    }

    /// Paragraphs for `text`, one per line, every run styled alike.
    static func paragraphs(_ text: String, size: Double, bold: Bool, color: Color, family: String,
                           alignment: TextAlignment, language: DeckLanguage) -> [XMLNode] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let properties = XMLNode("a:pPr", [("algn", DrawingML.alignment(alignment))])
            let end = runProperties("a:endParaRPr", size: size, bold: bold, color: color, family: family, language: language)
            if line.isEmpty { return XMLNode("a:p", [], [properties, end]) }
            let run = XMLNode("a:r", [], [
                runProperties(size: size, bold: bold, color: color, family: family, language: language),
                XMLNode("a:t", text: String(line)),
            ])
            return XMLNode("a:p", [], [properties, run])
        }
    }

    /// A chart or axis text style (`c:txPr`): size, colour and both typefaces.
    static func chartTextProperties(size: Double, color: Color, family: String, language: DeckLanguage,
                                    bold: Bool = false) -> XMLNode {
        XMLNode("c:txPr", [], [
            XMLNode("a:bodyPr"), XMLNode("a:lstStyle"),
            XMLNode("a:p", [], [
                XMLNode("a:pPr", [], [runProperties("a:defRPr", size: size, bold: bold, color: color, family: family,
                                                    language: language)]),
                XMLNode("a:endParaRPr", [("lang", language.tag)]),
            ]),
        ])
    }
}

/// The deck's language: tags every run, so spell-checking and font choice follow it.
public enum DeckLanguage: Sendable {
    case chinese, english
    var tag: String { self == .chinese ? "zh-CN" : "en-US" }
    var altTag: String { self == .chinese ? "en-US" : "zh-CN" }
}

// The deck's theme and how a scene's colours and fonts become theme references. The house
// palette is mapped onto the theme's twelve colour slots (text, background, second text,
// light grey, six accents); a scene colour equal to a slot is written as that slot
// (`a:schemeClr`), and a tint or shade of a slot (an estimate bar is the actual blue tinted
// toward white; the note grey is the text grey lightened) as the slot with the HSL
// transforms PowerPoint's own "Lighter 60%" swatches use. A colour of another hue (the
// adoption curves' own palette, a heatmap's pale shade) is the accent nearest in hue turned
// to it (`a:hueOff`) with the same transforms. Only a grey that is no shade of a grey slot
// stays literal RGB. Every run names the theme's fonts (+mj/+mn,
// Latin and East Asian), so the Design tab or another template's theme recolours and
// re-fonts the whole deck.

import Charts
import Foundation

/// The theme's colour slots, in the order the theme part lists them.
public struct DeckThemeColors: Sendable, Equatable {
    public var dark1: Color
    public var light1: Color
    public var dark2: Color
    public var light2: Color
    /// Six accents; fewer are padded with the first.
    public var accents: [Color]
    public var hyperlink: Color
    public var followedHyperlink: Color

    public init(dark1: Color, light1: Color, dark2: Color, light2: Color, accents: [Color],
                hyperlink: Color, followedHyperlink: Color) {
        self.dark1 = dark1; self.light1 = light1; self.dark2 = dark2; self.light2 = light2
        let padded = accents.isEmpty ? [dark1] : accents
        self.accents = (0..<6).map { padded[$0 < padded.count ? $0 : 0] }
        self.hyperlink = hyperlink; self.followedHyperlink = followedHyperlink
    }

    /// The house palette as a theme: text and background as dark 1 and light 1, the second
    /// text grey and the gridline grey as dark 2 and light 2, the series colours as
    /// accents 1–5 and the annotation red (CAGR pills) as accent 6.
    public static func house(_ palette: Theme.Palette) -> DeckThemeColors {
        var accents = Array(palette.series.prefix(5))
        while accents.count < 5 { accents.append(palette.actual) }
        accents.append(palette.accent)
        return DeckThemeColors(dark1: palette.text, light1: palette.background, dark2: palette.secondaryText,
                               light2: palette.gridline, accents: accents, hyperlink: palette.actual,
                               followedHyperlink: palette.note)
    }

    /// Slots as slides name them (through the master's colour map), with their colour.
    var slots: [(name: String, color: Color)] {
        [("tx1", dark1), ("bg1", light1), ("tx2", dark2), ("bg2", light2)]
            + accents.enumerated().map { ("accent\($0.offset + 1)", $0.element) }
    }
}

/// The theme's Latin and East Asian typefaces (headings and body alike).
public struct DeckFonts: Sendable, Equatable {
    public var latin: String
    public var eastAsian: String
    public init(latin: String, eastAsian: String) { self.latin = latin; self.eastAsian = eastAsian }
}

/// Which theme font a run uses: the heading (major) or the body (minor) font.
enum ThemeFont: Sendable {
    case major, minor
    var prefix: String { self == .major ? "+mj" : "+mn" }
}

/// Everything that turns scene values into DrawingML for one deck: the language every run
/// is tagged with and the theme colours references are made against.
struct DeckStyle: Sendable {
    let language: DeckLanguage
    let colors: DeckThemeColors

    init(language: DeckLanguage, colors: DeckThemeColors) {
        self.language = language; self.colors = colors
    }

    // MARK: colours

    /// `color` as a theme reference when it is a slot or a tint/shade of one, else RGB.
    func color(_ color: Color) -> XMLNode {
        let alpha = min(max(color.alpha.isFinite ? color.alpha : 1, 0), 1)
        let alphaNode = alpha < 1 ? [XMLNode.val("a:alpha", Int((alpha * 100_000).rounded()))] : []
        if let (slot, transforms) = reference(for: color) {
            return XMLNode("a:schemeClr", [("val", slot)], transforms + alphaNode)
        }
        return XMLNode("a:srgbClr", [("val", DrawingML.hex(color))], alphaNode)
    }

    /// The slot and HSL transforms that give `color` to within one step per channel.
    func reference(for color: Color) -> (String, [XMLNode])? {
        let target = HSL(DrawingML.hex(color))
        for slot in colors.slots where DrawingML.hex(slot.color) == DrawingML.hex(color) { return (slot.name, []) }
        // A transform of the nearest slot in lightness with the same hue (or both grey).
        let candidates = colors.slots.filter { slot in
            let base = HSL(DrawingML.hex(slot.color))
            if target.s < 0.02 || base.s < 0.02 { return target.s < 0.02 && base.s < 0.02 && base.l > 0 && base.l < 1 }
            return abs(base.h - target.h) < 1.5 || abs(abs(base.h - target.h) - 360) < 1.5
        }
        for slot in candidates.sorted(by: { abs(HSL(DrawingML.hex($0.color)).l - target.l) < abs(HSL(DrawingML.hex($1.color)).l - target.l) }) {
            if let transforms = DeckStyle.transforms(from: HSL(DrawingML.hex(slot.color)), to: target, turning: false) {
                return (slot.name, transforms)
            }
        }
        // A colour of another hue (a chart's own palette, as the adoption curves'; a pale
        // heatmap shade whose hue 8-bit rounding moved): the colourful slot nearest in hue,
        // turned to the colour's hue and brought to its saturation and lightness. With the
        // house theme it is the scene's colour; another theme turns it with its accent.
        guard target.s >= 0.02 else { return nil }
        func distance(_ slot: (name: String, color: Color)) -> Double {
            let d = abs(HSL(DrawingML.hex(slot.color)).h - target.h)
            return min(d, 360 - d)
        }
        let colourful = colors.slots.enumerated().filter { _, slot in
            let base = HSL(DrawingML.hex(slot.color))
            return base.s >= 0.02 && base.l > 0 && base.l < 1
        }
        for (_, slot) in colourful.sorted(by: { (distance($0.element), $0.offset) < (distance($1.element), $1.offset) }) {
            if let transforms = DeckStyle.transforms(from: HSL(DrawingML.hex(slot.color)), to: target, turning: true) {
                return (slot.name, transforms)
            }
        }
        return nil
    }

    /// DrawingML's transforms that take `base` to `target` (within one 8-bit step per
    /// channel): a hue offset when `turning`, then saturation and lightness; nil when they
    /// do not reach it.
    static func transforms(from base: HSL, to target: HSL, turning: Bool) -> [XMLNode]? {
        var transforms: [XMLNode] = []
        var result = base
        if turning {
            // The offset from one hue to the other without going round (negative when the
            // colour's hue is lower): LibreOffice clamps a turned hue to 0–360° rather than
            // wrapping it, so a turn past 360° would end at red.
            let off = Int(((target.h - base.h) * 60_000).rounded())
            if off != 0 {
                transforms.append(.val("a:hueOff", off))
                result.h = min(max(base.h + Double(off) / 60_000, 0), 360)
            }
        }
        if base.s >= 0.02, abs(target.s - base.s) > 0.001 {
            let mod = Int((target.s / base.s * 100_000).rounded())
            transforms.append(.val("a:satMod", mod))
            result.s = min(1, base.s * Double(mod) / 100_000)
        }
        if target.l > base.l + 0.001 {
            let p = (target.l - base.l) / (1 - base.l)
            let off = Int((p * 100_000).rounded())
            transforms += [.val("a:lumMod", 100_000 - off), .val("a:lumOff", off)]
            result.l = base.l * Double(100_000 - off) / 100_000 + Double(off) / 100_000
        } else if target.l < base.l - 0.001, base.l > 0 {
            let mod = Int((target.l / base.l * 100_000).rounded())
            transforms.append(.val("a:lumMod", mod))
            result.l = base.l * Double(mod) / 100_000
        }
        return result.isClose(to: target) ? transforms : nil
    }

    func solidFill(_ c: Color) -> XMLNode { XMLNode("a:solidFill", [], [color(c)]) }

    /// The estimate hatching as a preset pattern: the nearest of DrawingML's to the scene's
    /// diagonal lines, editable in PowerPoint's fill pane.
    func patternFill(foreground: Color, background: Color) -> XMLNode {
        XMLNode("a:pattFill", [("prst", "wdUpDiag")], [
            XMLNode("a:fgClr", [], [color(foreground)]), XMLNode("a:bgClr", [], [color(background)]),
        ])
    }

    func fill(_ fill: Fill?) -> XMLNode {
        switch fill {
        case nil: return DrawingML.noFill
        case .solid(let c): return solidFill(c)
        case .hatched(let c, let background, _, _): return patternFill(foreground: c, background: background)
        }
    }

    func line(_ stroke: Stroke?, head: Bool = false) -> XMLNode {
        guard let stroke, stroke.width > 0 else { return XMLNode("a:ln", [], [DrawingML.noFill]) }
        var children = [solidFill(stroke.color)]
        if !stroke.dash.isEmpty { children.append(.val("a:prstDash", "dash")) }
        if head { children.append(XMLNode("a:tailEnd", [("type", "triangle"), ("w", "med"), ("len", "med")])) }
        return XMLNode("a:ln", [("w", String(DrawingML.emu(stroke.width)))], children)
    }

    // MARK: text

    /// Run properties: size, weight, colour, the theme's Latin and East Asian font, language.
    func runProperties(_ name: String = "a:rPr", size: Double, bold: Bool, color: Color, font: ThemeFont = .minor) -> XMLNode {
        XMLNode(name, [("lang", language.tag), ("altLang", language.altTag), ("sz", DrawingML.fontSize(size)),
                       ("b", bold ? "1" : "0"), ("dirty", "0")], [
            solidFill(color),
            XMLNode("a:latin", [("typeface", font.prefix + "-lt")]),
            XMLNode("a:ea", [("typeface", font.prefix + "-ea")]),
            XMLNode("a:cs", [("typeface", font.prefix + "-cs")]),
        ])
    }

    /// Paragraphs for `text`, one per line, every run styled alike.
    func paragraphs(_ text: String, size: Double, bold: Bool, color: Color, alignment: TextAlignment,
                    font: ThemeFont = .minor) -> [XMLNode] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let properties = XMLNode("a:pPr", [("algn", DrawingML.alignment(alignment))])
            let end = runProperties("a:endParaRPr", size: size, bold: bold, color: color, font: font)
            if line.isEmpty { return XMLNode("a:p", [], [properties, end]) }
            let run = XMLNode("a:r", [], [
                runProperties(size: size, bold: bold, color: color, font: font),
                XMLNode("a:t", text: String(line)),
            ])
            return XMLNode("a:p", [], [properties, run])
        }
    }

    /// One paragraph of styled runs (commentary's bold and italic spans).
    func paragraph(_ spans: [TextSpan], size: Double, bold: Bool, color: Color, alignment: TextAlignment,
                   font: ThemeFont = .minor) -> XMLNode {
        let runs = spans.filter { !$0.text.isEmpty }.map { span -> XMLNode in
            var properties = runProperties(size: size, bold: bold || span.bold, color: color, font: font)
            if span.italic, let b = properties.attributes.firstIndex(where: { $0.0 == "b" }) {
                properties.attributes.insert(("i", "1"), at: b + 1)  // schema order: b, then i
            }
            return XMLNode("a:r", [], [properties, XMLNode("a:t", text: span.text)])
        }
        return XMLNode("a:p", [], [XMLNode("a:pPr", [("algn", DrawingML.alignment(alignment))])] + runs
                       + [runProperties("a:endParaRPr", size: size, bold: bold, color: color, font: font)])
    }

    /// A chart or axis text style (`c:txPr`): size, colour and the theme's body fonts.
    func chartTextProperties(size: Double, color: Color, bold: Bool = false) -> XMLNode {
        XMLNode("c:txPr", [], [
            XMLNode("a:bodyPr"), XMLNode("a:lstStyle"),
            XMLNode("a:p", [], [
                XMLNode("a:pPr", [], [runProperties("a:defRPr", size: size, bold: bold, color: color)]),
                XMLNode("a:endParaRPr", [("lang", language.tag)]),
            ]),
        ])
    }
}

/// A colour as hue (degrees), saturation and lightness (0–1), as DrawingML's transforms
/// see it.
struct HSL: Equatable {
    var h: Double, s: Double, l: Double

    init(_ hex: String) {
        let value = Int(hex, radix: 16) ?? 0
        let r = Double((value >> 16) & 0xFF) / 255, g = Double((value >> 8) & 0xFF) / 255, b = Double(value & 0xFF) / 255
        let high = max(r, g, b), low = min(r, g, b)
        l = (high + low) / 2
        let d = high - low
        if d == 0 { h = 0; s = 0; return }
        s = l > 0.5 ? d / (2 - high - low) : d / (high + low)
        switch high {
        case r: h = 60 * ((g - b) / d).truncatingRemainder(dividingBy: 6)
        case g: h = 60 * ((b - r) / d + 2)
        default: h = 60 * ((r - g) / d + 4)
        }
        if h < 0 { h += 360 }
    }

    var rgb: (Double, Double, Double) {
        let c = (1 - abs(2 * l - 1)) * s
        let x = c * (1 - abs((h / 60).truncatingRemainder(dividingBy: 2) - 1))
        let m = l - c / 2
        let (r, g, b): (Double, Double, Double)
        switch h {
        case ..<60: (r, g, b) = (c, x, 0)
        case ..<120: (r, g, b) = (x, c, 0)
        case ..<180: (r, g, b) = (0, c, x)
        case ..<240: (r, g, b) = (0, x, c)
        case ..<300: (r, g, b) = (x, 0, c)
        default: (r, g, b) = (c, 0, x)
        }
        return (r + m, g + m, b + m)
    }

    /// Within about one 8-bit step per channel.
    func isClose(to other: HSL) -> Bool {
        let a = rgb, b = other.rgb
        return abs(a.0 - b.0) * 255 <= 1.5 && abs(a.1 - b.1) * 255 <= 1.5 && abs(a.2 - b.2) * 255 <= 1.5
    }
}

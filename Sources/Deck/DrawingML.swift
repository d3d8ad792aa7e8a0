// DrawingML's small pieces shared by shapes, charts and tables: lengths in EMU, colours as
// hex, font sizes and alignments. Colours, fills, lines and runs depend on the deck's theme
// and are made by DeckStyle.

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

    static let noFill = XMLNode("a:noFill")

    /// Hundredths of a point, within DrawingML's 1–4000 pt.
    static func fontSize(_ points: Double) -> String {
        String(Int((min(max(points.isFinite ? points : 10, 1), 4000) * 100).rounded()))
    }

    static func alignment(_ alignment: TextAlignment) -> String {
        switch alignment {
        case .left: return "l"
        case .center: return "ctr"
        case .right: return "r"
        }
    }
}

/// The deck's language: tags every run, so spell-checking and font choice follow it.
public enum DeckLanguage: Sendable {
    case chinese, english
    var tag: String { self == .chinese ? "zh-CN" : "en-US" }
    var altTag: String { self == .chinese ? "en-US" : "zh-CN" }
}

// A deterministic stand-in for Pango so layout tests assert exact numbers: Latin
// characters are 0.6 em wide, CJK (and full-width punctuation) 1 em, lines 1.4 em tall,
// wrapping greedily at character boundaries.
import Charts

public struct FakeMeasurer: TextMeasuring {
    public init() {}

    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6: return true
        default: return false
        }
    }

    public static func width(of character: Character, size: Double) -> Double {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return (isWide(scalar) ? 1.0 : 0.6) * size
    }

    public func measure(_ text: String, font: FontSpec, maxWidth: Double?) -> Size {
        let lineHeight = 1.4 * font.size
        var lines: [Double] = [0]
        for character in text {
            if character == "\n" { lines.append(0); continue }
            let w = FakeMeasurer.width(of: character, size: font.size)
            if let maxWidth, let last = lines.last, last > 0, last + w > maxWidth {
                lines.append(w)
            } else {
                lines[lines.count - 1] += w
            }
        }
        return Size(width: lines.max() ?? 0, height: lineHeight * Double(lines.count))
    }
}

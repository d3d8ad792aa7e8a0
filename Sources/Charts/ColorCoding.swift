// Theme files are YAML written by analysts, so colours travel as the "#RRGGBB" strings
// they copy from style guides, not as four floats. These are additive extensions of the
// scene model's `Color`; the theme file itself is read in Report (ThemeFile).
import Foundation

extension Color {
    /// Parses "#RRGGBB" or "#RRGGBBAA" (the "#" is optional); nil for anything else.
    public init?(hexString: String) {
        var digits = Substring(hexString.trimmingCharacters(in: .whitespaces))
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        guard digits.count == 6 || digits.count == 8,
              digits.allSatisfy({ $0.isHexDigit }),
              let value = UInt64(digits, radix: 16) else { return nil }
        if digits.count == 6 {
            self.init(hex: UInt32(value))
        } else {
            self.init(hex: UInt32(value >> 8), alpha: Double(value & 0xFF) / 255)
        }
    }

    /// "#RRGGBB", or "#RRGGBBAA" when not opaque.
    public var hexString: String {
        func byte(_ component: Double) -> Int { Int((min(max(component, 0), 1) * 255).rounded()) }
        let rgb = String(format: "#%02X%02X%02X", byte(red), byte(green), byte(blue))
        return alpha >= 1 ? rgb : rgb + String(format: "%02X", byte(alpha))
    }

    /// This colour mixed toward white: `amount` 0 keeps it, 1 gives white. Used for the
    /// lighter estimate variant so it stays the same hue as the actuals.
    public func tinted(_ amount: Double) -> Color {
        let t = min(max(amount, 0), 1)
        return Color(red: red + (1 - red) * t, green: green + (1 - green) * t,
                     blue: blue + (1 - blue) * t, alpha: alpha)
    }
}

/// A finite Double as the shortest decimal that reads back as the same Double (Swift's
/// `description`, which is locale-free and the same on every machine): "4305.5", not
/// 4305.4999999…. Formatting rounds and scales this decimal, so 2.675 rounds to 2.68 and
/// 0.0285 as a percentage is exactly 2.85, as the analyst who typed them expects.
struct DecimalDigits: Equatable {
    var isNegative: Bool
    /// Significant digits 0...9, no leading zeros (empty for zero).
    var digits: [UInt8]
    /// How many of `digits` stand before the decimal point; may be negative or exceed
    /// `digits.count` (0.00123 has digits 123 and pointPosition -2; 1.2e5 has 12 and 6).
    var pointPosition: Int

    init(isNegative: Bool, digits: [UInt8], pointPosition: Int) {
        self.isNegative = isNegative
        self.digits = digits
        self.pointPosition = pointPosition
    }

    init?(_ value: Double) {
        guard value.isFinite else { return nil }
        isNegative = value.sign == .minus
        let text = value.magnitude.description
        let parts = text.split(separator: "e", maxSplits: 1)
        var exponent = 0
        if parts.count == 2, let parsed = Int(parts[1]) {
            exponent = parsed
        }
        var mantissaDigits: [UInt8] = []
        var integerDigitCount = 0
        var seenPoint = false
        for scalar in parts[0].unicodeScalars {
            if scalar == "." {
                seenPoint = true
            } else if scalar.value >= 0x30 && scalar.value <= 0x39 {
                mantissaDigits.append(UInt8(scalar.value - 0x30))
                if !seenPoint { integerDigitCount += 1 }
            }
        }
        // Drop leading zeros ("0.0012"), moving the point left with each.
        var leading = 0
        while leading < mantissaDigits.count && mantissaDigits[leading] == 0 { leading += 1 }
        digits = Array(mantissaDigits[leading...])
        pointPosition = integerDigitCount - leading + exponent
        while let last = digits.last, last == 0 { digits.removeLast() }
        if digits.isEmpty { pointPosition = 0 }
    }

    /// Multiplies by 10^power exactly, by moving the decimal point.
    func shifted(by power: Int) -> DecimalDigits {
        var copy = self
        if !copy.digits.isEmpty { copy.pointPosition += power }
        return copy
    }

    /// Rounded to `decimals` places after the point, half away from zero.
    func rounded(toDecimals decimals: Int) -> DecimalDigits {
        let keep = pointPosition + decimals
        guard keep < digits.count else { return self }
        var copy = self
        if keep < 0 {
            copy.digits = []
            copy.pointPosition = 0
            return copy
        }
        let roundUp = digits[keep] >= 5
        var kept = Array(digits[0..<keep])
        if roundUp {
            var index = kept.count - 1
            var carry = true
            while carry && index >= 0 {
                if kept[index] == 9 {
                    kept[index] = 0
                    index -= 1
                } else {
                    kept[index] += 1
                    carry = false
                }
            }
            if carry {
                kept.insert(1, at: 0)
                copy.pointPosition += 1
            }
        }
        while let last = kept.last, last == 0 { kept.removeLast() }
        copy.digits = kept
        if kept.isEmpty { copy.pointPosition = 0 }
        return copy
    }

    var isZero: Bool { digits.isEmpty }

    /// How many digits stand after the point (0 for whole numbers).
    var fractionDigitCount: Int { max(0, digits.count - pointPosition) }

    /// The digits before the point ("0" when there are none).
    var integerPart: String {
        guard pointPosition > 0 else { return "0" }
        var text = ""
        for index in 0..<pointPosition {
            text.append(index < digits.count ? Character(String(digits[index])) : "0")
        }
        return text
    }

    /// Exactly `count` digits after the point, padded with zeros.
    func fractionPart(count: Int) -> String {
        var text = ""
        for offset in 0..<max(0, count) {
            let index = pointPosition + offset
            text.append(index >= 0 && index < digits.count ? Character(String(digits[index])) : "0")
        }
        return text
    }
}

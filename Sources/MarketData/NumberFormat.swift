/// The language of labels on charts and in reports.
public enum DisplayLanguage: String, Sendable, Hashable, CaseIterable {
    case zh
    case en
}

/// How a dataset's unit is shown: the label, and the power of ten that turns a value in the
/// dataset's unit into the displayed number (亿元 shown as CNY bn: 10^-1, since 1 亿元 is
/// 0.1 billion yuan).
public struct DisplayUnit: Sendable, Hashable {
    public var label: String
    public var powerOfTen: Int

    public init(label: String, powerOfTen: Int = 0) {
        self.label = label
        self.powerOfTen = powerOfTen
    }

    /// A dataset value in display units, for axes and bar heights. Division by an exact
    /// power of ten keeps 4305 亿元 at exactly 430.5 CNY bn.
    public func convert(_ value: Double) -> Double {
        let factor = pow10(Int(clamping: powerOfTen.magnitude))
        return powerOfTen >= 0 ? value * factor : value / factor
    }

    /// 10^n by repeated multiplication: exact up to 10^22, and no libm call whose last bit
    /// could differ between platforms.
    private func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(n, 308) { result *= 10 }
        return result
    }
}

/// Number formatting by hand, so every machine prints the same bytes whatever its locale:
/// "," groups thousands, "." is the decimal point, rounding is half away from zero on the
/// number as written (see DecimalDigits), and -0 prints as 0. Non-finite values print "n/a".
public enum NumberFormat {
    public static let notANumber = "n/a"
    /// The minus sign of every displayed number.
    public static let minusSign = "\u{2212}"
    /// More decimals than a Double holds would only print noise.
    static let maximumDecimals = 17

    /// `decimals` places, no grouping: 1234.5 -> "1234.50" with 2.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        render(value, decimals: decimals, grouping: false)
    }

    /// Thousands grouped: 12345 -> "12,345", 1234.5 -> "1,234.5" with 1, "1,235" with 0.
    public static func grouped(_ value: Double, decimals: Int = 0) -> String {
        render(value, decimals: decimals, grouping: true)
    }

    /// The spreadsheet number format that shows what `grouped(_:decimals:)` prints:
    /// 0 -> "#,##0", 2 -> "#,##0.00". Editable exports put it on data labels and cells.
    public static func spreadsheetCode(decimals: Int) -> String {
        let places = min(max(decimals, 0), 15)
        return places == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: places)
    }

    /// A fraction as a percentage: 0.18 -> "18.0%", -0.0525 -> "-5.3%" with 1 decimal.
    public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        let text = render(fraction, decimals: decimals, grouping: true, powerOfTen: 2)
        return text == notANumber ? text : text + "%"
    }

    /// The fewest decimals (up to `maximum`) that show each value without rounding, so every
    /// label on a chart can use the same number of decimals: [4305, 141.34] -> 2.
    public static func commonDecimals(for values: [Double], powerOfTen: Int = 0, maximum: Int = 2) -> Int {
        var needed = 0
        for value in values {
            guard let digits = DecimalDigits(value)?.shifted(by: powerOfTen) else { continue }
            needed = max(needed, digits.fractionDigitCount)
        }
        return min(needed, max(0, maximum))
    }

    /// The decimals of every value label on one chart: as many as the published actuals
    /// carry (so no actual is shown rounded off), but at most 1 when the chart's largest
    /// value is 100 or more and at most 2 below that, because beyond that a label's digits
    /// are noise to the reader. [15, 70, 141.34] up to 2,514.36 -> 1 ("141.3", "15.0");
    /// [1.5, 7, 14.134] up to 25.1 -> 2; [4305, 5080] -> 0.
    public static func chartDecimals(actuals: [Double], largest: Double, powerOfTen: Int = 0) -> Int {
        let largestShown = abs(DisplayUnit(label: "", powerOfTen: powerOfTen).convert(largest))
        let cap = largestShown.isFinite && largestShown >= 100 ? 1 : 2
        return commonDecimals(for: actuals, powerOfTen: powerOfTen, maximum: cap)
    }

    /// How values in `unit` are shown in `language`. 亿元 stays 亿元 in Chinese and becomes
    /// CNY bn in English; with `largeValue` of at least 10,000 亿元 and `allowLargerUnit`, it
    /// becomes 万亿元 / CNY tn. Units not known here are shown as they are.
    public static func displayUnit(for unit: String, language: DisplayLanguage,
                                   largeValue: Double? = nil, allowLargerUnit: Bool = false) -> DisplayUnit {
        let isLarge = allowLargerUnit && (largeValue.map { $0.isFinite && abs($0) >= 10_000 } ?? false)
        switch (unit, language) {
        case ("亿元", .zh): return isLarge ? DisplayUnit(label: "万亿元", powerOfTen: -4) : DisplayUnit(label: "亿元")
        case ("亿元", .en): return isLarge ? DisplayUnit(label: "CNY tn", powerOfTen: -4) : DisplayUnit(label: "CNY bn", powerOfTen: -1)
        case ("万亿元", .zh): return DisplayUnit(label: "万亿元")
        case ("万亿元", .en): return DisplayUnit(label: "CNY tn")
        case ("万元", .zh): return DisplayUnit(label: "万元")
        case ("万元", .en): return DisplayUnit(label: "CNY m", powerOfTen: -2)
        case ("元", .zh): return DisplayUnit(label: "元")
        case ("元", .en): return DisplayUnit(label: "CNY")
        case ("亿美元", .zh): return DisplayUnit(label: "亿美元")
        case ("亿美元", .en): return DisplayUnit(label: "USD bn", powerOfTen: -1)
        default: return DisplayUnit(label: unit)
        }
    }

    /// A value with its unit: (4305, "亿元") -> "4,305亿元" in Chinese, "CNY 430.5 bn" in
    /// English. `decimals` nil picks the fewest that show the value (at most 2).
    public static func amount(_ value: Double, unit: String, language: DisplayLanguage,
                              decimals: Int? = nil, allowLargerUnit: Bool = false) -> String {
        let display = displayUnit(for: unit, language: language, largeValue: value, allowLargerUnit: allowLargerUnit)
        let places = decimals ?? commonDecimals(for: [value], powerOfTen: display.powerOfTen)
        let number = render(value, decimals: places, grouping: true, powerOfTen: display.powerOfTen)
        guard number != notANumber else { return number }
        return withUnit(number, display: display, language: language)
    }

    /// A range with its unit once: "9,999–27,314亿元", "CNY 999.9–2,731.4 bn" (never
    /// "999.9–CNY 2,731.4 bn"), in the unit and decimals the upper end's amount would take.
    public static func amountRange(_ lower: Double, _ upper: Double, unit: String, language: DisplayLanguage,
                                   decimals: Int? = nil) -> String {
        let display = displayUnit(for: unit, language: language, largeValue: upper)
        let places = decimals ?? commonDecimals(for: [lower, upper], powerOfTen: display.powerOfTen)
        let low = render(lower, decimals: places, grouping: true, powerOfTen: display.powerOfTen)
        let high = render(upper, decimals: places, grouping: true, powerOfTen: display.powerOfTen)
        guard low != notANumber, high != notANumber else { return notANumber }
        return withUnit(low + "–" + high, display: display, language: language)
    }

    /// Chinese units follow the number directly (4,305亿元); a currency code leads, its
    /// scale follows (CNY 430.5 bn, the one style of English text and notes); other Latin
    /// units after a space.
    static func withUnit(_ number: String, display: DisplayUnit, language: DisplayLanguage) -> String {
        guard !display.label.isEmpty else { return number }
        if display.label == "CNY" { return "CNY " + number }
        if display.label.hasPrefix("CNY ") { return "CNY " + number + " " + display.label.dropFirst(4) }
        let joinsDirectly = language == .zh && display.label.unicodeScalars.first.map(isCJK) == true
        return number + (joinsDirectly ? "" : " ") + display.label
    }

    /// The unit caption of a chart: "单位：亿元" or "Unit: CNY bn".
    public static func unitCaption(for unit: String, language: DisplayLanguage,
                                   largeValue: Double? = nil, allowLargerUnit: Bool = false) -> String {
        let label = displayUnit(for: unit, language: language, largeValue: largeValue, allowLargerUnit: allowLargerUnit).label
        return language == .zh ? "单位：\(label)" : "Unit: \(label)"
    }

    static func render(_ value: Double, decimals requested: Int, grouping: Bool, powerOfTen: Int = 0) -> String {
        guard let exact = DecimalDigits(value) else { return notANumber }
        let decimals = min(max(requested, 0), maximumDecimals)
        let rounded = exact.shifted(by: powerOfTen).rounded(toDecimals: decimals)
        var integerPart = rounded.integerPart
        if grouping { integerPart = groupThousands(integerPart) }
        // One minus sign on every page: U+2212, as in formulas and tiles (CSV files keep
        // ASCII through CSVWriter).
        var text = rounded.isNegative && !rounded.isZero ? NumberFormat.minusSign : ""
        text += integerPart
        if decimals > 0 {
            text += "." + rounded.fractionPart(count: decimals)
        }
        return text
    }

    static func groupThousands(_ digits: String) -> String {
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.append(digits[start..<end])
            end = start
        }
        return groups.reversed().joined(separator: ",")
    }

    private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
            || (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
    }
}

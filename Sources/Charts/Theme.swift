// The house style shared by every chart: page, margins, type, palette, strokes and the
// spacing rules the layouts follow. A theme file only needs the fields it changes:
// decoding starts from `Theme.standard` and overrides what is present, and a key that
// is not a theme field is an error (a typo must not be silently ignored).

/// The house style. `Theme.standard` is a 16:9 slide (960×540 pt; PNG at 2× is 1920×1080).
public struct Theme: Codable, Sendable, Equatable {
    public var pageSize: Size
    public var margins: Margins
    /// A fontconfig family; Noto Sans CJK SC sets Chinese and Latin in one face.
    public var fontFamily: String
    public var fontSizes: FontSizes
    public var palette: Palette
    public var lineWidths: LineWidths
    public var spacing: Spacing

    public init(pageSize: Size, margins: Margins, fontFamily: String, fontSizes: FontSizes,
                palette: Palette, lineWidths: LineWidths, spacing: Spacing) {
        self.pageSize = pageSize; self.margins = margins; self.fontFamily = fontFamily
        self.fontSizes = fontSizes; self.palette = palette; self.lineWidths = lineWidths
        self.spacing = spacing
    }

    public static let standard = Theme(
        pageSize: Size(width: 960, height: 540),
        margins: .standard, fontFamily: "Noto Sans CJK SC", fontSizes: .standard,
        palette: .standard, lineWidths: .standard, spacing: .standard)

    /// The page minus its margins: where every chart element must stay.
    public var contentArea: Rect {
        Rect(x: margins.left, y: margins.top,
             width: pageSize.width - margins.left - margins.right,
             height: pageSize.height - margins.top - margins.bottom)
    }

    public func font(_ size: Double, weight: FontWeight = .regular) -> FontSpec {
        FontSpec(family: fontFamily, size: size, weight: weight)
    }

    public struct Margins: Codable, Sendable, Equatable {
        public var top: Double
        public var left: Double
        public var bottom: Double
        public var right: Double
        public init(top: Double, left: Double, bottom: Double, right: Double) {
            self.top = top; self.left = left; self.bottom = bottom; self.right = right
        }
        public static let standard = Margins(top: 28, left: 36, bottom: 22, right: 36)
    }

    /// Sizes in points. The `minimum…` sizes are how far layouts may shrink a label
    /// before they stagger it instead.
    public struct FontSizes: Codable, Sendable, Equatable {
        public var title: Double
        public var subtitle: Double
        public var unit: Double
        public var axis: Double
        public var valueLabel: Double
        public var minimumValueLabel: Double
        public var cagrLabel: Double
        public var legend: Double
        public var annotation: Double
        public var note: Double
        public var minimumNote: Double
        public init(title: Double, subtitle: Double, unit: Double, axis: Double, valueLabel: Double,
                    minimumValueLabel: Double, cagrLabel: Double, legend: Double, annotation: Double,
                    note: Double, minimumNote: Double) {
            self.title = title; self.subtitle = subtitle; self.unit = unit; self.axis = axis
            self.valueLabel = valueLabel; self.minimumValueLabel = minimumValueLabel
            self.cagrLabel = cagrLabel; self.legend = legend; self.annotation = annotation
            self.note = note; self.minimumNote = minimumNote
        }
        public static let standard = FontSizes(
            title: 22, subtitle: 13, unit: 11, axis: 12, valueLabel: 13, minimumValueLabel: 8,
            cagrLabel: 11.5, legend: 11, annotation: 11, note: 9, minimumNote: 7)
    }

    /// Colours. The standard palette is built on Paul Tol's colour-blind-safe schemes
    /// (P. Tol, "Colour Schemes", SRON/EPS/TN/09-002, 2021): the high-contrast scheme's
    /// dark blue #004488 for actuals and its red #BB5566 as the accent, which stay apart for
    /// deuteranopes, protanopes and tritanopes and in greyscale print. Estimates use the
    /// same blue tinted toward white *and* hatched, so they never depend on hue alone.
    public struct Palette: Codable, Sendable, Equatable {
        public var background: Color
        public var text: Color
        public var secondaryText: Color
        public var note: Color
        public var actual: Color
        public var estimate: Color
        public var estimateHatch: Color
        public var interval: Color
        public var accent: Color
        public var accentText: Color
        public var arrow: Color
        public var baseline: Color
        public var gridline: Color
        /// Series colours for multi-series charts, in order (Tol high-contrast and "bright").
        public var series: [Color]
        public init(background: Color, text: Color, secondaryText: Color, note: Color, actual: Color,
                    estimate: Color, estimateHatch: Color, interval: Color, accent: Color,
                    accentText: Color, arrow: Color, baseline: Color, gridline: Color, series: [Color]) {
            self.background = background; self.text = text; self.secondaryText = secondaryText
            self.note = note; self.actual = actual; self.estimate = estimate
            self.estimateHatch = estimateHatch; self.interval = interval; self.accent = accent
            self.accentText = accentText; self.arrow = arrow; self.baseline = baseline
            self.gridline = gridline; self.series = series
        }
        public static let standard = Palette(
            background: .white,
            text: Color(hex: 0x222222),
            secondaryText: Color(hex: 0x555555),
            note: Color(hex: 0x6B6B6B),
            actual: Color(hex: 0x004488),
            estimate: Color(hex: 0x9EB8D2),       // #004488 tinted 62% toward white
            estimateHatch: Color(hex: 0x26609A),  // #004488 tinted 15% toward white
            interval: Color(hex: 0x333333),
            accent: Color(hex: 0xBB5566),
            accentText: .white,
            arrow: Color(hex: 0x555555),
            baseline: Color(hex: 0x555555),
            gridline: Color(hex: 0xE3E3E3),
            // The red hue stays reserved for the accent (CAGR pills, milestones), so a series
            // never looks like an annotation.
            series: [Color(hex: 0x004488), Color(hex: 0xDDAA33), Color(hex: 0x228833),
                     Color(hex: 0x66CCEE), Color(hex: 0xAA3377)])
    }

    /// Stroke widths in points.
    public struct LineWidths: Codable, Sendable, Equatable {
        public var baseline: Double
        public var gridline: Double
        public var arrow: Double
        public var interval: Double
        public var series: Double
        public var hatch: Double
        public var hatchSpacing: Double
        public init(baseline: Double, gridline: Double, arrow: Double, interval: Double,
                    series: Double, hatch: Double, hatchSpacing: Double) {
            self.baseline = baseline; self.gridline = gridline; self.arrow = arrow
            self.interval = interval; self.series = series; self.hatch = hatch
            self.hatchSpacing = hatchSpacing
        }
        public static let standard = LineWidths(
            baseline: 1, gridline: 0.6, arrow: 1.1, interval: 1, series: 2.2, hatch: 1.1, hatchSpacing: 5)
    }

    /// Gaps in points (fractions where named so).
    public struct Spacing: Codable, Sendable, Equatable {
        /// Between a label and what it labels (bar top, whisker top, arrow leg).
        public var labelGap: Double
        /// Preferred and minimum clear space between neighbouring labels in a row.
        public var labelSeparation: Double
        public var minimumLabelSeparation: Double
        /// Between blocks: title, header row, plot, note.
        public var blockGap: Double
        /// Bar width as a fraction of the slot each bar owns.
        public var barFraction: Double
        /// Padding inside the CAGR pill.
        public var pillPaddingX: Double
        public var pillPaddingY: Double
        /// Shortest leg of a CAGR arrow between its line and the label below.
        public var minimumArrowLeg: Double
        /// Vertical distance between stacked CAGR arrow tiers.
        public var arrowTierGap: Double
        public init(labelGap: Double, labelSeparation: Double, minimumLabelSeparation: Double,
                    blockGap: Double, barFraction: Double, pillPaddingX: Double, pillPaddingY: Double,
                    minimumArrowLeg: Double, arrowTierGap: Double) {
            self.labelGap = labelGap; self.labelSeparation = labelSeparation
            self.minimumLabelSeparation = minimumLabelSeparation; self.blockGap = blockGap
            self.barFraction = barFraction; self.pillPaddingX = pillPaddingX
            self.pillPaddingY = pillPaddingY; self.minimumArrowLeg = minimumArrowLeg
            self.arrowTierGap = arrowTierGap
        }
        public static let standard = Spacing(
            labelGap: 4, labelSeparation: 8, minimumLabelSeparation: 3, blockGap: 10,
            barFraction: 0.6, pillPaddingX: 8, pillPaddingY: 3, minimumArrowLeg: 8, arrowTierGap: 6)
    }
}

// MARK: - Partial decoding: every field falls back to the standard theme.

extension Theme {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case pageSize, margins, fontFamily, fontSizes, palette, lineWidths, spacing
    }
    public init(from decoder: Decoder) throws {
        try rejectUnknownKeys(decoder, CodingKeys.self, in: "theme")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let s = Theme.standard
        self.init(pageSize: try c.decode(.pageSize, or: s.pageSize), margins: try c.decode(.margins, or: s.margins),
                  fontFamily: try c.decode(.fontFamily, or: s.fontFamily),
                  fontSizes: try c.decode(.fontSizes, or: s.fontSizes),
                  palette: try c.decode(.palette, or: s.palette),
                  lineWidths: try c.decode(.lineWidths, or: s.lineWidths),
                  spacing: try c.decode(.spacing, or: s.spacing))
        guard pageSize.width > 0, pageSize.height > 0, contentArea.width > 0, contentArea.height > 0 else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "theme pageSize \(pageSize.width)×\(pageSize.height) pt leaves no room inside its margins; use a larger page or smaller margins"))
        }
    }
}

extension Theme.Margins {
    private enum CodingKeys: String, CodingKey, CaseIterable { case top, left, bottom, right }
    public init(from decoder: Decoder) throws {
        try rejectUnknownKeys(decoder, CodingKeys.self, in: "theme margins")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let s = Self.standard
        self.init(top: try c.decode(.top, or: s.top), left: try c.decode(.left, or: s.left),
                  bottom: try c.decode(.bottom, or: s.bottom), right: try c.decode(.right, or: s.right))
    }
}

extension Theme.FontSizes {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case title, subtitle, unit, axis, valueLabel, minimumValueLabel, cagrLabel, legend,
             annotation, note, minimumNote
    }
    public init(from decoder: Decoder) throws {
        try rejectUnknownKeys(decoder, CodingKeys.self, in: "theme fontSizes")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let s = Self.standard
        self.init(title: try c.decode(.title, or: s.title), subtitle: try c.decode(.subtitle, or: s.subtitle),
                  unit: try c.decode(.unit, or: s.unit), axis: try c.decode(.axis, or: s.axis),
                  valueLabel: try c.decode(.valueLabel, or: s.valueLabel),
                  minimumValueLabel: try c.decode(.minimumValueLabel, or: s.minimumValueLabel),
                  cagrLabel: try c.decode(.cagrLabel, or: s.cagrLabel),
                  legend: try c.decode(.legend, or: s.legend),
                  annotation: try c.decode(.annotation, or: s.annotation),
                  note: try c.decode(.note, or: s.note), minimumNote: try c.decode(.minimumNote, or: s.minimumNote))
        let sizes: [(CodingKeys, Double)] = [
            (.title, title), (.subtitle, subtitle), (.unit, unit), (.axis, axis), (.valueLabel, valueLabel),
            (.minimumValueLabel, minimumValueLabel), (.cagrLabel, cagrLabel), (.legend, legend),
            (.annotation, annotation), (.note, note), (.minimumNote, minimumNote)]
        if let (key, size) = sizes.first(where: { $0.1 <= 0 }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [key],
                debugDescription: "font size \"\(key.stringValue)\" is \(size) pt; give a size > 0, e.g. \(Self.standard.valueLabel)"))
        }
    }
}

extension Theme.Palette {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case background, text, secondaryText, note, actual, estimate, estimateHatch, interval,
             accent, accentText, arrow, baseline, gridline, series
    }
    public init(from decoder: Decoder) throws {
        try rejectUnknownKeys(decoder, CodingKeys.self, in: "theme palette")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let s = Self.standard
        self.init(background: try c.decode(.background, or: s.background), text: try c.decode(.text, or: s.text),
                  secondaryText: try c.decode(.secondaryText, or: s.secondaryText),
                  note: try c.decode(.note, or: s.note), actual: try c.decode(.actual, or: s.actual),
                  estimate: try c.decode(.estimate, or: s.estimate),
                  estimateHatch: try c.decode(.estimateHatch, or: s.estimateHatch),
                  interval: try c.decode(.interval, or: s.interval), accent: try c.decode(.accent, or: s.accent),
                  accentText: try c.decode(.accentText, or: s.accentText), arrow: try c.decode(.arrow, or: s.arrow),
                  baseline: try c.decode(.baseline, or: s.baseline), gridline: try c.decode(.gridline, or: s.gridline),
                  series: try c.decode(.series, or: s.series))
    }
}

extension Theme.LineWidths {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case baseline, gridline, arrow, interval, series, hatch, hatchSpacing
    }
    public init(from decoder: Decoder) throws {
        try rejectUnknownKeys(decoder, CodingKeys.self, in: "theme lineWidths")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let s = Self.standard
        self.init(baseline: try c.decode(.baseline, or: s.baseline), gridline: try c.decode(.gridline, or: s.gridline),
                  arrow: try c.decode(.arrow, or: s.arrow), interval: try c.decode(.interval, or: s.interval),
                  series: try c.decode(.series, or: s.series), hatch: try c.decode(.hatch, or: s.hatch),
                  hatchSpacing: try c.decode(.hatchSpacing, or: s.hatchSpacing))
    }
}

extension Theme.Spacing {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case labelGap, labelSeparation, minimumLabelSeparation, blockGap, barFraction,
             pillPaddingX, pillPaddingY, minimumArrowLeg, arrowTierGap
    }
    public init(from decoder: Decoder) throws {
        try rejectUnknownKeys(decoder, CodingKeys.self, in: "theme spacing")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let s = Self.standard
        self.init(labelGap: try c.decode(.labelGap, or: s.labelGap),
                  labelSeparation: try c.decode(.labelSeparation, or: s.labelSeparation),
                  minimumLabelSeparation: try c.decode(.minimumLabelSeparation, or: s.minimumLabelSeparation),
                  blockGap: try c.decode(.blockGap, or: s.blockGap),
                  barFraction: try c.decode(.barFraction, or: s.barFraction),
                  pillPaddingX: try c.decode(.pillPaddingX, or: s.pillPaddingX),
                  pillPaddingY: try c.decode(.pillPaddingY, or: s.pillPaddingY),
                  minimumArrowLeg: try c.decode(.minimumArrowLeg, or: s.minimumArrowLeg),
                  arrowTierGap: try c.decode(.arrowTierGap, or: s.arrowTierGap))
        guard barFraction > 0, barFraction <= 1 else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [CodingKeys.barFraction],
                debugDescription: "barFraction \(barFraction) must be in (0, 1], e.g. 0.6"))
        }
    }
}

extension Size: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case width, height }
    public init(from decoder: Decoder) throws {
        try rejectUnknownKeys(decoder, CodingKeys.self, in: "size")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(width: try c.decode(Double.self, forKey: .width), height: try c.decode(Double.self, forKey: .height))
        // The same rule as every other theme length (YAML reads `.inf` as a number).
        for (key, value) in [(CodingKeys.width, width), (.height, height)] where !(value.isFinite && value >= 0) {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: c, debugDescription: "\"\(key.stringValue)\" is \(value); sizes must be finite numbers ≥ 0")
        }
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
    }
}

private extension KeyedDecodingContainer {
    /// The value at `key`, or `fallback` when the key is absent. A key that is present but
    /// empty is an error, not a fallback: in YAML `accent: #EE7733` is a key followed by a
    /// comment, and silently keeping the standard colour would hide that.
    func decode<T: Decodable>(_ key: Key, or fallback: T) throws -> T {
        guard contains(key) else { return fallback }
        if try decodeNil(forKey: key) {
            throw DecodingError.valueNotFound(T.self, .init(
                codingPath: codingPath + [key],
                debugDescription: "\"\(key.stringValue)\" is present but empty; give a value or remove the key (in YAML, quote colours: \"#EE7733\", since an unquoted # starts a comment)"))
        }
        let value = try decode(T.self, forKey: key)
        if let number = value as? Double, !(number.isFinite && number >= 0) {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "\"\(key.stringValue)\" is \(number); sizes, widths and gaps must be finite numbers ≥ 0")
        }
        return value
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Throws when the mapping at `decoder` has a key that `Keys` does not name, listing
/// the keys that are allowed so the analyst can fix the typo.
private func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(
    _ decoder: Decoder, _: Keys.Type, in section: String
) throws {
    let container = try decoder.container(keyedBy: AnyKey.self)
    let known = Keys.allCases.map(\.stringValue)
    for key in container.allKeys.map(\.stringValue).sorted() where !known.contains(key) {
        throw DecodingError.dataCorrupted(.init(
            codingPath: decoder.codingPath + [AnyKey(stringValue: key)],
            debugDescription: "unknown key \"\(key)\" in \(section); allowed keys: \(known.joined(separator: ", "))"))
    }
}

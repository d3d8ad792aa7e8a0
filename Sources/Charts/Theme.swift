// The house style shared by every chart: page, margins, type, palette, strokes and the
// spacing rules the layouts follow. A plain value: the theme file (YAML) is read in
// Report (ThemeFile), which starts from `Theme.standard` and overrides what the file names.

/// The house style. `Theme.standard` is a 16:9 slide (960×540 pt; PNG at 2× is 1920×1080).
public struct Theme: Sendable, Equatable {
    public var pageSize: Size
    public var margins: Margins
    /// A fontconfig family; Noto Sans CJK SC sets Chinese and Latin in one face.
    public var fontFamily: String
    public var fontSizes: FontSizes
    public var palette: Palette
    public var lineWidths: LineWidths
    public var spacing: Spacing
    /// The deck's theme fonts (PowerPoint's Latin and East Asian typefaces); nil names
    /// `fontFamily`, the font the layout measures with.
    public var deckLatinFont: String? = nil
    public var deckEastAsianFont: String? = nil
    /// A PowerPoint template (.potx or .pptx) the deck is built on, as the theme file names it.
    public var deckTemplate: String? = nil

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

    public struct Margins: Sendable, Equatable {
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
    public struct FontSizes: Sendable, Equatable {
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
    public struct Palette: Sendable, Equatable {
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
    public struct LineWidths: Sendable, Equatable {
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
    public struct Spacing: Sendable, Equatable {
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

// Charts owns the step from a chart specification to a scene: a flat, backend-free list
// of rectangles, paths and text boxes in points. Rendering turns a scene into Cairo
// surfaces; nothing here knows about Cairo, so every layout decision can be asserted
// as numbers in tests. Text sizes come through `TextMeasuring`, which Rendering
// implements with Pango.
// Map of the targets, the data flow and the extension points: docs/architecture.md.

/// A point in scene coordinates: points (1/72 in), origin top left, y down.
public struct Point: Equatable, Sendable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

public struct Size: Equatable, Sendable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }
}

public struct Rect: Equatable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    public func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }
    public func contains(_ other: Rect, tolerance: Double = 1e-9) -> Bool {
        other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
            && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
    }
    public func insetBy(dx: Double, dy: Double) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }
}

/// sRGB colour with straight (non-premultiplied) alpha, components in 0...1.
public struct Color: Equatable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }
    /// `0xRRGGBB`.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255, alpha: alpha)
    }
    public func withAlpha(_ a: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: a) }
    public static let white = Color(hex: 0xFFFFFF)
    public static let black = Color(hex: 0x000000)
}

public enum FontWeight: Sendable, Equatable { case regular, bold }

public struct FontSpec: Equatable, Sendable {
    /// A fontconfig family list, e.g. "Noto Sans CJK SC".
    public var family: String
    /// Size in points.
    public var size: Double
    public var weight: FontWeight
    public init(family: String, size: Double, weight: FontWeight = .regular) {
        self.family = family; self.size = size; self.weight = weight
    }
}

public enum TextAlignment: Sendable, Equatable { case left, center, right }

/// A block of text laid out inside `frame`. The renderer wraps at `frame.width` when
/// `wraps` is true (Pango's line breaking, so CJK breaks correctly), aligns each line with
/// `alignment`, and places the block's top at `frame.minY`.
public struct TextBox: Equatable, Sendable {
    public var text: String
    public var frame: Rect
    public var font: FontSpec
    public var color: Color
    public var alignment: TextAlignment
    public var wraps: Bool
    /// Inline styles (commentary's bold and italic), in order; their texts joined are
    /// `text`. Empty for plain text, so a reader that ignores styles still has every word.
    public var spans: [TextSpan]
    public init(text: String, frame: Rect, font: FontSpec, color: Color,
                alignment: TextAlignment = .left, wraps: Bool = false) {
        self.text = text; self.frame = frame; self.font = font; self.color = color
        self.alignment = alignment; self.wraps = wraps; self.spans = []
    }

    /// A box of styled text: `text` is the spans' texts joined.
    public init(spans: [TextSpan], frame: Rect, font: FontSpec, color: Color, wraps: Bool = true) {
        self.init(text: spans.map(\.text).joined(), frame: frame, font: font, color: color, wraps: wraps)
        self.spans = spans
    }
}

/// A run of text with its inline style, as Markdown's `**bold**` and `*italic*` give it.
public struct TextSpan: Equatable, Sendable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    public init(_ text: String, bold: Bool = false, italic: Bool = false) {
        self.text = text; self.bold = bold; self.italic = italic
    }
}

public enum PathElement: Equatable, Sendable {
    case move(Point)
    case line(Point)
    case curve(Point, Point, Point)
    case close
}

public struct Stroke: Equatable, Sendable {
    public var color: Color
    public var width: Double
    public var dash: [Double]
    public init(color: Color, width: Double, dash: [Double] = []) {
        self.color = color; self.width = width; self.dash = dash
    }
}

public enum Fill: Equatable, Sendable {
    case solid(Color)
    /// Diagonal hatching of `color` lines over `background`, used for estimates so they
    /// stay distinct from actuals in greyscale print too.
    case hatched(color: Color, background: Color, spacing: Double, lineWidth: Double)
}

public enum SceneItem: Equatable, Sendable {
    case rect(Rect, fill: Fill?, stroke: Stroke?, cornerRadius: Double)
    case path([PathElement], fill: Fill?, stroke: Stroke?)
    case text(TextBox)
}

/// A drawable page: elements painted in order, each an item with its role. The role tags
/// let tests and exporters find the items that matter (bars, value labels, arrows) without
/// guessing from geometry; it travels with the item, so the two can never fall out of step.
public struct Scene: Equatable, Sendable {
    public struct Element: Equatable, Sendable {
        public var item: SceneItem
        /// "bar", "value-label", "cagr-arrow", …; empty for decoration.
        public var role: String
    }

    public var size: Size
    public var background: Color
    public private(set) var elements: [Element] = []

    public init(size: Size, background: Color = .white) {
        self.size = size; self.background = background
    }

    /// The items in paint order.
    public var items: [SceneItem] { elements.map(\.item) }
    /// Each item's role, in paint order.
    public var roles: [String] { elements.map(\.role) }

    public mutating func add(_ item: SceneItem, role: String = "") {
        elements.append(Element(item: item, role: role))
    }
    public mutating func append(contentsOf other: Scene, offset: Point = Point(0, 0)) {
        for element in other.elements { add(element.item.translated(by: offset), role: element.role) }
    }
    /// The items tagged with `role`, in paint order.
    public func items(withRole role: String) -> [SceneItem] {
        elements.filter { $0.role == role }.map(\.item)
    }
}

extension SceneItem {
    public func translated(by d: Point) -> SceneItem {
        if d.x == 0 && d.y == 0 { return self }
        func move(_ p: Point) -> Point { Point(p.x + d.x, p.y + d.y) }
        func move(_ r: Rect) -> Rect { Rect(x: r.x + d.x, y: r.y + d.y, width: r.width, height: r.height) }
        switch self {
        case let .rect(r, fill, stroke, radius):
            return .rect(move(r), fill: fill, stroke: stroke, cornerRadius: radius)
        case let .path(elements, fill, stroke):
            let moved = elements.map { element -> PathElement in
                switch element {
                case .move(let p): return .move(move(p))
                case .line(let p): return .line(move(p))
                case let .curve(a, b, c): return .curve(move(a), move(b), move(c))
                case .close: return .close
                }
            }
            return .path(moved, fill: fill, stroke: stroke)
        case .text(var box):
            box.frame = move(box.frame)
            return .text(box)
        }
    }
}

/// Measures laid-out text. Rendering implements it with Pango so that chart layout uses
/// the sizes the renderer will really produce.
public protocol TextMeasuring {
    /// The ink-independent logical size of `text` set in `font`, wrapped at `maxWidth`
    /// when given.
    func measure(_ text: String, font: FontSpec, maxWidth: Double?) -> Size
    /// The same for styled text (bold and italic spans change widths).
    func measure(_ spans: [TextSpan], font: FontSpec, maxWidth: Double) -> Size
    /// Where each line of `spans` wrapped at `width` starts, as UTF-8 offsets into the
    /// joined text (the first is 0): how a paragraph is split across two pages.
    func lineStarts(_ spans: [TextSpan], font: FontSpec, width: Double) -> [Int]
}

extension TextMeasuring {
    /// Measurers without styles (the test fakes) measure the plain text.
    public func measure(_ spans: [TextSpan], font: FontSpec, maxWidth: Double) -> Size {
        measure(spans.map(\.text).joined(), font: font, maxWidth: maxWidth)
    }

    /// Measurers that cannot tell the lines apart report one line per paragraph, which is
    /// never split.
    public func lineStarts(_ spans: [TextSpan], font: FontSpec, width: Double) -> [Int] { [0] }
}

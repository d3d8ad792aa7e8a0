// A legend is a row of swatch + text pairs. Charts draw one only when it tells the reader
// something (e.g. actual vs estimate only when both appear).

public struct LegendEntry: Equatable, Sendable {
    public enum Swatch: Equatable, Sendable {
        /// A small filled box, for bars.
        case box(Fill)
        /// A short line, for series.
        case line(Stroke)
        /// A small I-beam, for interval whiskers.
        case whisker(Stroke)
        /// A diamond, for reference markers.
        case diamond(Color)
    }
    public var swatch: Swatch
    public var text: String
    public init(swatch: Swatch, text: String) { self.swatch = swatch; self.text = text }
}

enum LegendLayout {
    static let swatchWidth = 14.0
    static let swatchGap = 5.0
    static let entryGap = 16.0

    /// The legend's size when set in `font`.
    static func size(_ entries: [LegendEntry], font: FontSpec, measurer: TextMeasuring) -> Size {
        guard !entries.isEmpty else { return Size(width: 0, height: 0) }
        var width = 0.0, height = 0.0
        for (i, entry) in entries.enumerated() {
            let text = measurer.measure(entry.text, font: font, maxWidth: nil)
            width += swatchWidth + swatchGap + text.width + (i > 0 ? entryGap : 0)
            height = max(height, text.height)
        }
        return Size(width: width, height: height)
    }

    /// Draws the entries left to right starting at `origin`; returns the frame used.
    @discardableResult
    static func draw(_ entries: [LegendEntry], at origin: Point, font: FontSpec, theme: Theme,
                     measurer: TextMeasuring, into scene: inout Scene) -> Rect {
        let total = size(entries, font: font, measurer: measurer)
        var x = origin.x
        for entry in entries {
            let text = measurer.measure(entry.text, font: font, maxWidth: nil)
            let swatchHeight = min(10, total.height)
            let swatchY = origin.y + (total.height - swatchHeight) / 2
            switch entry.swatch {
            case .box(let fill):
                scene.add(.rect(Rect(x: x, y: swatchY, width: swatchWidth, height: swatchHeight),
                                fill: fill, stroke: nil, cornerRadius: 0), role: "legend")
            case .line(let stroke):
                let y = origin.y + total.height / 2
                scene.add(.path([.move(Point(x, y)), .line(Point(x + swatchWidth, y))], fill: nil, stroke: stroke),
                          role: "legend")
            case .whisker(let stroke):
                let mid = x + swatchWidth / 2
                scene.add(.path(whiskerPath(x: mid, top: swatchY - 1, bottom: swatchY + swatchHeight + 1,
                                            capHalfWidth: swatchWidth * 0.3), fill: nil, stroke: stroke),
                          role: "legend")
            case .diamond(let color):
                scene.add(.path(diamondPath(center: Point(x + swatchWidth / 2, origin.y + total.height / 2),
                                            radius: min(5, total.height / 2)),
                                fill: .solid(color), stroke: nil), role: "legend")
            }
            x += swatchWidth + swatchGap
            let frame = Rect(x: x, y: origin.y + (total.height - text.height) / 2, width: text.width, height: text.height)
            scene.add(.text(TextBox(text: entry.text, frame: frame, font: font, color: theme.palette.secondaryText)),
                      role: "legend")
            x += text.width + entryGap
        }
        return Rect(x: origin.x, y: origin.y, width: total.width, height: total.height)
    }

    /// A diamond (a square on its corner) around `center`.
    static func diamondPath(center: Point, radius: Double) -> [PathElement] {
        [.move(Point(center.x, center.y - radius)), .line(Point(center.x + radius, center.y)),
         .line(Point(center.x, center.y + radius)), .line(Point(center.x - radius, center.y)), .close]
    }

    /// A vertical line from `top` to `bottom` at `x` with horizontal caps at both ends.
    static func whiskerPath(x: Double, top: Double, bottom: Double, capHalfWidth: Double) -> [PathElement] {
        [.move(Point(x, bottom)), .line(Point(x, top)),
         .move(Point(x - capHalfWidth, top)), .line(Point(x + capHalfWidth, top)),
         .move(Point(x - capHalfWidth, bottom)), .line(Point(x + capHalfWidth, bottom))]
    }
}

// Small helpers every layout uses to turn measured text into frames, so that frames are
// always the measured size (never guessed) and placement rules read the same everywhere.

extension TextMeasuring {
    /// The measured frame of `text` with its top-left at `origin`.
    func frame(_ text: String, font: FontSpec, at origin: Point, maxWidth: Double? = nil) -> Rect {
        let size = measure(text, font: font, maxWidth: maxWidth)
        return Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }

    /// The measured frame of `text` centred horizontally on `centerX`, bottom at `bottom`.
    func frame(_ text: String, font: FontSpec, centeredAt centerX: Double, bottom: Double) -> Rect {
        let size = measure(text, font: font, maxWidth: nil)
        return Rect(x: centerX - size.width / 2, y: bottom - size.height, width: size.width, height: size.height)
    }

    /// Height of one line in `font` (measured on text with ascenders and CJK).
    func lineHeight(_ font: FontSpec) -> Double {
        measure("Hg国", font: font, maxWidth: nil).height
    }
}

extension Rect {
    /// The smallest rectangle containing both.
    func union(_ other: Rect) -> Rect {
        let x0 = min(minX, other.minX), y0 = min(minY, other.minY)
        return Rect(x: x0, y: y0, width: max(maxX, other.maxX) - x0, height: max(maxY, other.maxY) - y0)
    }
}

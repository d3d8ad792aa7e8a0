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

    /// Height of `lines` lines in `font`, as a wrapped block of that many lines measures.
    func height(ofLines lines: Int, font: FontSpec) -> Double {
        measure(Array(repeating: "Hg国", count: max(1, lines)).joined(separator: "\n"), font: font, maxWidth: nil).height
    }

    /// `text` as it fits a box `maxWidth` wide (wrapped there; nil: one line per paragraph)
    /// and at most `maxHeight` tall: unchanged when it fits, else its longest start that
    /// fits with "…" after it. A binary search over the length: O(log n) measurements of
    /// at most n characters, so a 50 MB note costs what a page of it would, not minutes.
    func ellipsized(_ text: String, font: FontSpec, maxWidth: Double?, maxHeight: Double,
                    maxLineWidth: Double? = nil) -> String {
        func fits(_ candidate: String) -> Bool {
            let size = measure(candidate, font: font, maxWidth: maxWidth)
            if size.height > maxHeight + 1e-6 { return false }
            if let maxLineWidth, size.width > maxLineWidth + 1e-6 { return false }
            return true
        }
        // Nothing beyond what could be seen is measured: even glyphs a tenth of the font
        // size wide fill the box with fewer characters than this.
        let perLine = Int(min(1e6, max(1, (maxWidth ?? maxLineWidth ?? 1e5) / max(0.1 * font.size, 0.01))))
        let lines = Int(min(1e6, max(1, maxHeight / max(font.size, 0.01)) + 1))
        let bound = min(perLine.multipliedReportingOverflow(by: lines).overflow ? Int.max : perLine * lines, 1_000_000)
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            if scalars.count > bound { break }
        }
        if scalars.count <= bound && fits(text) { return text }
        func candidate(_ kept: Int) -> String {
            var view = String.UnicodeScalarView(scalars[..<kept])
            while let last = view.last, last == " " || last == "\n" || last == "\t" { view.removeLast() }
            view.append("\u{2026}")
            return String(view)
        }
        var low = 0, high = min(scalars.count, bound) - 1
        while low < high {
            let middle = low + (high - low + 1) / 2
            if fits(candidate(middle)) { low = middle } else { high = middle - 1 }
        }
        return candidate(max(low, 0))
    }
}

extension Rect {
    /// The smallest rectangle containing both.
    func union(_ other: Rect) -> Rect {
        let x0 = min(minX, other.minX), y0 = min(minY, other.minY)
        return Rect(x: x0, y: y0, width: max(maxX, other.maxX) - x0, height: max(maxY, other.maxY) - y0)
    }
}

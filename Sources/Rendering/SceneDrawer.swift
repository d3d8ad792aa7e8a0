import CCairo
import CPangoCairo
import Charts

/// Paints a scene's items, in order, onto a Cairo context whose user space is scene
/// units (points). Surface-specific scaling is the caller's business.
struct SceneDrawer {
    let text: PangoTextMeasurer

    /// Paints the background and every item. Throws at the first item that leaves the
    /// context in an error state (e.g. an invalid dash pattern), naming the item.
    func draw(_ scene: Scene, on cr: OpaquePointer, path: String) throws {
        setSource(scene.background, on: cr)
        cairo_paint(cr)
        for (index, element) in scene.elements.enumerated() {
            cairo_save(cr)
            draw(element.item, on: cr)
            cairo_restore(cr)
            let status = cairo_status(cr)
            if status != CAIRO_STATUS_SUCCESS {
                let role = element.role.isEmpty ? "" : " (role \"\(element.role)\")"
                throw RenderingError.cairoFailure(path: path, stage: "drawing scene item \(index)\(role)",
                                                  cause: cairoStatusText(status))
            }
        }
    }

    private func draw(_ item: SceneItem, on cr: OpaquePointer) {
        switch item {
        case let .rect(rect, fill, stroke, radius):
            paint(shape: { addRect(rect, cornerRadius: radius, to: cr) }, fill: fill, stroke: stroke, on: cr)
        case let .path(elements, fill, stroke):
            paint(shape: { addPath(elements, to: cr) }, fill: fill, stroke: stroke, on: cr)
        case let .text(box):
            draw(box, on: cr)
        }
    }

    /// Fills, then strokes, the shape that `shape` appends to the current path.
    private func paint(shape: () -> Void, fill: Fill?, stroke: Stroke?, on cr: OpaquePointer) {
        if let fill = fill {
            cairo_new_path(cr)
            shape()
            switch fill {
            case .solid(let color):
                setSource(color, on: cr)
                cairo_fill(cr)
            case let .hatched(color, background, spacing, lineWidth):
                fillHatched(color: color, background: background, spacing: spacing, lineWidth: lineWidth, on: cr)
            }
        }
        if let stroke = stroke, stroke.width > 0 {
            cairo_new_path(cr)
            shape()
            setSource(stroke.color, on: cr)
            cairo_set_line_width(cr, stroke.width)
            if stroke.dash.isEmpty {
                cairo_set_dash(cr, nil, 0, 0)
            } else {
                stroke.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
            }
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    /// Clips to the current path, paints the background, then draws "/" diagonals.
    /// The diagonals are anchored to the scene origin (lines x + y = k·step), so the
    /// hatching of neighbouring shapes lines up instead of starting afresh in each one.
    private func fillHatched(color: Color, background: Color, spacing: Double, lineWidth: Double,
                             on cr: OpaquePointer) {
        cairo_save(cr)
        var x1 = 0.0, y1 = 0.0, x2 = 0.0, y2 = 0.0
        cairo_path_extents(cr, &x1, &y1, &x2, &y2)
        cairo_clip(cr)
        setSource(background, on: cr)
        cairo_paint(cr)
        // Spacing is measured perpendicular to the lines; along an axis that is spacing·√2.
        let step = max(spacing, 0.5) * 2.0.squareRoot()
        let low = x1 + y1, high = x2 + y2
        if low.isFinite && high.isFinite && (high - low) / step < 100_000 {
            var k = (low / step).rounded(.down) * step
            while k <= high + step {
                // The line x + y = k, drawn across the extents' vertical span.
                cairo_move_to(cr, k - (y1 - 1), y1 - 1)
                cairo_line_to(cr, k - (y2 + 1), y2 + 1)
                k += step
            }
            setSource(color, on: cr)
            cairo_set_line_width(cr, max(lineWidth, 0))
            cairo_set_dash(cr, nil, 0, 0)
            cairo_stroke(cr)
        }
        cairo_restore(cr)
    }

    private func addRect(_ rect: Rect, cornerRadius: Double, to cr: OpaquePointer) {
        // Charts may hand over negative sizes (bars below a baseline); normalise them.
        let x = min(rect.minX, rect.maxX), y = min(rect.minY, rect.maxY)
        let w = abs(rect.width), h = abs(rect.height)
        let r = min(max(cornerRadius, 0), w / 2, h / 2)
        guard r > 0 else {
            cairo_rectangle(cr, x, y, w, h)
            return
        }
        let quarter = Double.pi / 2
        cairo_new_sub_path(cr)
        cairo_arc(cr, x + w - r, y + r, r, -quarter, 0)
        cairo_arc(cr, x + w - r, y + h - r, r, 0, quarter)
        cairo_arc(cr, x + r, y + h - r, r, quarter, 2 * quarter)
        cairo_arc(cr, x + r, y + r, r, 2 * quarter, 3 * quarter)
        cairo_close_path(cr)
    }

    private func addPath(_ elements: [PathElement], to cr: OpaquePointer) {
        for element in elements {
            switch element {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case let .curve(a, b, c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .close: cairo_close_path(cr)
            }
        }
    }

    /// Draws a text box with the same layout the measurer reports: wrapped boxes let
    /// Pango align each line inside the frame's width; single-line boxes are shifted as
    /// a block so the logical extents sit left, centred or right in the frame.
    private func draw(_ box: TextBox, on cr: OpaquePointer) {
        let layout = text.layout(box.text, font: box.font, wrapWidth: box.wraps ? box.frame.width : nil,
                                 alignment: box.alignment, spans: box.spans)
        var x = box.frame.minX
        if !box.wraps {
            let extents = text.logicalExtents(of: layout)
            let slack = box.frame.width - extents.width
            switch box.alignment {
            case .left: x -= extents.x
            case .center: x += slack / 2 - extents.x
            case .right: x += slack - extents.x
            }
        }
        setSource(box.color, on: cr)
        cairo_move_to(cr, x, box.frame.minY)
        pango_cairo_show_layout(cr, layout)
    }

    private func setSource(_ color: Color, on cr: OpaquePointer) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }
}

import CCairo
import CPangoCairo
import Charts

/// Lays out text with Pango in a surface-independent way, for measuring (Charts' layout)
/// and for drawing (SceneRenderer). Both go through `layout(...)` below, so a label's
/// measured size is exactly the size it is drawn at, on PNG, SVG and PDF alike.
///
/// Why the layout never sees the real surface: Pango's metrics depend on the context's
/// resolution, font options and transformation matrix. Here the context is built once,
/// with 1 scene unit = 1 pt (resolution 72), identity matrix, no hinting, no metric or
/// glyph-position rounding. The renderer draws these same layouts through whatever
/// scale the surface has (×2 for PNG); Cairo rasterises the glyphs at device resolution
/// while positions stay where Pango put them in scene units.
///
/// Threads: a measurer is not thread-safe (it reuses a single layout and caches font
/// descriptions), so each thread makes its own, together with its own SceneRenderer, and
/// uses it on that thread only. Measurers on different threads share nothing mutable:
/// Pango's default font map is per thread (since Pango 1.32.6). Rendered that way,
/// concurrent charts give exactly the serial bytes (ConcurrentRenderingTests).
public final class PangoTextMeasurer: TextMeasuring {
    private let context: OpaquePointer
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let layoutObject: OpaquePointer
    private lazy var installedFamilies: Set<String> = listFamilies()
    private var fontDescriptions: [FontKey: OpaquePointer] = [:]

    private struct FontKey: Hashable {
        let family: String
        let size: Double
        let bold: Bool
    }

    public init() {
        // The default font map is owned by Pango (one per thread); the context holds its own reference.
        fontMap = pango_cairo_font_map_get_default()
        context = pango_font_map_create_context(fontMap)
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
        layoutObject = pango_layout_new(context)
    }

    deinit {
        for description in fontDescriptions.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(layoutObject))
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    /// Logical size in points. `maxWidth` of nil, zero, negative or non-finite means no wrapping
    /// (the renderer treats a non-positive frame width of a wrapping TextBox the same way).
    public func measure(_ text: String, font: FontSpec, maxWidth: Double?) -> Size {
        let extents = logicalExtents(of: layout(text, font: font, wrapWidth: maxWidth, alignment: .left))
        return Size(width: extents.width, height: extents.height)
    }

    public func measure(_ spans: [TextSpan], font: FontSpec, maxWidth: Double) -> Size {
        let extents = logicalExtents(of: layout(spans.map(\.text).joined(), font: font, wrapWidth: maxWidth,
                                                alignment: .left, spans: spans))
        return Size(width: extents.width, height: extents.height)
    }

    public func lineStarts(_ spans: [TextSpan], font: FontSpec, width: Double) -> [Int] {
        let text = spans.map(\.text).joined()
        // Offsets into a text Pango got changed (cut, or with break opportunities) would not
        // fall on the spans' own: such a paragraph is not split.
        guard Self.prepared(text, wrapping: true) == text else { return [0] }
        let prepared = layout(text, font: font, wrapWidth: width, alignment: .left, spans: spans)
        let count = Int(pango_layout_get_line_count(prepared))
        return (0..<count).compactMap { index in
            pango_layout_get_line_readonly(prepared, Int32(index)).map { Int($0.pointee.start_index) }
        }
    }

    /// The distance from the top of the text block to the first line's baseline, for
    /// callers that align labels on baselines.
    public func firstBaseline(_ text: String, font: FontSpec, maxWidth: Double? = nil) -> Double {
        let prepared = layout(text, font: font, wrapWidth: maxWidth, alignment: .left)
        return Double(pango_layout_get_baseline(prepared)) / Double(PANGO_SCALE)
    }

    /// The number of lines `text` occupies, wrapped at `maxWidth` when given.
    public func lineCount(_ text: String, font: FontSpec, maxWidth: Double? = nil) -> Int {
        Int(pango_layout_get_line_count(layout(text, font: font, wrapWidth: maxWidth, alignment: .left)))
    }

    /// Whether fontconfig has a family of this name (case-insensitive). Pango silently
    /// substitutes missing fonts, so callers check the theme's fonts up front and can say
    /// which package to install.
    public func hasFontFamily(_ family: String) -> Bool {
        installedFamilies.contains(family.lowercased())
    }

    private func listFamilies() -> Set<String> {
        var families: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
        var count: Int32 = 0
        pango_font_map_list_families(fontMap, &families, &count)
        guard let list = families else { return [] }
        defer { g_free(list) }
        var names = Set<String>()
        for index in 0..<Int(max(count, 0)) {
            if let family = list[index], let name = pango_font_family_get_name(family) {
                names.insert(String(cString: name).lowercased())
            }
        }
        return names
    }

    /// Configures the shared layout. The returned pointer stays valid until the next call.
    func layout(_ text: String, font: FontSpec, wrapWidth: Double?, alignment: TextAlignment,
                spans: [TextSpan] = []) -> OpaquePointer {
        pango_layout_set_font_description(layoutObject, fontDescription(for: font))
        if let width = wrapWidth, width.isFinite, width > 0 {
            pango_layout_set_width(layoutObject, pangoUnits(width))
            // WORD_CHAR: break at word boundaries (Latin) but fall back to characters for
            // runs with no break opportunity; CJK lines break between ideographs anyway.
            pango_layout_set_wrap(layoutObject, PANGO_WRAP_WORD_CHAR)
        } else {
            pango_layout_set_width(layoutObject, -1)
        }
        pango_layout_set_alignment(layoutObject, pangoAlignment(alignment))
        let prepared = Self.prepared(text, wrapping: pango_layout_get_width(layoutObject) > 0)
        pango_layout_set_text(layoutObject, prepared, -1)
        // Styles are byte ranges of `text`: a text that had to be cut or given break
        // opportunities is drawn plain rather than with misplaced bold.
        if spans.isEmpty || prepared != text {
            pango_layout_set_attributes(layoutObject, nil)
        } else {
            let list = attributes(for: spans)
            pango_layout_set_attributes(layoutObject, list)  // takes its own reference
            if let list { pango_attr_list_unref(list) }
        }
        return layoutObject
    }

    /// Bold and italic as attributes over byte ranges of the joined text: no markup, so
    /// no text needs escaping and the layout's text is exactly `text`. The caller owns
    /// the returned list's reference.
    private func attributes(for spans: [TextSpan]) -> OpaquePointer? {
        guard let list = pango_attr_list_new() else { return nil }
        var start = 0
        for span in spans {
            let end = start + span.text.utf8.count
            if span.bold, let attribute = pango_attr_weight_new(PANGO_WEIGHT_BOLD) {
                attribute.pointee.start_index = guint(start); attribute.pointee.end_index = guint(end)
                pango_attr_list_insert(list, attribute)
            }
            if span.italic, let attribute = pango_attr_style_new(PANGO_STYLE_ITALIC) {
                attribute.pointee.start_index = guint(start); attribute.pointee.end_index = guint(end)
                pango_attr_list_insert(list, attribute)
            }
            start = end
        }
        return list
    }

    /// The most characters handed to Pango for one text; the rest is cut and an ellipsis
    /// ends it. Far beyond what a page shows (inputs are limited well below it, see
    /// `InputLimits`), it bounds the work for text that reached layout some other way.
    public static let maximumCharacters = 20_000
    /// Pango breaks a run without break opportunities (a long number, a pasted hash) in
    /// time quadratic in the run's length: 20,000 such characters took seconds per
    /// measurement. Runs longer than this get an invisible break opportunity (U+200B)
    /// every so many characters, which makes wrapping linear; no word or URL is this long.
    public static let longestUnbrokenRun = 256

    /// `text` as Pango gets it: at most `maximumCharacters`, and when wrapping, no run
    /// longer than `longestUnbrokenRun` without a break opportunity. One linear pass; the
    /// text is copied only when something changes.
    static func prepared(_ text: String, wrapping: Bool) -> String {
        let scalars = text.unicodeScalars
        var count = 0
        var run = 0
        var needsBreaks = false
        for scalar in scalars {
            count += 1
            if count > maximumCharacters { break }
            if breaksRun(scalar) {
                run = 0
            } else {
                run += 1
                if run > longestUnbrokenRun { needsBreaks = true }
            }
        }
        let tooLong = count > maximumCharacters
        guard tooLong || (wrapping && needsBreaks) else { return text }
        var result = String.UnicodeScalarView()
        count = 0
        run = 0
        for scalar in scalars {
            count += 1
            if count >= maximumCharacters && tooLong {
                result.append("\u{2026}")
                break
            }
            if breaksRun(scalar) {
                run = 0
            } else {
                run += 1
                if wrapping && run > longestUnbrokenRun {
                    result.append("\u{200B}")
                    run = 1
                }
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// Whether a line may break at or after `scalar`: spaces, tabs and line breaks, and the
    /// CJK ranges and above, where lines break between characters anyway.
    private static func breaksRun(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t"
            || scalar == "\u{200B}" || scalar.value >= 0x2E80
    }

    /// The layout's logical rectangle in scene units (x can be non-zero for aligned, wrapped text).
    func logicalExtents(of layout: OpaquePointer) -> (x: Double, y: Double, width: Double, height: Double) {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(PANGO_SCALE)
        return (Double(logical.x) / scale, Double(logical.y) / scale,
                Double(logical.width) / scale, Double(logical.height) / scale)
    }

    private func fontDescription(for font: FontSpec) -> OpaquePointer {
        let key = FontKey(family: font.family, size: font.size, bold: font.weight == .bold)
        if let cached = fontDescriptions[key] { return cached }
        // GLib aborts on allocation failure instead of returning NULL, so this cannot be nil.
        let description: OpaquePointer = pango_font_description_new()
        pango_font_description_set_family(description, font.family)
        // Absolute size is in device units, which are points here: no DPI conversion involved.
        let size = font.size.isFinite && font.size > 0 ? font.size : 1
        pango_font_description_set_absolute_size(description, Double(pangoUnits(size)))
        pango_font_description_set_weight(description, key.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        fontDescriptions[key] = description
        return description
    }

    private func pangoAlignment(_ alignment: TextAlignment) -> PangoAlignment {
        switch alignment {
        case .left: return PANGO_ALIGN_LEFT
        case .center: return PANGO_ALIGN_CENTER
        case .right: return PANGO_ALIGN_RIGHT
        }
    }
}

/// Scene units to Pango units, clamped so absurd inputs cannot trap on conversion.
func pangoUnits(_ value: Double) -> Int32 {
    let scaled = (value * Double(PANGO_SCALE)).rounded()
    guard scaled.isFinite else { return 0 }
    return Int32(max(Double(Int32.min), min(Double(Int32.max), scaled)))
}

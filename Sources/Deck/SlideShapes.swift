// A scene as PowerPoint shapes an analyst can edit: text boxes, rectangles (rounded where
// the scene rounds them), straight lines as connectors and other paths as free-form shapes.
// Two patterns become what a person would have built by hand: a filled box with its text
// inside becomes one shape holding the text (a CAGR pill, a title band), and a CAGR arrow
// (legs, line, head) on a slide drawn as shapes becomes connectors whose last one carries
// the arrowhead (a native market-size chart draws its arrows itself: ChartGrowthArrows).

import Charts
import Foundation

struct SlideShapes {
    let style: DeckStyle
    /// Shape ids are unique per slide; 1 is the slide's group.
    private(set) var nextID = 2
    private var roleCounts: [String: Int] = [:]

    /// The slide's width: how far a box may grow to the right.
    var pageWidth: Double = .infinity

    init(style: DeckStyle, pageWidth: Double = .infinity) { self.style = style; self.pageWidth = pageWidth }

    mutating func takeID() -> Int { defer { nextID += 1 }; return nextID }

    /// The roles of a chart's annotations that belong together: one CAGR (its arrow, head,
    /// pill and label) or the published-bound marks. Each run becomes a group named for the
    /// chart, so the analyst (and `--update`) moves or finds it as one thing.
    static func annotationFamily(_ role: String) -> String? {
        if role.hasPrefix("cagr-") { return "CAGR" }
        if role.hasPrefix("bound-") { return "bounds" }
        return nil
    }

    /// A CAGR arrow's legs and line: the stroked path that starts each arrow.
    static func isArrowLegs(_ element: Scene.Element) -> Bool {
        guard element.role == "cagr-arrow", case let .path(_, fill, _) = element.item else { return false }
        return fill == nil
    }

    /// Every element of `scene` whose role is not in `skipping` (and not the one at
    /// `skippingIndex`, the title), in paint order. A page drawn only as shapes (`diagram`)
    /// becomes one group carrying the diagram's name and alt text; on a chart page each
    /// CAGR and the bound marks become groups named `<chart> CAGR 1`, `<chart> bounds`.
    mutating func shapes(for scene: Scene, skipping: Set<String>, skippingIndex: Int? = nil,
                         diagram: (name: String, description: String)? = nil, chartName: String? = nil) -> [XMLNode] {
        let elements = scene.elements.enumerated()
            .filter { !skipping.contains($0.element.role) && $0.offset != skippingIndex }.map(\.element)
        if let diagram {
            let before = elements.filter { ["subtitle", "unit"].contains($0.role) }
            let after = elements.filter { $0.role == "source-note" }
            let inside = elements.filter { !["subtitle", "unit", "source-note"].contains($0.role) }
            guard !inside.isEmpty else { return nodes(elements) }
            let groupID = takeID()
            let children = nodes(inside)
            return nodes(before) + [group(id: groupID, name: diagram.name, description: diagram.description,
                                          bounds: SlideShapes.bounds(of: inside), children: children)] + nodes(after)
        }
        var out: [XMLNode] = []
        var counts: [String: Int] = [:]
        let pillTexts = scene.elements.compactMap { element -> String? in
            if element.role == "cagr-label", case .text(let text) = element.item { return text.text }
            return nil
        }
        var index = 0
        while index < elements.count {
            guard let family = SlideShapes.annotationFamily(elements[index].role) else {
                // Plain elements up to the next annotation.
                var end = index
                while end < elements.count, SlideShapes.annotationFamily(elements[end].role) == nil { end += 1 }
                out += nodes(Array(elements[index..<end]))
                index = end
                continue
            }
            // A CAGR is one arrow (its stroked legs, then its filled head) with its pill, unless
            // the chart draws the pill as its own label: the next arrow's legs start the next.
            var end = index + 1
            while end < elements.count, SlideShapes.annotationFamily(elements[end].role) == family,
                  !(family == "CAGR" && SlideShapes.isArrowLegs(elements[end])
                    && elements[index..<end].contains(where: SlideShapes.isArrowLegs)) {
                end += 1
            }
            let run = Array(elements[index..<end])
            counts[family, default: 0] += 1
            let name = [chartName, family == "CAGR" ? "CAGR \(counts[family]!)" : family].compactMap { $0 }.joined(separator: " ")
            var label = run.compactMap { element -> String? in
                if case .text(let text) = element.item { return text.text }
                return nil
            }.joined(separator: " ")
            if label.isEmpty, family == "CAGR", counts[family]! <= pillTexts.count {
                // The pill is the chart's own label: the group still says what it shows.
                label = pillTexts[counts[family]! - 1]
            }
            let groupID = takeID()
            out.append(group(id: groupID, name: name, description: label.isEmpty ? name : label,
                             bounds: SlideShapes.bounds(of: run), children: nodes(run)))
            index = end
        }
        return out
    }

    /// The elements' shapes in paint order: a filled box with the text it holds becomes one
    /// shape; a polyline becomes connectors, its arrowhead the last one's end.
    private mutating func nodes(_ elements: [Scene.Element]) -> [XMLNode] {
        var nodes: [XMLNode] = []
        var index = 0
        while index < elements.count {
            let element = elements[index]
            let next = index + 1 < elements.count ? elements[index + 1] : nil
            switch element.item {
            case let .rect(rect, fill, stroke, radius):
                if let next, case .text(let label) = next.item, fill != nil, rect.contains(label.frame, tolerance: 0.5) {
                    nodes.append(box(rect: rect, fill: fill, stroke: stroke, radius: radius, text: label, role: element.role))
                    index += 2
                    continue
                }
                nodes.append(box(rect: rect, fill: fill, stroke: stroke, radius: radius, text: nil, role: element.role))
            case let .path(path, fill, stroke):
                if let points = SlideShapes.polyline(path), fill == nil, let stroke, points.count <= 5 {
                    var points = points
                    var head = false
                    if element.role == "cagr-arrow", let next, next.role == "cagr-arrow",
                       case let .path(headPath, headFill, _) = next.item, headFill != nil,
                       let apex = SlideShapes.apex(of: headPath, awayFrom: points[points.count - 1]) {
                        points[points.count - 1] = apex
                        head = true
                        index += 1
                    }
                    for k in 1..<points.count {
                        nodes.append(connector(from: points[k - 1], to: points[k], stroke: stroke,
                                               head: head && k == points.count - 1, role: element.role))
                    }
                } else {
                    nodes.append(freeform(path, fill: fill, stroke: stroke, role: element.role))
                }
            case .text(let text):
                var text = text
                if text.wraps, element.role == "source-note" || element.role == "commentary-text", text.alignment == .left {
                    // LibreOffice sets a space between Chinese and Latin text, so a note that
                    // fills its last line in the scene wraps once more and runs into the
                    // footer; the box takes up to 3 % more width, inside the page's margin
                    // (commentary 2 %, which stays inside the gutter between its columns).
                    let share = element.role == "commentary-text" ? 0.02 : 0.03
                    let slack = min(text.frame.width * share, max(0, pageWidth - 6 - text.frame.maxX))
                    text.frame = Rect(x: text.frame.x, y: text.frame.y, width: text.frame.width + slack, height: text.frame.height)
                }
                nodes.append(box(rect: text.frame, fill: nil, stroke: nil, radius: 0, text: text, role: element.role))
            }
            index += 1
        }
        return nodes
    }

    /// The smallest rectangle holding every element.
    static func bounds(of elements: [Scene.Element]) -> Rect {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        func note(_ p: Point) {
            guard p.x.isFinite, p.y.isFinite else { return }
            minX = min(minX, p.x); minY = min(minY, p.y); maxX = max(maxX, p.x); maxY = max(maxY, p.y)
        }
        for element in elements {
            switch element.item {
            case .rect(let rect, _, _, _): note(Point(rect.minX, rect.minY)); note(Point(rect.maxX, rect.maxY))
            case .text(let text): note(Point(text.frame.minX, text.frame.minY)); note(Point(text.frame.maxX, text.frame.maxY))
            case .path(let path, _, _):
                for piece in path {
                    switch piece {
                    case .move(let p), .line(let p): note(p)
                    case let .curve(a, b, c): note(a); note(b); note(c)
                    case .close: break
                    }
                }
            }
        }
        guard minX.isFinite else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// A group whose child coordinates are the slide's (child frame = group frame).
    private func group(id: Int, name: String, description: String, bounds: Rect, children: [XMLNode]) -> XMLNode {
        let off = [("x", String(DrawingML.emu(bounds.x))), ("y", String(DrawingML.emu(bounds.y)))]
        let ext = [("cx", String(max(0, DrawingML.emu(bounds.width)))), ("cy", String(max(0, DrawingML.emu(bounds.height))))]
        return XMLNode("p:grpSp", [], [
            XMLNode("p:nvGrpSpPr", [], [XMLNode("p:cNvPr", [("id", String(id)), ("name", name), ("descr", description)]),
                                        XMLNode("p:cNvGrpSpPr"), XMLNode("p:nvPr")]),
            XMLNode("p:grpSpPr", [], [XMLNode("a:xfrm", [], [XMLNode("a:off", off), XMLNode("a:ext", ext),
                                                             XMLNode("a:chOff", off), XMLNode("a:chExt", ext)])]),
        ] + children)
    }

    /// The title placeholder: the scene's first title text, where and as the scene set it,
    /// in the theme's heading font; when the scene has none, `fallback` where the layout puts
    /// its title. Returns the element it replaces, so the shapes leave it out.
    mutating func titlePlaceholder(for scene: Scene, fallback: String, type: String) -> (node: XMLNode, elementIndex: Int?) {
        let id = takeID()
        for (index, element) in scene.elements.enumerated() where element.role == "title" {
            guard case .text(let text) = element.item else { continue }
            let node = PresentationParts.placeholder(id: id, name: "Title", type: type, index: nil, frame: text.frame,
                                                     body: textBody(text, in: text.frame, font: .major))
            return (node, index)
        }
        let body = PresentationParts.textBody(style.paragraphs(fallback, size: 20, bold: true, color: style.colors.dark1,
                                                               alignment: .left, font: .major))
        return (PresentationParts.placeholder(id: id, name: "Title", type: type, index: nil, frame: nil, body: body), nil)
    }

    /// The footer, the fixed date and the slide number (a field) in the layout's placeholders.
    mutating func footerPlaceholders(_ footer: DeckFooter, number: Int, count: Int, layout: SlideLayoutChoice) -> [XMLNode] {
        // Always in the page's bottom margin, where the scene left room: a template's own
        // place for them may lie over the page's source note. Their style still comes from
        // the layout's placeholder with the same index.
        func frame(_ own: Rect, _ index: Int?) -> Rect? { own }
        func body(_ paragraphs: [XMLNode]) -> XMLNode {
            PresentationParts.textBody(paragraphs, anchor: "ctr", insets: false)
        }
        let numberParagraph = XMLNode("a:p", [], [
            XMLNode("a:pPr", [("algn", "r")]),
            PresentationParts.slideNumberField(style: style, size: footer.fontSize, color: footer.color, cached: String(number)),
        ] + (footer.showsSlideCount ? [XMLNode("a:r", [], [
            style.runProperties(size: footer.fontSize, bold: false, color: footer.color),
            XMLNode("a:t", text: " / \(count)"),
        ])] : []))
        return [
            PresentationParts.placeholder(id: takeID(), name: "Footer", type: "ftr", index: layout.footerIndex, size: "quarter",
                                          frame: frame(footer.footerFrame, layout.footerIndex),
                                          body: body(style.paragraphs(footer.text, size: footer.fontSize, bold: false,
                                                                      color: footer.color, alignment: .left))),
            PresentationParts.placeholder(id: takeID(), name: "Date", type: "dt", index: layout.dateIndex, size: "half",
                                          frame: frame(footer.dateFrame, layout.dateIndex),
                                          body: body(style.paragraphs(footer.date, size: footer.fontSize, bold: false,
                                                                      color: footer.color, alignment: .right))),
            PresentationParts.placeholder(id: takeID(), name: "Slide Number", type: "sldNum", index: layout.numberIndex,
                                          size: "quarter", frame: frame(footer.numberFrame, layout.numberIndex),
                                          body: body([numberParagraph])),
        ]
    }

    /// The points of a path made of one move and straight lines only; nil otherwise.
    static func polyline(_ path: [PathElement]) -> [Point]? {
        guard case .move(let first)? = path.first, path.count >= 2 else { return nil }
        var points = [first]
        for element in path.dropFirst() {
            guard case .line(let p) = element else { return nil }
            points.append(p)
        }
        return points
    }

    /// The arrowhead's tip: its vertex farthest from where the line stops.
    static func apex(of head: [PathElement], awayFrom end: Point) -> Point? {
        let vertices = head.compactMap { element -> Point? in
            switch element {
            case .move(let p), .line(let p): return p
            default: return nil
            }
        }
        return vertices.max { hypot($0.x - end.x, $0.y - end.y) < hypot($1.x - end.x, $1.y - end.y) }
    }

    /// Shapes are named by role and their number among the slide's shapes of that role
    /// ("value-label 3"), not by id: the name stays the same while the slide's other shapes
    /// come and go, so a later edition (and `--update`) finds the shape by name.
    private mutating func nonVisual(_ kind: String, id: Int, role: String, extra: XMLNode) -> XMLNode {
        let key = role.isEmpty ? "shape" : role
        roleCounts[key, default: 0] += 1
        let name = "\(key) \(roleCounts[key]!)"
        return XMLNode("p:nv\(kind)Pr", [], [XMLNode("p:cNvPr", [("id", String(id)), ("name", name)]), extra, XMLNode("p:nvPr")])
    }

    static func transform(_ rect: Rect, flipH: Bool = false, flipV: Bool = false) -> XMLNode {
        var attributes: [(String, String)] = []
        if flipH { attributes.append(("flipH", "1")) }
        if flipV { attributes.append(("flipV", "1")) }
        return XMLNode("a:xfrm", attributes, [
            XMLNode("a:off", [("x", String(DrawingML.emu(rect.x))), ("y", String(DrawingML.emu(rect.y)))]),
            XMLNode("a:ext", [("cx", String(max(0, DrawingML.emu(rect.width)))),
                              ("cy", String(max(0, DrawingML.emu(rect.height))))]),
        ])
    }

    private mutating func box(rect: Rect, fill: Fill?, stroke: Stroke?, radius: Double, text: TextBox?,
                              role: String) -> XMLNode {
        let id = takeID()
        let isTextBox = text != nil && fill == nil && stroke == nil
        let geometry: XMLNode
        let shorter = min(rect.width, rect.height)
        if radius > 0 && shorter > 0 {
            let adjust = Int((min(0.5, radius / shorter) * 100_000).rounded())
            geometry = XMLNode("a:prstGeom", [("prst", "roundRect")], [
                XMLNode("a:avLst", [], [XMLNode("a:gd", [("name", "adj"), ("fmla", "val \(adjust)")])]),
            ])
        } else {
            geometry = XMLNode("a:prstGeom", [("prst", "rect")], [XMLNode("a:avLst")])
        }
        var children = [
            nonVisual("Sp", id: id, role: role, extra: XMLNode("p:cNvSpPr", isTextBox ? [("txBox", "1")] : [])),
            XMLNode("p:spPr", [], [SlideShapes.transform(rect), geometry, style.fill(fill), style.line(stroke)]),
        ]
        if let text { children.append(textBody(text, in: rect)) }
        return XMLNode("p:sp", [], children)
    }

    /// The text set where the scene set it: insets are the distance from the shape's edges
    /// to the scene's text frame, and a line that the scene did not wrap never wraps here.
    private func textBody(_ text: TextBox, in rect: Rect, font: ThemeFont = .minor) -> XMLNode {
        func inset(_ d: Double) -> String { String(max(0, DrawingML.emu(d))) }
        let body = XMLNode("a:bodyPr", [
            ("wrap", text.wraps ? "square" : "none"),
            ("lIns", inset(text.frame.minX - rect.minX)), ("tIns", inset(text.frame.minY - rect.minY)),
            ("rIns", inset(rect.maxX - text.frame.maxX)), ("bIns", inset(rect.maxY - text.frame.maxY)),
            ("anchor", "t"), ("rtlCol", "0"),
        ], [XMLNode("a:noAutofit")])
        // Styled text (commentary) keeps its bold and italic runs.
        let paragraphs = text.spans.isEmpty
            ? style.paragraphs(text.text, size: text.font.size, bold: text.font.weight == .bold,
                               color: text.color, alignment: text.alignment, font: font)
            : [style.paragraph(text.spans, size: text.font.size, bold: text.font.weight == .bold,
                               color: text.color, alignment: text.alignment, font: font)]
        return XMLNode("p:txBody", [], [body, XMLNode("a:lstStyle")] + paragraphs)
    }

    private mutating func connector(from start: Point, to end: Point, stroke: Stroke, head: Bool, role: String) -> XMLNode {
        let id = takeID()
        let rect = Rect(x: min(start.x, end.x), y: min(start.y, end.y), width: abs(end.x - start.x), height: abs(end.y - start.y))
        return XMLNode("p:cxnSp", [], [
            nonVisual("CxnSp", id: id, role: role, extra: XMLNode("p:cNvCxnSpPr")),
            XMLNode("p:spPr", [], [
                SlideShapes.transform(rect, flipH: end.x < start.x, flipV: end.y < start.y),
                XMLNode("a:prstGeom", [("prst", "straightConnector1")], [XMLNode("a:avLst")]),
                style.line(stroke, head: head),
            ]),
        ])
    }

    private mutating func freeform(_ path: [PathElement], fill: Fill?, stroke: Stroke?, role: String) -> XMLNode {
        let id = takeID()
        var points: [Point] = []
        for element in path {
            switch element {
            case .move(let p), .line(let p): points.append(p)
            case let .curve(a, b, c): points += [a, b, c]
            case .close: break
            }
        }
        let minX = points.map(\.x).min() ?? 0, minY = points.map(\.y).min() ?? 0
        let maxX = points.map(\.x).max() ?? 0, maxY = points.map(\.y).max() ?? 0
        let bounds = Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
        func point(_ p: Point) -> XMLNode {
            XMLNode("a:pt", [("x", String(DrawingML.emu(p.x - minX))), ("y", String(DrawingML.emu(p.y - minY)))])
        }
        let commands: [XMLNode] = path.map { element in
            switch element {
            case .move(let p): return XMLNode("a:moveTo", [], [point(p)])
            case .line(let p): return XMLNode("a:lnTo", [], [point(p)])
            case let .curve(a, b, c): return XMLNode("a:cubicBezTo", [], [point(a), point(b), point(c)])
            case .close: return XMLNode("a:close")
            }
        }
        let geometry = XMLNode("a:custGeom", [], [
            XMLNode("a:avLst"), XMLNode("a:gdLst"), XMLNode("a:ahLst"), XMLNode("a:cxnLst"),
            XMLNode("a:rect", [("l", "0"), ("t", "0"), ("r", "r"), ("b", "b")]),
            XMLNode("a:pathLst", [], [XMLNode("a:path", [("w", String(max(1, DrawingML.emu(bounds.width)))),
                                                        ("h", String(max(1, DrawingML.emu(bounds.height))))], commands)]),
        ])
        return XMLNode("p:sp", [], [
            nonVisual("Sp", id: id, role: role, extra: XMLNode("p:cNvSpPr")),
            XMLNode("p:spPr", [], [SlideShapes.transform(bounds), geometry, style.fill(fill), style.line(stroke)]),
        ])
    }
}

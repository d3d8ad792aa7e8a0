// A scene as PowerPoint shapes an analyst can edit: text boxes, rectangles (rounded where
// the scene rounds them), straight lines as connectors and other paths as free-form shapes.
// Two patterns become what a person would have built by hand: a filled box with its text
// inside becomes one shape holding the text (a CAGR pill, a title band), and a CAGR arrow
// (legs, line, head) becomes connectors whose last one carries the arrowhead.

import Charts
import Foundation

struct SlideShapes {
    let language: DeckLanguage
    /// Shape ids are unique per slide; 1 is the slide's group.
    private(set) var nextID = 2

    init(language: DeckLanguage) { self.language = language }

    mutating func takeID() -> Int { defer { nextID += 1 }; return nextID }

    /// Every element of `scene` whose role is not in `skipping`, in paint order.
    mutating func shapes(for scene: Scene, skipping: Set<String>) -> [XMLNode] {
        let elements = scene.elements.filter { !skipping.contains($0.role) }
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
                nodes.append(box(rect: text.frame, fill: nil, stroke: nil, radius: 0, text: text, role: element.role))
            }
            index += 1
        }
        return nodes
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

    private func nonVisual(_ kind: String, id: Int, role: String, extra: XMLNode) -> XMLNode {
        let name = role.isEmpty ? "\(kind) \(id)" : "\(role) \(id)"
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
            XMLNode("p:spPr", [], [SlideShapes.transform(rect), geometry, DrawingML.fill(fill), DrawingML.line(stroke)]),
        ]
        if let text { children.append(textBody(text, in: rect)) }
        return XMLNode("p:sp", [], children)
    }

    /// The text set where the scene set it: insets are the distance from the shape's edges
    /// to the scene's text frame, and a line that the scene did not wrap never wraps here.
    private func textBody(_ text: TextBox, in rect: Rect) -> XMLNode {
        func inset(_ d: Double) -> String { String(max(0, DrawingML.emu(d))) }
        let body = XMLNode("a:bodyPr", [
            ("wrap", text.wraps ? "square" : "none"),
            ("lIns", inset(text.frame.minX - rect.minX)), ("tIns", inset(text.frame.minY - rect.minY)),
            ("rIns", inset(rect.maxX - text.frame.maxX)), ("bIns", inset(rect.maxY - text.frame.maxY)),
            ("anchor", "t"), ("rtlCol", "0"),
        ], [XMLNode("a:noAutofit")])
        let paragraphs = DrawingML.paragraphs(text.text, size: text.font.size, bold: text.font.weight == .bold,
                                              color: text.color, family: text.font.family,
                                              alignment: text.alignment, language: language)
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
                DrawingML.line(stroke, head: head),
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
            XMLNode("p:spPr", [], [SlideShapes.transform(bounds), geometry, DrawingML.fill(fill), DrawingML.line(stroke)]),
        ])
    }
}

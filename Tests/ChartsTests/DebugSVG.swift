// A throwaway SVG view of a scene for looking at layouts before Rendering is on main.
// Test target only: the real writers live in Rendering. Text baselines are approximated
// (1.1 em below the frame top, right for Noto Sans CJK) and wrapping uses the fake
// measurer's character breaking.
import Foundation
@testable import Charts

enum DebugSVG {
    static func document(_ scene: Scene) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        var defs = ""
        var body = ""
        var patternCount = 0
        func fillAttr(_ fill: Fill?) -> String {
            switch fill {
            case nil: return "fill=\"none\""
            case .solid(let color)?: return "fill=\"\(color.hexString.prefix(7))\" fill-opacity=\"\(color.alpha)\""
            case let .hatched(color, background, spacing, width)?:
                patternCount += 1
                defs += "<pattern id=\"h\(patternCount)\" width=\"\(spacing)\" height=\"\(spacing)\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"\(spacing)\" height=\"\(spacing)\" fill=\"\(background.hexString.prefix(7))\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"\(spacing)\" stroke=\"\(color.hexString.prefix(7))\" stroke-width=\"\(width)\"/></pattern>"
                return "fill=\"url(#h\(patternCount))\""
            }
        }
        func strokeAttr(_ stroke: Stroke?) -> String {
            guard let stroke else { return "" }
            let dash = stroke.dash.isEmpty ? "" : " stroke-dasharray=\"\(stroke.dash.map { "\($0)" }.joined(separator: ","))\""
            return " stroke=\"\(stroke.color.hexString.prefix(7))\" stroke-width=\"\(stroke.width)\"\(dash)"
        }
        for item in scene.items {
            switch item {
            case let .rect(r, fill, stroke, radius):
                body += "<rect x=\"\(r.x)\" y=\"\(r.y)\" width=\"\(r.width)\" height=\"\(r.height)\" rx=\"\(radius)\" \(fillAttr(fill))\(strokeAttr(stroke))/>\n"
            case let .path(elements, fill, stroke):
                let d = elements.map { e -> String in
                    switch e {
                    case .move(let p): return "M\(p.x) \(p.y)"
                    case .line(let p): return "L\(p.x) \(p.y)"
                    case let .curve(a, b, p): return "C\(a.x) \(a.y) \(b.x) \(b.y) \(p.x) \(p.y)"
                    case .close: return "Z"
                    }
                }.joined(separator: " ")
                body += "<path d=\"\(d)\" \(fillAttr(fill))\(strokeAttr(stroke))/>\n"
            case .text(let box):
                let lines = box.wraps ? wrap(box.text, font: box.font, width: box.frame.width) : [box.text]
                let anchor = box.alignment == .center ? "middle" : box.alignment == .right ? "end" : "start"
                let x = box.alignment == .center ? box.frame.midX : box.alignment == .right ? box.frame.maxX : box.frame.minX
                for (i, line) in lines.enumerated() {
                    let y = box.frame.minY + box.font.size * (1.1 + 1.4 * Double(i))
                    body += "<text x=\"\(x)\" y=\"\(y)\" font-family=\"\(box.font.family)\" font-size=\"\(box.font.size)\" font-weight=\"\(box.font.weight == .bold ? "bold" : "normal")\" text-anchor=\"\(anchor)\" fill=\"\(box.color.hexString.prefix(7))\">\(esc(line))</text>\n"
                }
            }
        }
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(scene.size.width)" height="\(scene.size.height)" viewBox="0 0 \(scene.size.width) \(scene.size.height)">
        <defs>\(defs)</defs><rect width="100%" height="100%" fill="\(scene.background.hexString.prefix(7))"/>
        \(body)</svg>
        """
    }

    static func wrap(_ text: String, font: FontSpec, width: Double) -> [String] {
        var lines = [""], current = 0.0
        for ch in text {
            let w = FakeMeasurer.width(of: ch, size: font.size)
            if current > 0 && current + w > width { lines.append(""); current = 0 }
            lines[lines.count - 1].append(ch); current += w
        }
        return lines
    }
}

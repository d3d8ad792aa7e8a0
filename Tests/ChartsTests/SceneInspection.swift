// Helpers that read geometry back out of a scene, so tests check what is drawn, not
// only what the layout says it drew.
import XCTest
@testable import Charts

extension Scene {
    var textBoxes: [(box: TextBox, role: String)] {
        zip(items, roles).compactMap { item, role in
            if case .text(let box) = item { return (box, role) }
            return nil
        }
    }

    func texts(withRole role: String) -> [TextBox] {
        items(withRole: role).compactMap { if case .text(let box) = $0 { return box } else { return nil } }
    }

    func rects(withRole role: String) -> [Rect] {
        items(withRole: role).compactMap { if case let .rect(r, _, _, _) = $0 { return r } else { return nil } }
    }

    /// Every straight segment drawn by paths with `role`, as thin rectangles (for
    /// intersection tests) — curves count by their end points.
    func segments(withRole role: String) -> [(Point, Point)] {
        var result: [(Point, Point)] = []
        for item in items(withRole: role) {
            guard case let .path(elements, _, _) = item else { continue }
            var current: Point?
            var start: Point?
            for element in elements {
                switch element {
                case .move(let p): current = p; start = p
                case .line(let p), .curve(_, _, let p):
                    if let c = current { result.append((c, p)) }
                    current = p
                case .close:
                    if let c = current, let s = start { result.append((c, s)) }
                    current = start
                }
            }
        }
        return result
    }

    /// The bounding box of every item, for "nothing leaves the page".
    var itemBounds: [(Rect, String)] {
        zip(items, roles).compactMap { item, role in
            switch item {
            case let .rect(r, _, _, _): return (r, role)
            case .text(let box): return (box.frame, role)
            case let .path(elements, _, _):
                let points = elements.compactMap { e -> [Point]? in
                    switch e {
                    case .move(let p), .line(let p): return [p]
                    case let .curve(a, b, c): return [a, b, c]
                    case .close: return nil
                    }
                }.flatMap { $0 }
                guard let first = points.first else { return nil }
                var r = Rect(x: first.x, y: first.y, width: 0, height: 0)
                for p in points { r = r.union(Rect(x: p.x, y: p.y, width: 0, height: 0)) }
                return (r, role)
            }
        }
    }
}

/// A segment as a rectangle `halfWidth` thick, so horizontal and vertical strokes can
/// be tested against label frames with `intersects`.
func strokeRect(_ segment: (Point, Point), halfWidth: Double = 0.5) -> Rect {
    let (a, b) = segment
    return Rect(x: min(a.x, b.x) - halfWidth, y: min(a.y, b.y) - halfWidth,
                width: abs(a.x - b.x) + 2 * halfWidth, height: abs(a.y - b.y) + 2 * halfWidth)
}

func assertNoPairIntersects(_ rects: [Rect], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
    for i in rects.indices {
        for j in rects.indices where j > i {
            XCTAssertFalse(rects[i].intersects(rects[j]), "\(what) \(i) \(rects[i]) and \(j) \(rects[j]) overlap",
                           file: file, line: line)
        }
    }
}

func assertEverythingOnPage(_ scene: Scene, file: StaticString = #filePath, line: UInt = #line) {
    let page = Rect(x: 0, y: 0, width: scene.size.width, height: scene.size.height)
    for (rect, role) in scene.itemBounds {
        XCTAssertTrue(page.contains(rect, tolerance: 1e-6), "\(role) at \(rect) leaves the page", file: file, line: line)
    }
}

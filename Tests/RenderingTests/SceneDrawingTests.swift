import XCTest
import CCairo
import Charts
@testable import Rendering

/// Pixel-level checks of the shapes, on small scenes rendered at scale 1 (1 pt = 1 px).
final class SceneDrawingTests: RenderingTestCase {
    private let navy = Color(hex: 0x1F3A5F)
    private let pale = Color(hex: 0xDCE6F0)

    /// Renders `scene` to PNG and returns a pixel reader (0xRRGGBB) over the decoded image.
    private func pixels(_ scene: Scene) throws -> (Int, Int) -> UInt32 {
        let path = folder + "/scene.png"
        try SceneRenderer().write(scene, to: path, format: .png, scale: 1)
        guard let surface = cairo_image_surface_create_from_png(path),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              let data = cairo_image_surface_get_data(surface) else {
            throw RenderingError.cannotRead(path: path, cause: "undecodable")
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        var copy = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                copy[y * width + x] = UnsafeRawPointer(data + y * stride).load(fromByteOffset: 4 * x, as: UInt32.self) & 0xFF_FFFF
            }
        }
        cairo_surface_destroy(surface)
        return { x, y in copy[y * width + x] }
    }

    func testHatchedFillStaysInsideItsShapeAndShowsBothColours() throws {
        var scene = Scene(size: Size(width: 60, height: 60))
        scene.add(.rect(Rect(x: 10, y: 10, width: 40, height: 40),
                        fill: .hatched(color: navy, background: pale, spacing: 6, lineWidth: 1.5), stroke: nil, cornerRadius: 0))
        let pixel = try pixels(scene)
        var inside = [UInt32: Int]()
        for y in 0..<60 {
            for x in 0..<60 {
                let isInside = (10..<50).contains(x) && (10..<50).contains(y)
                if isInside { inside[pixel(x, y), default: 0] += 1 } else { XCTAssertEqual(pixel(x, y), 0xFFFFFF, "(\(x),\(y))") }
            }
        }
        XCTAssertGreaterThan(inside[0xDCE6F0] ?? 0, 400, "background colour shows between the lines")
        XCTAssertGreaterThan(inside.keys.filter { $0 != 0xDCE6F0 }.count, 0, "hatch lines are drawn")
        XCTAssertNil(inside[0xFFFFFF], "no unpainted pixel inside the shape")
    }

    func testDashedStrokeAlternatesDashesAndGaps() throws {
        var scene = Scene(size: Size(width: 100, height: 20))
        scene.add(.path([.move(Point(0, 10)), .line(Point(100, 10))], fill: nil,
                        stroke: Stroke(color: .black, width: 2, dash: [6, 4])))
        let pixel = try pixels(scene)
        // The 2 pt line covers rows 9 and 10 exactly; dashes start at x = 0: on 0..<6, off 6..<10, …
        for x in 0..<100 {
            let on = x % 10 < 6
            XCTAssertEqual(pixel(x, 9), on ? 0x000000 : 0xFFFFFF, "x = \(x)")
        }
    }

    func testRoundedCornersLeaveTheCornerUnpainted() throws {
        var scene = Scene(size: Size(width: 60, height: 40))
        scene.add(.rect(Rect(x: 10, y: 10, width: 40, height: 20), fill: .solid(navy), stroke: nil, cornerRadius: 10))
        let pixel = try pixels(scene)
        XCTAssertEqual(pixel(10, 10), 0xFFFFFF, "corner cut off")
        XCTAssertEqual(pixel(49, 29), 0xFFFFFF, "corner cut off")
        XCTAssertEqual(pixel(30, 10), 0x1F3A5F, "straight top edge painted")
        XCTAssertEqual(pixel(12, 20), 0x1F3A5F, "semicircular left end painted")
    }

    func testTextIsDrawnInItsColourInsideItsFrame() throws {
        var scene = Scene(size: Size(width: 200, height: 60))
        let box = TextBox(text: "中国AI", frame: Rect(x: 20, y: 10, width: 160, height: 40),
                          font: FontSpec(family: "Noto Sans CJK SC", size: 24), color: Color(hex: 0xC0392B),
                          alignment: .center)
        scene.add(.text(box))
        let pixel = try pixels(scene)
        let measured = PangoTextMeasurer().measure(box.text, font: box.font, maxWidth: nil)
        let left = box.frame.midX - measured.width / 2, right = box.frame.midX + measured.width / 2
        var inked = 0
        for y in 0..<60 {
            for x in 0..<200 where pixel(x, y) != 0xFFFFFF {
                inked += 1
                XCTAssertTrue(Double(x) >= left - 1 && Double(x) <= right + 1, "ink at x = \(x) outside \(left)…\(right)")
                XCTAssertTrue(Double(y) >= box.frame.minY && Double(y) <= box.frame.minY + measured.height, "ink at y = \(y)")
            }
        }
        XCTAssertGreaterThan(inked, 100)
        var solid = 0
        for y in 0..<60 { for x in 0..<200 where pixel(x, y) == 0xC0392B { solid += 1 } }
        XCTAssertGreaterThan(solid, 20, "glyph interiors carry the exact text colour")
    }
}

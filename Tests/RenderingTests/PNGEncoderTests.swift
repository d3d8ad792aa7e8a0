import XCTest
import CCairo
@testable import Rendering

/// The PNG writer (zlib, our chunk framing and pixel conversion) is checked against an
/// independent decoder: libpng, through cairo_image_surface_create_from_png_stream.
final class PNGEncoderTests: XCTestCase {
    /// A deterministic byte generator (64-bit LCG) so failures reproduce.
    private struct Generator {
        var state: UInt64
        mutating func next() -> UInt32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt32(truncatingIfNeeded: state >> 33)
        }
    }

    private enum Content { case noise, flat, stripes, mixed }

    private func makeSurface(width: Int, height: Int, format: cairo_format_t, content: Content) -> OpaquePointer {
        let surface = cairo_image_surface_create(format, Int32(width), Int32(height))!
        let data = cairo_image_surface_get_data(surface)!
        let stride = Int(cairo_image_surface_get_stride(surface))
        var generator = Generator(state: 42)
        for y in 0..<height {
            let row = UnsafeMutableRawPointer(data + y * stride)
            for x in 0..<width {
                var pixel: UInt32
                switch content {
                case .noise: pixel = generator.next()
                case .flat: pixel = 0xFF_1F3A5F
                case .stripes: pixel = (x + y) % 9 < 3 ? 0xFF_1F3A5F : 0xFF_DCE6F0
                case .mixed: pixel = (x / 7 + y / 5) % 3 == 0 ? generator.next() : 0xFF_FFFFFF
                }
                if format == CAIRO_FORMAT_ARGB32 {
                    // Premultiplied: no colour channel may exceed alpha.
                    let a = pixel >> 24
                    let r = min((pixel >> 16) & 0xFF, a), g = min((pixel >> 8) & 0xFF, a), b = min(pixel & 0xFF, a)
                    pixel = a << 24 | r << 16 | g << 8 | b
                }
                row.storeBytes(of: pixel, toByteOffset: 4 * x, as: UInt32.self)
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    private final class ReadState {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    private func decode(_ png: [UInt8]) -> OpaquePointer? {
        let state = ReadState(png)
        let read: cairo_read_func_t = { closure, data, length in
            let state = Unmanaged<ReadState>.fromOpaque(closure!).takeUnretainedValue()
            let count = Int(length)
            guard state.offset + count <= state.bytes.count, let data = data else { return CAIRO_STATUS_READ_ERROR }
            state.bytes.withUnsafeBufferPointer { source in
                data.update(from: source.baseAddress! + state.offset, count: count)
            }
            state.offset += count
            return CAIRO_STATUS_SUCCESS
        }
        let surface = withExtendedLifetime(state) {
            cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(state).toOpaque())
        }
        guard let decoded = surface, cairo_surface_status(decoded) == CAIRO_STATUS_SUCCESS else { return nil }
        return decoded
    }

    /// Largest channel difference between the two surfaces' pixels (alpha ignored for RGB24).
    private func maxDifference(_ a: OpaquePointer, _ b: OpaquePointer, width: Int, height: Int, opaque: Bool) -> Int {
        let dataA = cairo_image_surface_get_data(a)!, dataB = cairo_image_surface_get_data(b)!
        let strideA = Int(cairo_image_surface_get_stride(a)), strideB = Int(cairo_image_surface_get_stride(b))
        var worst = 0
        for y in 0..<height {
            for x in 0..<width {
                var pa = UnsafeRawPointer(dataA + y * strideA).load(fromByteOffset: 4 * x, as: UInt32.self)
                var pb = UnsafeRawPointer(dataB + y * strideB).load(fromByteOffset: 4 * x, as: UInt32.self)
                if opaque { pa |= 0xFF00_0000; pb |= 0xFF00_0000 }
                for shift: UInt32 in [0, 8, 16, 24] {
                    worst = max(worst, abs(Int((pa >> shift) & 0xFF) - Int((pb >> shift) & 0xFF)))
                }
            }
        }
        return worst
    }

    private func assertRoundTrips(width: Int, height: Int, format: cairo_format_t, content: Content,
                                  tolerance: Int, file: StaticString = #filePath, line: UInt = #line) {
        let source = makeSurface(width: width, height: height, format: format, content: content)
        defer { cairo_surface_destroy(source) }
        guard let png = try? PNGEncoder.encode(source, path: "test") else {
            return XCTFail("encoder refused", file: file, line: line)
        }
        guard let decoded = decode(png) else {
            return XCTFail("libpng could not decode \(width)×\(height) \(content)", file: file, line: line)
        }
        defer { cairo_surface_destroy(decoded) }
        XCTAssertEqual(Int(cairo_image_surface_get_width(decoded)), width, file: file, line: line)
        XCTAssertEqual(Int(cairo_image_surface_get_height(decoded)), height, file: file, line: line)
        XCTAssertLessThanOrEqual(maxDifference(source, decoded, width: width, height: height,
                                               opaque: format == CAIRO_FORMAT_RGB24),
                                 tolerance, "\(width)×\(height) \(content)", file: file, line: line)
    }

    func testOpaqueImagesRoundTripExactly() {
        for content in [Content.noise, .flat, .stripes, .mixed] {
            assertRoundTrips(width: 301, height: 157, format: CAIRO_FORMAT_RGB24, content: content, tolerance: 0)
        }
        // Tiny images, and rows longer than zlib's 32 KiB window and our 64 KiB output chunk.
        for (width, height) in [(1, 1), (2, 1), (1, 3), (12_000, 3)] {
            assertRoundTrips(width: width, height: height, format: CAIRO_FORMAT_RGB24, content: .mixed, tolerance: 0)
        }
    }

    func testTranslucentImagesRoundTripWithinPremultiplicationRounding() {
        for content in [Content.noise, .stripes, .mixed] {
            assertRoundTrips(width: 97, height: 41, format: CAIRO_FORMAT_ARGB32, content: content, tolerance: 1)
        }
    }

    func testFlatImagesCompressWell() {
        let source = makeSurface(width: 1920, height: 1080, format: CAIRO_FORMAT_RGB24, content: .flat)
        defer { cairo_surface_destroy(source) }
        let png = (try? PNGEncoder.encode(source, path: "test")) ?? []
        // 6 MB of pixels of one colour: even zlib's fastest level makes that well under 100 KB.
        XCTAssertGreaterThan(png.count, 0)
        XCTAssertLessThan(png.count, 100_000)
    }

    func testSurfacesWithoutRGBPixelsAreRefusedNamingThePath() {
        let source = cairo_image_surface_create(CAIRO_FORMAT_A8, 10, 10)!
        defer { cairo_surface_destroy(source) }
        XCTAssertThrowsError(try PNGEncoder.encode(source, path: "chart.png")) { error in
            XCTAssertTrue("\(error)".contains("chart.png"), "\(error)")
        }
    }
}

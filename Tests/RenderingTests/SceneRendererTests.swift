import XCTest
import Charts
@testable import Rendering

final class SceneRendererTests: XCTestCase {
    private var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "rendering-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testPNGAtScaleTwoIs1920By1080ForA960By540Scene() throws {
        let path = folder + "/chart.png"
        try SceneRenderer().write(SampleScenes.mixed(), to: path, format: .png, scale: 2)
        let size = try pngPixelSize(path)
        XCTAssertEqual(size.width, 1920)
        XCTAssertEqual(size.height, 1080)
    }

    func testPNGScaleSetsPixelSize() throws {
        let path = folder + "/small.png"
        try SceneRenderer().write(SampleScenes.mixed(), to: path, format: .png, scale: 0.5)
        let size = try pngPixelSize(path)
        XCTAssertEqual(size.width, 480)
        XCTAssertEqual(size.height, 270)
    }

    /// Reads width and height from the PNG's IHDR chunk (bytes 16..<24, big-endian).
    private func pngPixelSize(_ path: String) throws -> (width: Int, height: Int) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG signature")
        guard data.count >= 24 else { throw RenderingError.cannotRead(path: path, cause: "too short") }
        func bigEndian(_ offset: Int) -> Int { data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (bigEndian(16), bigEndian(20))
    }
}

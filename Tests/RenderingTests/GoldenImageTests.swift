import XCTest
import Charts
@testable import Rendering

/// Compares renders with PNGs under Tests/Fixtures/golden, with a tolerance for
/// anti-aliasing noise. To accept a deliberate visual change, rerun with
/// MARKETCAST_UPDATE_GOLDEN=1, look at the new PNG, and commit it.
final class GoldenImageTests: RenderingTestCase {
    static let goldenFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden").path

    func testMixedSceneMatchesGolden() throws {
        try assertMatchesGolden(SampleScenes.mixed(), name: "rendering-mixed")
    }

    func testComparisonDetectsAChangedScene() throws {
        // Guards the test above: a visibly different scene must fail the same tolerance.
        var changed = SampleScenes.mixed()
        changed.add(.rect(Rect(x: 600, y: 300, width: 40, height: 40), fill: .solid(.black), stroke: nil, cornerRadius: 0))
        let path = folder + "/changed.png"
        try SceneRenderer().write(changed, to: path, format: .png, scale: 0.5)
        let golden = Self.goldenFolder + "/rendering-mixed.png"
        try XCTSkipUnless(FileManager.default.fileExists(atPath: golden), "golden missing")
        let difference = try ImageComparison.compare(pngAt: path, withPNGAt: golden, perChannelTolerance: 24)
        XCTAssertGreaterThan(difference.fractionDiffering, Self.allowedFraction)
    }

    func testDifferentSizesAreAnError() throws {
        try SceneRenderer().write(SampleScenes.mixed(), to: folder + "/a.png", format: .png, scale: 0.5)
        try SceneRenderer().write(SampleScenes.mixed(), to: folder + "/b.png", format: .png, scale: 0.25)
        XCTAssertThrowsError(try ImageComparison.compare(pngAt: folder + "/a.png", withPNGAt: folder + "/b.png"))
        XCTAssertThrowsError(try ImageComparison.compare(pngAt: folder + "/a.png", withPNGAt: folder + "/none.png")) {
            XCTAssertTrue("\($0)".contains("none.png"), "\($0)")
        }
    }

    /// Share of pixels allowed to differ by more than the per-channel tolerance.
    static let allowedFraction = 0.002

    private func assertMatchesGolden(_ scene: Scene, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let golden = Self.goldenFolder + "/\(name).png"
        let actual = folder + "/\(name).png"
        try SceneRenderer().write(scene, to: actual, format: .png, scale: 0.5)
        if ProcessInfo.processInfo.environment["MARKETCAST_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: golden)
            try FileManager.default.copyItem(atPath: actual, toPath: golden)
        }
        guard FileManager.default.fileExists(atPath: golden) else {
            XCTFail("no golden image \(golden); run with MARKETCAST_UPDATE_GOLDEN=1 to create it", file: file, line: line)
            return
        }
        let difference = try ImageComparison.compare(pngAt: actual, withPNGAt: golden, perChannelTolerance: 24)
        if difference.fractionDiffering > Self.allowedFraction {
            // Keep the failing render outside the scratch folder (which tearDown removes) for a look.
            let kept = NSTemporaryDirectory() + "marketcast-golden-\(name).png"
            try? FileManager.default.removeItem(atPath: kept)
            try? FileManager.default.copyItem(atPath: actual, toPath: kept)
            XCTFail("\(name) differs from \(golden): \(difference); new render at \(kept)", file: file, line: line)
        }
    }
}

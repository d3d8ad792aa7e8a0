import XCTest
import Charts
@testable import Rendering
import TestSupport

/// The rendering golden: a scene with every item kind, through TestSupport's one harness
/// (tolerance, difference image and update switch documented there).
final class GoldenImageTests: RenderingTestCase {
    func testMixedSceneMatchesGolden() throws {
        try GoldenImage.assertMatches(SampleScenes.mixed(), name: "rendering-mixed")
    }

    func testComparisonDetectsAChangedScene() throws {
        // Guards the test above: a visibly different scene must fail the same tolerance.
        var changed = SampleScenes.mixed()
        changed.add(.rect(Rect(x: 600, y: 300, width: 40, height: 40), fill: .solid(.black), stroke: nil, cornerRadius: 0))
        XCTAssertFalse(try GoldenImage.matches(changed, name: "rendering-mixed"))
    }

    func testDifferentSizesAreAnError() throws {
        try SceneRenderer().write(SampleScenes.mixed(), to: folder + "/a.png", format: .png, scale: 0.5)
        try SceneRenderer().write(SampleScenes.mixed(), to: folder + "/b.png", format: .png, scale: 0.25)
        XCTAssertThrowsError(try ImageComparison.compare(pngAt: folder + "/a.png", withPNGAt: folder + "/b.png"))
        XCTAssertThrowsError(try ImageComparison.compare(pngAt: folder + "/a.png", withPNGAt: folder + "/none.png")) {
            XCTAssertTrue("\($0)".contains("none.png"), "\($0)")
        }
    }

    func testAFailureLeavesADifferenceImage() throws {
        var changed = SampleScenes.mixed()
        changed.add(.rect(Rect(x: 600, y: 300, width: 40, height: 40), fill: .solid(.black), stroke: nil, cornerRadius: 0))
        try SceneRenderer().write(changed, to: folder + "/changed.png", format: .png, scale: 0.5)
        let diff = folder + "/diff.png"
        try ImageComparison.writeDifference(pngAt: folder + "/changed.png", withPNGAt: GoldenImage.folder + "/rendering-mixed.png",
                                            to: diff, perChannelTolerance: GoldenImage.perChannelTolerance)
        let difference = try ImageComparison.compare(pngAt: diff, withPNGAt: folder + "/changed.png")
        XCTAssertGreaterThan(difference.fractionDiffering, 0, "a difference image is written and is not the render")
    }
}

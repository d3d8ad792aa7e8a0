import Charts
import Foundation
import Rendering
import XCTest

/// The one golden-image harness: a scene rendered to PNG at scale 0.5 (480×270 px for a
/// page) is compared with `Tests/Fixtures/golden/<name>.png`.
///
/// Tolerance, the same for every golden: a pixel differs when some channel is more than 24
/// of 255 off, and at most 0.05 % of the pixels may differ. That absorbs anti-aliasing
/// between FreeType/Cairo builds; a bar 10 % taller or a label moved by a pixel exceeds it.
///
/// On a failure the render and a difference image (differing pixels red over the render
/// faded to grey) are kept in the temporary folder and named in the message. To accept a
/// deliberate visual change: `MARKETCAST_UPDATE_GOLDEN=1 swift test --filter Golden`, look
/// at the new PNGs, commit them.
public enum GoldenImage {
    public static let perChannelTolerance = 24
    public static let allowedFraction = 0.0005
    public static let scale = 0.5

    /// `Tests/Fixtures/golden`, found from this file's place in the repository.
    public static var folder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/golden").path
    }

    /// Renders `scene` and compares it with the golden `name`; fails the calling test with
    /// the difference and where to look when it is over the tolerance.
    public static func assertMatches(_ scene: Scene, name: String, renderer: SceneRenderer = SceneRenderer(),
                                     file: StaticString = #filePath, line: UInt = #line) throws {
        let golden = folder + "/\(name).png"
        let work = NSTemporaryDirectory() + "marketcast-golden-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let actual = work + "/\(name).png"
        try renderer.write(scene, to: actual, format: .png, scale: scale)
        if ProcessInfo.processInfo.environment["MARKETCAST_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: golden)
            try FileManager.default.copyItem(atPath: actual, toPath: golden)
        }
        guard FileManager.default.fileExists(atPath: golden) else {
            XCTFail("no golden image \(golden); run with MARKETCAST_UPDATE_GOLDEN=1 to create it", file: file, line: line)
            return
        }
        let difference = try ImageComparison.compare(pngAt: actual, withPNGAt: golden,
                                                     perChannelTolerance: perChannelTolerance)
        guard difference.fractionDiffering > allowedFraction else { return }
        // Keep the render and a picture of the difference outside the scratch folder.
        let kept = NSTemporaryDirectory() + "marketcast-golden-\(name).png"
        let diff = NSTemporaryDirectory() + "marketcast-golden-\(name)-diff.png"
        try? FileManager.default.removeItem(atPath: kept)
        try? FileManager.default.copyItem(atPath: actual, toPath: kept)
        try? ImageComparison.writeDifference(pngAt: actual, withPNGAt: golden, to: diff,
                                             perChannelTolerance: perChannelTolerance)
        XCTFail("\(name) differs from \(golden): \(String(format: "%.3f", difference.fractionDiffering * 100))% of pixels (allowed \(allowedFraction * 100)%), largest channel difference \(difference.maxDelta); render at \(kept), difference at \(diff)",
                file: file, line: line)
    }

    /// Whether `scene` stays within the tolerance of the golden `name` (for tests that
    /// guard the tolerance itself: a changed scene must not).
    public static func matches(_ scene: Scene, name: String, renderer: SceneRenderer = SceneRenderer()) throws -> Bool {
        let work = NSTemporaryDirectory() + "marketcast-golden-\(UUID().uuidString).png"
        defer { try? FileManager.default.removeItem(atPath: work) }
        try renderer.write(scene, to: work, format: .png, scale: scale)
        let difference = try ImageComparison.compare(pngAt: work, withPNGAt: folder + "/\(name).png",
                                                     perChannelTolerance: perChannelTolerance)
        return difference.fractionDiffering <= allowedFraction
    }
}

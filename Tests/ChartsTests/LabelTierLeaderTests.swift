@testable import Charts
import Numerics
import XCTest

/// Leaders never cross labels: a label's leader runs from its point through every nearer
/// tier, so no nearer label on its side may stand over that point, and no label may stand
/// over the point of a label further out.
final class LabelTierLeaderTests: XCTestCase {
    /// Every (leader, label) crossing among `placed`.
    func crossings(_ placed: [LabelTierPlacement.Placed], centers: [Double]) -> [String] {
        var found: [String] = []
        for (j, outer) in placed.enumerated() {
            for (i, inner) in placed.enumerated() where i != j && inner.side == outer.side && inner.tier < outer.tier {
                if centers[j] > inner.minX && centers[j] < inner.minX + inner.width {
                    found.append("the leader of label \(j) at \(centers[j]) crosses label \(i)")
                }
            }
        }
        return found
    }

    func testTheStagePageCaseMovesTheWideLabelOffTheLaterPoint() {
        // 2012's wide label would stand over 2017's point, whose label must go further out.
        let centers = [10.0, 60, 400, 500, 560, 610, 620, 680]
        let widths = [60.0, 80, 130, 110, 150, 120, 110, 80]
        let placed = LabelTierPlacement.place(centers: centers, widths: widths, sides: centers.indices.map { $0 % 2 },
                                              bounds: 0...720, separation: 6)
        XCTAssertEqual(crossings(placed, centers: centers), [])
        for (k, label) in placed.enumerated() {
            XCTAssertTrue(centers[k] >= label.minX && centers[k] <= label.minX + label.width, "label \(k) left its point")
        }
        // No two labels of one tier touch.
        for (i, a) in placed.enumerated() {
            for b in placed[(i + 1)...] where a.side == b.side && a.tier == b.tier {
                XCTAssertTrue(a.minX + a.width + 6 <= b.minX + 1e-9 || b.minX + b.width + 6 <= a.minX + 1e-9)
            }
        }
    }

    /// Crowded but placeable axes (points at least 30 pt apart, away from the ends, labels up
    /// to four times that wide): a crossing-free placement exists, and must be found.
    func testSeededCrowdedAxesHaveNoCrossing() {
        // Numerics' SplitMix64: a fixed seed gives the same cases on every machine.
        var generator = SplitMix64(seed: 20261204)
        for _ in 0..<300 {
            let count = Int.random(in: 2...10, using: &generator)
            var centers: [Double] = []
            var x = Double.random(in: 100...200, using: &generator)
            for _ in 0..<count {
                centers.append(x)
                x += Double.random(in: 30...120, using: &generator)
            }
            let widths = (0..<count).map { _ in Double.random(in: 40...120, using: &generator) }
            let placed = LabelTierPlacement.place(centers: centers, widths: widths, sides: centers.indices.map { $0 % 2 },
                                                  bounds: 0...(x + 200), separation: 6)
            XCTAssertEqual(crossings(placed, centers: centers), [], "centers \(centers) widths \(widths)")
        }
    }
}

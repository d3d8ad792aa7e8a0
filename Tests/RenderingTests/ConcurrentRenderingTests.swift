import Charts
import Foundation
import XCTest
@testable import Rendering

/// Batch runs lay out and render on every core, each thread with its own
/// PangoTextMeasurer and SceneRenderer (see their documentation). These tests hold that
/// contract: concurrent renders give the same bytes as serial ones, in every format.
final class ConcurrentRenderingTests: XCTestCase {
    /// Eight different market-size charts (values, titles and bar counts differ), so a
    /// render that picked up another thread's state would show in the bytes.
    private func chart(_ index: Int) -> MarketSizeChart {
        let years = 5 + index % 4
        let bars = (0..<years).map { year -> MarketSizeChart.Bar in
            let value = Double(1000 + 370 * index) * pow(1.2 + 0.01 * Double(index), Double(year))
            let isEstimate = year >= years - 2
            return MarketSizeChart.Bar(label: "\(2019 + year)\(isEstimate ? "E" : "")", value: value.rounded(),
                                       isEstimate: isEstimate, interval: isEstimate ? (value * 0.9, value * 1.1) : nil)
        }
        return MarketSizeChart(
            title: "第\(index + 1)个细分市场规模，2019–\(2018 + years)E", unitLabel: "单位：亿元", bars: bars,
            cagrSpans: [.init(from: 0, to: years - 3, rate: 0.2), .init(from: years - 3, to: years - 1, rate: 0.2)],
            sourceNote: "来源：并发渲染测试数据。")
    }

    /// PNG, SVG and PDF bytes of chart `index`, laid out and drawn with `renderer`'s measurer.
    private func render(_ index: Int, with renderer: SceneRenderer) throws -> [[UInt8]] {
        let scene = chart(index).layout(measurer: renderer.measurer).scene
        return try ImageFormat.allCases.map { try renderer.encode(scene, format: $0, scale: 1) }
    }

    /// Results written from several threads, each index by exactly one of them.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int: Result<[[UInt8]], Error>] = [:]
        func set(_ index: Int, _ value: Result<[[UInt8]], Error>) { lock.lock(); values[index] = value; lock.unlock() }
        func get(_ index: Int) -> Result<[[UInt8]], Error>? { lock.lock(); defer { lock.unlock() }; return values[index] }
    }

    func testOneMeasurerAndRendererPerThreadGiveTheSerialBytes() throws {
        let count = 8
        let serialRenderer = SceneRenderer(measurer: PangoTextMeasurer())
        let serial = try (0..<count).map { try render($0, with: serialRenderer) }

        let results = Results()
        DispatchQueue.concurrentPerform(iterations: count) { index in
            // The documented contract: a measurer and a renderer for this thread alone.
            let renderer = SceneRenderer(measurer: PangoTextMeasurer())
            results.set(index, Result { try render(index, with: renderer) })
        }
        for index in 0..<count {
            let concurrent = try XCTUnwrap(results.get(index), "chart \(index) not rendered").get()
            for (format, (expected, actual)) in zip(ImageFormat.allCases, zip(serial[index], concurrent)) {
                XCTAssertFalse(actual.isEmpty)
                XCTAssertEqual(expected, actual, "chart \(index) \(format) differs when rendered concurrently")
            }
        }
        // The charts really differ, so equal bytes above are not equal by accident.
        XCTAssertEqual(Set(serial.map { $0[0] }).count, count)
    }

    /// Many renders per thread at once, interleaved across threads: every result still
    /// equals the serial one (catches state shared between renders, not only between threads).
    func testRepeatedConcurrentRendersStayIdentical() throws {
        let serial = try render(3, with: SceneRenderer(measurer: PangoTextMeasurer()))
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            let renderer = SceneRenderer(measurer: PangoTextMeasurer())
            for round in 0..<3 { results.set(thread * 3 + round, Result { try render(3, with: renderer) }) }
        }
        for index in 0..<12 {
            XCTAssertEqual(try XCTUnwrap(results.get(index)).get(), serial, "render \(index)")
        }
    }
}

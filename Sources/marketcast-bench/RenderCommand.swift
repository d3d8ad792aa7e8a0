import ArgumentParser
import Charts
import Foundation
import Rendering

/// `marketcast-bench render`: lays out and encodes one chart `count` times in this
/// process and prints the median time per chart, for bench/render/run.py to set against
/// matplotlib.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Time laying out and encoding one chart N times (for make bench).")

    @Option(help: "market-size, line, horizontal-bars or heatmap.")
    var chart: ChartKind

    @Option(help: "png, svg or pdf.")
    var format: ImageFormat

    @Option(help: "How many times to lay out and encode the chart.")
    var count = 20

    @Option(help: "The chart data (bench/render/charts.json).")
    var spec = "bench/render/charts.json"

    @Option(help: "Write the last rendering here, to look at.")
    var out: String?

    @Option(help: "PNG scale: 1 gives 1920×1080.")
    var scale: Double = 1

    func validate() throws {
        guard count >= 1, count <= 100_000 else { throw ValidationError("--count must lie between 1 and 100000") }
        guard scale.isFinite, scale >= 0.25, scale <= 4 else { throw ValidationError("--scale must lie between 0.25 and 4") }
    }

    func run() throws {
        do {
            // The command line's scale counts 1920×1080 as 1; the renderer counts pixels per point.
            let pngScale = scale * 2
            let specs = try BenchChartSpecs.load(path: spec)
            let renderer = SceneRenderer(measurer: PangoTextMeasurer())
            // One untimed render first: font loading and Cairo's caches are start-up cost,
            // paid once per process (matplotlib's side does the same).
            var bytes = try render(specs, with: renderer, format: format, scale: pngScale)
            var seconds: [Double] = []
            for _ in 0..<count {
                let start = DispatchTime.now().uptimeNanoseconds
                bytes = try render(specs, with: renderer, format: format, scale: pngScale)
                seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            // The median: robust to the odd render slowed by other processes.
            let median = seconds.sorted()[seconds.count / 2]
            if let out { try Data(bytes).write(to: URL(fileURLWithPath: out)) }
            print("chart=\(chart.rawValue) format=\(format.rawValue) count=\(count) "
                  + "seconds_per_chart=\(String(format: "%.6f", median)) bytes=\(bytes.count)")
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Layout and encoding, as a run does them for each chart (without the file write).
    private func render(_ specs: BenchChartSpecs, with renderer: SceneRenderer, format: ImageFormat,
                        scale: Double) throws -> [UInt8] {
        let scene: Scene
        switch chart {
        case .marketSize: scene = specs.marketSizeChart.layout(measurer: renderer.measurer).scene
        case .line: scene = specs.lineChart.layout(measurer: renderer.measurer).scene
        case .horizontalBars: scene = specs.horizontalBarChart.layout(measurer: renderer.measurer).scene
        case .heatmap: scene = specs.heatmapChart.layout(measurer: renderer.measurer).scene
        }
        return try renderer.encode(scene, format: format, scale: scale)
    }
}

// `--chart market-size --format png`: the product's own types by their names; extensions
// here, so that the libraries do not depend on the argument parser.
extension ChartKind: ExpressibleByArgument {}
extension ImageFormat: ExpressibleByArgument {}

import Charts
import Foundation

/// The charts `marketcast bench-render` draws, read from bench/render/charts.json: the
/// same file bench/render/matplotlib_charts.py reads, so both sides draw the same data.
struct BenchChartSpecs: Decodable {
    struct MarketSize: Decodable {
        struct Bar: Decodable {
            var label: String
            var value: Double
            var estimate: Bool?
            var lower: Double?
            var upper: Double?
        }
        struct Span: Decodable { var from: Int; var to: Int; var rate: Double }
        var title: String
        var subtitle: String?
        var unit: String
        var bars: [Bar]
        var cagr: [Span]
        var note: String
    }

    struct Line: Decodable {
        struct Milestone: Decodable { var index: Int; var label: String }
        var title: String
        var unit: String
        var categories: [String]
        var values: [Double?]
        var milestone: Milestone?
        var note: String
    }

    struct HorizontalBars: Decodable {
        struct Row: Decodable { var label: String; var value: Double; var highlight: Bool? }
        var title: String
        var unit: String
        var rows: [Row]
        var note: String
    }

    struct Heatmap: Decodable {
        var title: String
        var unit: String
        var rows: [String]
        var columns: [String]
        var probabilities: [[Double]]
        var threshold: Double
        var note: String
    }

    var marketSize: MarketSize
    var line: Line
    var horizontalBars: HorizontalBars
    var heatmap: Heatmap

    enum CodingKeys: String, CodingKey {
        case marketSize = "market-size", line, horizontalBars = "horizontal-bars", heatmap
    }

    static func load(path: String) throws -> BenchChartSpecs {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw BenchSpecError(path: path, reason: "cannot read it (\(error.localizedDescription))")
        }
        do { return try JSONDecoder().decode(BenchChartSpecs.self, from: data) } catch {
            throw BenchSpecError(path: path, reason: "not a chart spec: \(error)")
        }
    }

    var marketSizeChart: MarketSizeChart {
        let bars = marketSize.bars.map { bar -> MarketSizeChart.Bar in
            let interval = bar.lower.flatMap { lower in bar.upper.map { (lower: lower, upper: $0) } }
            return MarketSizeChart.Bar(label: bar.label, value: bar.value, isEstimate: bar.estimate ?? false,
                                       interval: interval)
        }
        return MarketSizeChart(title: marketSize.title, subtitle: marketSize.subtitle, unitLabel: marketSize.unit,
                               bars: bars, cagrSpans: marketSize.cagr.map { .init(from: $0.from, to: $0.to, rate: $0.rate) },
                               sourceNote: marketSize.note)
    }

    var lineChart: LineChart {
        LineChart(title: line.title, unitLabel: line.unit,
                  points: zip(line.categories, line.values).map { LineChart.DataPoint(label: $0.0, value: $0.1) },
                  milestones: line.milestone.map { [.init(index: $0.index, label: $0.label)] } ?? [],
                  sourceNote: line.note)
    }

    var horizontalBarChart: HorizontalBarChart {
        HorizontalBarChart(title: horizontalBars.title, unitLabel: horizontalBars.unit,
                           items: horizontalBars.rows.map { .init(label: $0.label, value: $0.value,
                                                                   isHighlighted: $0.highlight ?? false) },
                           sourceNote: horizontalBars.note)
    }
}

extension BenchChartSpecs {
    var heatmapChart: RankStabilityHeatmap {
        RankStabilityHeatmap(title: heatmap.title, unitLabel: heatmap.unit, rowLabels: heatmap.rows,
                             columnLabels: heatmap.columns, probabilities: heatmap.probabilities,
                             threshold: heatmap.threshold, sourceNote: heatmap.note)
    }
}

struct BenchSpecError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): \(reason)" }
}

// How firmly each item holds its rank: a grid of items (rows) × ranks (columns) whose
// cell shade is the probability of that item taking that rank, with the probability
// printed in cells above a threshold (below it the number would only be noise). Used for
// the penetration index's weight sensitivity.
import MarketData

public struct RankStabilityHeatmap: Sendable {
    public var title: String
    public var subtitle: String?
    public var unitLabel: String
    /// Top to bottom.
    public var rowLabels: [String]
    /// Left to right, e.g. "第1名" … or "#1" ….
    public var columnLabels: [String]
    /// probabilities[row][column], each in 0...1.
    public var probabilities: [[Double]]
    /// Cells at or above this probability show their value.
    public var threshold: Double
    public var sourceNote: String
    public var formatValue: ValueFormatter

    public init(title: String, subtitle: String? = nil, unitLabel: String, rowLabels: [String], columnLabels: [String],
                probabilities: [[Double]], threshold: Double = 0.05, sourceNote: String = "",
                formatValue: @escaping ValueFormatter = { NumberFormat.percent($0, decimals: 0) }) {
        self.title = title; self.subtitle = subtitle; self.unitLabel = unitLabel; self.rowLabels = rowLabels
        self.columnLabels = columnLabels; self.probabilities = probabilities; self.threshold = threshold
        self.sourceNote = sourceNote; self.formatValue = formatValue
    }

    public var problems: [String] {
        var found: [String] = []
        if rowLabels.isEmpty || columnLabels.isEmpty { found.append("the heatmap has no rows or no columns") }
        if probabilities.count != rowLabels.count {
            found.append("the heatmap has \(probabilities.count) probability rows for \(rowLabels.count) labels")
        }
        for (r, row) in probabilities.enumerated() {
            if row.count != columnLabels.count {
                found.append("row \(r + 1) has \(row.count) probabilities for \(columnLabels.count) columns")
            }
            if row.contains(where: { !($0.isFinite && $0 >= 0 && $0 <= 1) }) {
                found.append("row \(r + 1) has a probability outside 0–1; such cells are drawn empty")
            }
        }
        return found
    }

    /// The probability at (row, column), or nil when missing or invalid.
    func probability(_ r: Int, _ c: Int) -> Double? {
        guard probabilities.indices.contains(r), probabilities[r].indices.contains(c) else { return nil }
        let p = probabilities[r][c]
        return p.isFinite && p >= 0 && p <= 1 ? p : nil
    }

    /// The cell fill: the background blended toward `ink` by the probability.
    static func shade(_ p: Double, background: Color, ink: Color) -> Color {
        Color(red: background.red + (ink.red - background.red) * p,
              green: background.green + (ink.green - background.green) * p,
              blue: background.blue + (ink.blue - background.blue) * p)
    }
}

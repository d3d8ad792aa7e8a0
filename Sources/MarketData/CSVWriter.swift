/// Writing the CSV files a run leaves beside its charts (forecasts.csv, <chart>.csv): RFC 4180
/// quoting and numbers that read back to the same Double.
public enum CSVWriter {
    /// Quotes a cell when it holds a comma, a quote or a line break.
    public static func escape(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One line of cells, without the line end.
    public static func line(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: ",")
    }

    /// A number as the shortest text that reads back to the same value: whole numbers
    /// without ".0", everything else as Swift's round-trip description. Non-finite values
    /// are written as an empty cell, the CSV spelling of "no value".
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}

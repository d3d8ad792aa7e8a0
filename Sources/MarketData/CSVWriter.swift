/// Writing the CSV files a run leaves beside its charts (forecasts.csv, <chart>.csv): RFC 4180
/// quoting and numbers that read back to the same Double.
public enum CSVWriter {
    /// Quotes a cell when it holds a comma, a quote or a line break. The test runs on the
    /// UTF-8 bytes: those four characters are ASCII and never part of a multi-byte sequence,
    /// and walking Characters (grapheme clusters) cost a sixth of writing a large forecast.
    /// On bytes, a "\r\n" line break, one Character, is seen too.
    public static func escape(_ cell: String) -> String {
        guard cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else { return cell }
        // Foundation's replacingOccurrences bridges to NSString: only when there is a quote
        // to double (a combination's label has commas, so every row of a forecast is quoted).
        guard cell.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + cell + "\"" }
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

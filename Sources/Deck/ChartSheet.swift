// The numbers behind one native chart as a grid: the chart part caches them and the
// embedded workbook holds them, both made from this one grid, so "Edit Data" opens exactly
// what the chart draws. Row 1 holds headers; column A the categories (or x values).

struct ChartSheet: Equatable {
    enum Cell: Equatable {
        case number(Double)
        case text(String)
        /// A spreadsheet formula (without "=") and the value it gives, which the chart caches.
        case formula(String, Double)
        /// A formula giving text (a label "Value From Cells" reads) and the text it gives.
        case textFormula(String, String)
        case empty
    }

    /// How a column's numbers are shown: in the chart's number format, or as a percentage
    /// (a growth rate).
    enum Format: Equatable {
        case chart
        case percent
        /// The percentage's format code: `NumberFormat.percent`'s grouping and one decimal,
        /// so the cell shows what the pill says.
        static let percentCode = "#,##0.0%"
    }

    struct Column: Equatable {
        var header: String
        var cells: [Cell]
        var format: Format = .chart
    }

    static let sheetName = "Sheet1"
    var columns: [Column] = []
    var rowCount: Int { columns.map(\.cells.count).max() ?? 0 }

    /// Adds a column and returns its index.
    @discardableResult
    mutating func add(_ header: String, _ cells: [Cell], format: Format = .chart) -> Int {
        columns.append(Column(header: header, cells: cells, format: format))
        return columns.count - 1
    }

    /// `B7`: a cell in a formula, by column index and 0-based data row (row 2 is data row 0).
    static func cell(_ column: Int, row: Int) -> String { letters(column) + String(row + 2) }

    /// `"CAGR "`: text as a formula's string literal (quotes doubled).
    static func literal(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func letters(_ column: Int) -> String {
        var n = column + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// `Sheet1!$B$1`: a column's header cell.
    func headerReference(_ column: Int) -> String {
        "\(ChartSheet.sheetName)!$\(ChartSheet.letters(column))$1"
    }

    /// `Sheet1!$B$2:$B$10`: a column's data cells.
    func dataReference(_ column: Int) -> String {
        let letters = ChartSheet.letters(column)
        return "\(ChartSheet.sheetName)!$\(letters)$2:$\(letters)$\(rowCount + 1)"
    }

    /// A number as the chart cache and the workbook write it: integers without a decimal
    /// point, others in the shortest form that reads back to the same double.
    static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}

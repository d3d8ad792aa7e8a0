// Reader for the NIST StRD nonlinear regression files (.dat): data columns, both start
// vectors and the certified values. Only the test compares against the certified values;
// the fitter is given the formula, the data and a start vector, nothing else.
import Foundation

struct StRDDataset {
    let name: String
    /// Column names from the "Data:" header line, response first (e.g. y, x or y, x1, x2).
    let columnNames: [String]
    /// columns[c][row]
    let columns: [[Double]]
    let parameterNames: [String]
    let starts: [[Double]]            // starts[0] = Start 1, starts[1] = Start 2
    let certifiedValues: [Double]
    let certifiedStandardErrors: [Double]
    let certifiedResidualSumOfSquares: Double

    enum ReadError: Error, CustomStringConvertible {
        case malformed(String, String)
        var description: String {
            switch self { case .malformed(let file, let what): return "\(file): \(what)" }
        }
    }

    init(contentsOf url: URL) throws {
        let file = url.lastPathComponent
        let text = try String(contentsOf: url, encoding: .utf8)
        name = url.deletingPathExtension().lastPathComponent
        var names: [String] = [], s1: [Double] = [], s2: [Double] = [], cert: [Double] = [], sd: [Double] = []
        var rss: Double? = nil
        var header: [String]? = nil
        var rows: [[Double]] = []
        for raw in text.components(separatedBy: .newlines) {
            let line = raw.replacingOccurrences(of: "\r", with: "")
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if let h = header {
                let values = fields.compactMap(Double.init)
                if values.count == h.count, fields.count == h.count { rows.append(values) }
                continue
            }
            if fields.count >= 6, fields[0].hasPrefix("b"), fields[1] == "=",
               let a = Double(fields[2]), let b = Double(fields[3]), let c = Double(fields[4]), let d = Double(fields[5]) {
                names.append(fields[0]); s1.append(a); s2.append(b); cert.append(c); sd.append(d)
            } else if line.hasPrefix("Residual Sum of Squares:"), let v = fields.last.flatMap(Double.init) {
                rss = v
            } else if fields.first == "Data:", fields.count >= 3, fields.dropFirst().allSatisfy({ Double($0) == nil && $0.first?.isLetter == true }),
                      !line.contains("Variable") {
                header = Array(fields.dropFirst())
            }
        }
        guard let h = header, !rows.isEmpty else { throw ReadError.malformed(file, "no data table") }
        guard let r = rss, !names.isEmpty else { throw ReadError.malformed(file, "no certified values") }
        columnNames = h
        columns = (0..<h.count).map { c in rows.map { $0[c] } }
        parameterNames = names
        starts = [s1, s2]
        certifiedValues = cert
        certifiedStandardErrors = sd
        certifiedResidualSumOfSquares = r
    }

    /// Log relative error: the number of correct significant digits (capped at 15).
    static func lre(_ estimate: Double, _ certified: Double) -> Double {
        guard estimate.isFinite else { return 0 }
        let error = certified == 0 ? abs(estimate) : abs(estimate - certified) / abs(certified)
        if error == 0 { return 15 }
        return min(15, max(0, -log10(error)))
    }
}

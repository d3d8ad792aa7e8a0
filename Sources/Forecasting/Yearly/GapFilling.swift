// The yearly methods read consecutive years. A year the publisher never published is
// filled for the fit only — geometrically for positive series (constant growth across the
// gap), linearly otherwise — and the forecast's warnings name every filled year. It is
// never shown as data. A gap longer than `maximumGap` years is an error: interpolating
// decades would make up most of the series and give intervals that mean nothing.
import Foundation

public enum GapFilling {
    /// The most years in a row that are filled.
    public static let maximumGap = 10

    /// A run of missing years longer than `maximumGap`.
    public struct GapTooLong: Error, CustomStringConvertible, Sendable, Equatable {
        public let after: Int
        public let before: Int

        public var description: String {
            "no value between \(after) and \(before): \(before - after - 1) years in a row are missing, and at most \(GapFilling.maximumGap) are filled\n"
                + "  hint: add the missing years, or forecast from the years after the gap alone"
        }
    }

    /// Values for every year from the first to the last of `years` (ascending, distinct),
    /// and the years that were filled.
    public static func fill(years: [Int], values: [Double]) throws -> (values: [Double], filled: [Int]) {
        guard years.count >= 2 else { return (values, []) }
        for i in 1..<years.count where years[i] - years[i - 1] - 1 > maximumGap {
            throw GapTooLong(after: years[i - 1], before: years[i])
        }
        let positive = values.allSatisfy { $0 > 0 }
        var out: [Double] = [values[0]]
        var filled: [Int] = []
        for i in 1..<years.count {
            let gap = years[i] - years[i - 1]
            if gap > 1 {
                for k in 1..<gap {
                    let t = Double(k) / Double(gap)
                    let value = positive ? values[i - 1] * pow(values[i] / values[i - 1], t)
                                         : values[i - 1] + t * (values[i] - values[i - 1])
                    out.append(value)
                    filled.append(years[i - 1] + k)
                }
            }
            out.append(values[i])
        }
        return (out, filled)
    }

    /// "year 2003 is" or "years 2003–2005, 2009 are": runs of consecutive years as ranges,
    /// so the warning stays one short line.
    public static func describe(_ years: [Int]) -> String {
        var runs: [String] = []
        var index = 0
        while index < years.count {
            var end = index
            while end + 1 < years.count, years[end + 1] == years[end] + 1 { end += 1 }
            runs.append(end == index ? String(years[index]) : "\(years[index])–\(years[end])")
            index = end + 1
        }
        return years.count == 1 ? "year \(runs[0]) is" : "years \(runs.joined(separator: ", ")) are"
    }
}

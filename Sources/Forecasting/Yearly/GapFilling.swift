// The yearly methods read consecutive years. A year the publisher never published is
// filled for the fit only — geometrically for positive series (constant growth across the
// gap), linearly otherwise — and the forecast's warnings name every filled year. It is
// never shown as data.
import Foundation

public enum GapFilling {
    /// Values for every year from the first to the last of `years` (ascending, distinct),
    /// and the years that were filled.
    public static func fill(years: [Int], values: [Double]) -> (values: [Double], filled: [Int]) {
        guard years.count >= 2 else { return (values, []) }
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
}

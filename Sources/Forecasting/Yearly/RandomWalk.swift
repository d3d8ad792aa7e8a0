// The two benchmarks every yearly forecast must beat: the last value carried forward, and
// the random walk with drift (the straight line through the first and last values,
// continued) — the best single method on the M1 yearly series.
enum RandomWalk {
    static func naive(_ y: [Double], horizon: Int) -> [Double] {
        [Double](repeating: y[y.count - 1], count: horizon)
    }

    static func drift(_ y: [Double], horizon: Int) -> [Double] {
        let n = y.count
        let last = y[n - 1]
        let slope = (last - y[0]) / Double(n - 1)
        return (1...horizon).map { last + slope * Double($0) }
    }
}

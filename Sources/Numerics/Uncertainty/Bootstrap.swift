// Residual bootstrap: resample the fit's residuals onto its fitted values, refit, and read
// percentile intervals off the refitted curves. Resample b always uses the generator
// SplitMix64(seed: S, stream: b), and writes only its own result slot, so the numbers are
// the same whatever the number of threads.
//
// Residuals are taken on the fitted scale (log scale with a log response), weighted
// (√w·e), centred, and inflated by √(n/(n−p)) so their spread matches the error variance
// estimate; pseudo-observations are kept as they are.
import Foundation
import Dispatch

public struct BootstrapOptions: Sendable {
    public var resamples: Int
    public var seed: UInt64
    /// Central coverage of the percentile intervals, e.g. 0.95.
    public var level: Double
    /// Worker threads; nil = one per active processor.
    public var threads: Int?

    public init(resamples: Int = 1000, seed: UInt64 = 1, level: Double = 0.95, threads: Int? = nil) {
        self.resamples = resamples
        self.seed = seed
        self.level = level
        self.threads = threads
    }
}

public struct BootstrapInterval: Sendable, Equatable {
    public let x: Double
    public let value: Double
    public let lower: Double
    public let upper: Double
}

public struct BootstrapResult: Sendable {
    public let resamples: Int
    /// Resamples whose refit converged and are used in the intervals.
    public let succeeded: Int
    public let seed: UInt64
    public let level: Double
    /// Percentile interval of the curve at each requested x (value = the original fit).
    public let curve: [BootstrapInterval]
    /// Percentile interval of each parameter (x unused: 0).
    public let parameterNames: [String]
    public let parameters: [(lower: Double, upper: Double)]
    public let warnings: [String]
}

public enum Bootstrap {
    /// Resamples × (parameters + x values) the bootstrap holds at once (8 bytes each).
    public static let maximumStoredValues = 100_000_000

    public static func residual(_ fit: CurveFit, at xs: [Double], options: BootstrapOptions) throws -> BootstrapResult {
        let problem = fit.problem
        let b = options.resamples
        guard b >= 1 else { throw NumericsError(.invalidInput, "the number of bootstrap resamples must be at least 1 (got \(b))") }
        guard b <= 10_000_000 else {
            throw NumericsError(.invalidInput, "\(b) bootstrap resamples is more than the 10,000,000 this supports; 10,000 is plenty for 95% intervals")
        }
        guard xs.count <= 100_000 else {
            throw NumericsError(.invalidInput, "the bootstrap can report at most 100,000 x values (got \(xs.count))")
        }
        // Every resample keeps its parameters and its curve at each x until the percentiles
        // are read: refuse a product that would not fit in memory instead of dying on it.
        let kept = b.multipliedReportingOverflow(by: fit.parameters.count + xs.count)
        guard !kept.overflow, kept.partialValue <= maximumStoredValues else {
            throw NumericsError(.invalidInput, "\(b) bootstrap resamples × \(fit.parameters.count + xs.count) values each (parameters and x values) is more than the \(maximumStoredValues / 1_000_000) million values (\(maximumStoredValues * 8 / 1_000_000) MB) the bootstrap keeps; use fewer resamples or fewer x values")
        }
        guard options.level > 0, options.level < 1 else {
            throw NumericsError(.invalidInput, "the interval level must be between 0 and 1 (got \(options.level))")
        }
        guard xs.allSatisfy({ $0.isFinite }) else { throw NumericsError(.invalidInput, "bootstrap x values must be finite") }
        let p = fit.parameters.count
        let free = (0..<p).filter { !problem.constraints.fixed.contains($0) }
        let n = problem.dataCount
        guard n > free.count else {
            throw NumericsError(.invalidInput, "the bootstrap needs more data points (\(n)) than estimated parameters (\(free.count))")
        }
        let base = try FormulaResiduals(program: problem.program, columns: problem.columns,
                                        response: problem.response, weights: problem.weights)
        let thetaHat = fit.parameters
        // Fitted values on the fitted scale and centred, inflated weighted residuals.
        let fitted = base.modelValues(at: thetaHat)
        let sqrtW = problem.weights.map { $0.map { $0.squareRoot() } }
        var pool = (0..<n).map { i in (sqrtW?[i] ?? 1) * (problem.response[i] - fitted[i]) }
        let mean = pool.reduce(0, +) / Double(n)
        let inflation = (Double(n) / Double(n - free.count)).squareRoot()
        pool = pool.map { ($0 - mean) * inflation }

        // Refits start at the estimate and only need the few digits percentiles resolve:
        // MINPACK's recommended tolerances √ε ≈ 1.49e-8 (also scipy's defaults) and no
        // restarts; the original fit used the tight ones.
        var refitOptions = problem.solver
        refitOptions.functionTolerance = max(refitOptions.functionTolerance, 1.49e-8)
        refitOptions.stepTolerance = max(refitOptions.stepTolerance, 1.49e-8)
        refitOptions.maxRestarts = 0
        let m = xs.count
        // Slot layout: per resample, p parameters then m curve values; NaN marks failure.
        let stride = p + m
        var slots = [Double](repeating: .nan, count: b * stride)
        let workers = max(1, min(options.threads ?? ProcessInfo.processInfo.activeProcessorCount, b))
        let predictor = fit.predictorIndex
        let modelProgram = fit.program
        var firstError: NumericsError? = nil
        let errorLock = NSLock()

        slots.withUnsafeMutableBufferPointer { buffer in
            let out = buffer   // each resample writes only its own range
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                do {
                    let residuals = base.copy()
                    let run = try LevenbergMarquardt.Run(function: residuals, free: free,
                                                         constraints: problem.constraints, options: refitOptions)
                    let evaluator = FormulaEvaluator(modelProgram, rows: m)
                    var grid = [Double](repeating: 0, count: m * modelProgram.variableCount)
                    for j in 0..<m where predictor < modelProgram.variableCount { grid[predictor * m + j] = xs[j] }
                    var curve = [Double](repeating: 0, count: m)
                    var yStar = problem.response
                    var f = [Double](repeating: 0, count: problem.response.count)
                    var r = worker
                    while r < b {
                        var rng = SplitMix64(seed: options.seed, stream: UInt64(r))
                        for i in 0..<n {
                            let e = pool[rng.nextIndex(below: n)]
                            yStar[i] = fitted[i] + e / (sqrtW?[i] ?? 1)
                        }
                        residuals.setResponse(yStar)
                        var theta = thetaHat
                        if let outcome = try? run.solveWithRestarts(theta: &theta, residuals: &f),
                           outcome.reason.converged, theta.allSatisfy({ $0.isFinite }) {
                            evaluator.evaluate(parameters: theta, data: grid, into: &curve)
                            let base = r * stride
                            for k in 0..<p { out[base + k] = theta[k] }
                            for j in 0..<m { out[base + p + j] = curve[j] }
                        }
                        r += workers
                    }
                } catch {
                    errorLock.lock()
                    if firstError == nil { firstError = error as? NumericsError ?? NumericsError(.invalidInput, "\(error)") }
                    errorLock.unlock()
                }
            }
        }
        if let e = firstError { throw e }

        let good = (0..<b).filter { r in !slots[r * stride].isNaN }
        var warnings: [String] = []
        let failed = b - good.count
        if failed > 0 {
            warnings.append("\(failed) of \(b) bootstrap refits did not converge and were left out")
        }
        guard good.count >= 2 else {
            throw NumericsError(.notConverged, "bootstrap failed: only \(good.count) of \(b) refits converged")
        }
        let lowP = (1 - options.level) / 2, highP = (1 + options.level) / 2
        func interval(_ column: Int) -> (Double, Double) {
            var values = good.map { slots[$0 * stride + column] }
            return (selectPercentile(&values, lowP), selectPercentile(&values, highP))
        }
        var curve: [BootstrapInterval] = []
        for j in 0..<m {
            let (lo, hi) = interval(p + j)
            curve.append(BootstrapInterval(x: xs[j], value: fit.predict(xs[j]), lower: lo, upper: hi))
        }
        let parameterIntervals = (0..<p).map { interval($0) }.map { (lower: $0.0, upper: $0.1) }
        return BootstrapResult(resamples: b, succeeded: good.count, seed: options.seed, level: options.level,
                               curve: curve, parameterNames: fit.parameterNames, parameters: parameterIntervals,
                               warnings: warnings)
    }

    /// The same percentile as `percentile(sorted:)` without sorting: quickselect finds the
    /// two order statistics it interpolates (O(n) instead of O(n log n); the order of
    /// `values` changes). Values must not be NaN.
    static func selectPercentile(_ values: inout [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let h = Double(values.count - 1) * q
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, values.count - 1)
        let low = select(&values, lo)
        // Everything right of position lo is ≥ values[lo]; the next order statistic is its minimum.
        var high = low
        if hi > lo { high = values[hi...].min() ?? low }
        return low + (h - Double(lo)) * (high - low)
    }

    /// Puts the k-th smallest element at index k (smaller before, larger after) and returns it.
    static func select(_ a: inout [Double], _ k: Int) -> Double {
        var left = 0, right = a.count - 1
        while right > left {
            // Median of three as pivot: deterministic and good on sorted input.
            let mid = left + (right - left) / 2
            if a[mid] < a[left] { a.swapAt(mid, left) }
            if a[right] < a[left] { a.swapAt(right, left) }
            if a[right] < a[mid] { a.swapAt(right, mid) }
            let pivot = a[mid]
            var i = left, j = right
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { right = j } else if k >= i { left = i } else { break }
        }
        return a[k]
    }

    /// Linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default).
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * q
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}

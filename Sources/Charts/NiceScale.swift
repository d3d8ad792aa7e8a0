// Axis ranges and ticks people read at a glance: steps of 1, 2, 2.5 or 5 times a power
// of ten (after Heckbert, "Nice Numbers for Graph Labels", Graphics Gems, 1990, with
// 2.5 added because 0/250/500/750 reads better than 0/200/400/600/800 for market sizes).
import Foundation

public struct NiceScale: Equatable, Sendable {
    /// First tick, at or below the data minimum.
    public let lower: Double
    /// Last tick, at or above the data maximum (plus any requested headroom).
    public let upper: Double
    /// Distance between ticks: a nice number.
    public let step: Double

    /// The mantissas a step may have, ascending.
    public static let niceMantissas: [Double] = [1, 2, 2.5, 5]

    /// A scale covering `minimum...maximum` with about `targetTickCount` intervals.
    /// `headroom` (a fraction of the data span) is added above the maximum before
    /// rounding, so labels or arrows drawn above the highest value still fall inside.
    /// Non-finite input, an empty span or a non-positive tick count give a unit scale
    /// around the value instead of trapping.
    public init(minimum: Double, maximum: Double, targetTickCount: Int = 5, headroom: Double = 0) {
        var low = minimum.isFinite ? minimum : 0
        var high = maximum.isFinite ? maximum : 0
        if low > high { swap(&low, &high) }
        let span0 = high - low
        if span0 > 0, headroom.isFinite, headroom > 0 { high += span0 * headroom }
        if high - low <= 0 {
            // One value: give it a scale from zero (or around it) one nice step wide.
            let magnitude = abs(high) > 0 ? abs(high) : 1
            if high > 0 { low = 0 } else if high < 0 { high = 0 } else { high = magnitude }
            if low == high { low -= magnitude }
        }
        let intervals = Double(max(targetTickCount, 1))
        let step = NiceScale.niceNumber((high - low) / intervals, rounding: true)
        self.step = step
        self.lower = NiceScale.snap(floor(low / step + 1e-9) * step, step: step)
        self.upper = NiceScale.snap(ceil(high / step - 1e-9) * step, step: step)
    }

    /// The tick values from `lower` to `upper`, computed by index so that rounding
    /// errors do not accumulate (0.1 + 0.1 + 0.1 ≠ 0.3).
    public var ticks: [Double] {
        // Checked as a Double first: a span near the largest double overflows to infinity,
        // and converting that (or NaN) to Int would trap.
        let intervals = ((upper - lower) / step).rounded()
        guard intervals >= 0, intervals < 10_000 else { return [lower, upper] }
        return (0...Int(intervals)).map { NiceScale.snap(lower + Double($0) * step, step: step) }
    }

    /// The smallest nice number ≥ `x` (rounding false), or the nice number nearest to `x`
    /// in Heckbert's sense (rounding true). `x` must be positive; anything else gives 1.
    public static func niceNumber(_ x: Double, rounding: Bool) -> Double {
        guard x.isFinite, x > 0 else { return 1 }
        let exponent = floor(log10(x))
        let power = pow(10, exponent)
        let fraction = x / power
        let mantissas = niceMantissas + [10]
        let chosen: Double
        if rounding {
            // Pick the mantissa whose geometric-mean boundary with the next one lies above
            // the fraction (Heckbert rounds at 1.5, 3, 7 for 1, 2, 5; geometric means keep that
            // spirit for the extra 2.5).
            var pick = 10.0
            for (m, next) in zip(mantissas, mantissas.dropFirst()) where fraction < (m * next).squareRoot() {
                pick = m
                break
            }
            chosen = pick
        } else {
            chosen = mantissas.first { fraction <= $0 * (1 + 1e-12) } ?? 10
        }
        return chosen * power
    }

    /// Whether `value` is a nice step: mantissa 1, 2, 2.5 or 5 times a power of ten.
    public static func isNice(_ value: Double) -> Bool {
        guard value.isFinite, value > 0 else { return false }
        let power = pow(10, floor(log10(value)))
        let fraction = value / power
        return (niceMantissas + [10]).contains { abs(fraction - $0) < 1e-9 * $0 }
    }

    /// Removes binary noise: a tick is a whole number of steps, printed to the step's precision.
    private static func snap(_ value: Double, step: Double) -> Double {
        // A step rounded up past the largest double is infinite: nothing to snap to.
        guard step.isFinite, step > 0 else { return value }
        let decimals = max(0, -Int(floor(log10(step))) + 1)
        let factor = pow(10, Double(min(decimals, 15)))
        let snapped = (value * factor).rounded() / factor
        return snapped == 0 ? 0 : snapped  // no "-0"
    }
}

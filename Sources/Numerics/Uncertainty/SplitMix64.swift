// SplitMix64 (Steele, Lea & Flood 2014; the seeding generator of xoshiro): a tiny,
// well-tested 64-bit generator. Its state is one integer, so a resample's generator can
// be derived from (seed, resample index) alone — which is what makes bootstrap results
// independent of how resamples are spread over threads.

public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The generator for item `index` of a stream seeded with `seed`: its seed is the
    /// mixed value of seed ⊕ mix(index + 1), so neighbouring indices get unrelated streams.
    public init(seed: UInt64, stream index: UInt64) {
        state = SplitMix64.mix(seed ^ SplitMix64.mix(index &+ 1))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// SplitMix64's output function (a bijective 64-bit mixer).
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform integer in 0..<bound without modulo bias (rejection of the short tail).
    public mutating func nextIndex(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let b = UInt64(bound)
        let threshold = (0 &- b) % b
        while true {
            let r = next()
            if r >= threshold { return Int(r % b) }
        }
    }
}

// Why `auto` is the default, as figures a page can quote: its error on the cross-validation
// windows of the reference sets against the range of the single methods'. These are the
// numbers `bench/accuracy/choose_pool.py` prints for the shipped pool (median of naive, ses,
// drift, damped, drift-log and theta-log, with the steady-growth rule) from the forecasts
// `marketcast-bench members --set m1=reference/m1-yearly --set m3=reference/m3-yearly`
// writes: sMAPE on rolling origins inside the training years only (histories in full and
// cut to 5–8 values), each series weighted equally. The test years took no part.
// Regenerate them with the pool; AutoSelectionEvidenceTests checks their order.
public struct AutoSelectionEvidence: Sendable, Equatable {
    public struct SetScore: Sendable, Equatable {
        /// The reference set, as a reader names it: "M1", "M3".
        public var set: String
        public var seriesCount: Int
        /// `auto`'s average error (sMAPE, in percent) on the set's cross-validation windows.
        public var auto: Double
        /// The best and the worst single yearly method's (every `YearlyMethod`) on the same windows.
        public var singleMethods: ClosedRange<Double>
    }

    public var sets: [SetScore]

    public static let shipped = AutoSelectionEvidence(sets: [
        SetScore(set: "M1", seriesCount: 181, auto: 15.41, singleMethods: 16.61...21.11),
        SetScore(set: "M3", seriesCount: 645, auto: 18.91, singleMethods: 19.14...22.66),
    ])
}

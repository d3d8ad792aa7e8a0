import Foundation

/// Wall-clock time per phase of a run, for the manifest's `timings` only: timings never
/// reach any other output, so identical inputs still give identical files.
public struct PhaseTimer: Sendable {
    public private(set) var phases: [RunManifest.Phase] = []
    private var start = DispatchTime.now().uptimeNanoseconds

    public init() {}

    /// Ends the current phase under `name` and starts the next one.
    public mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let seconds = Double(now &- start) / 1e9
        // Rounded to milliseconds: finer digits are noise.
        phases.append(.init(name: name, seconds: (seconds * 1000).rounded() / 1000))
        start = now
    }
}

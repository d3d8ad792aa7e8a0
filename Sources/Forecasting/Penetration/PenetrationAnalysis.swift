// Everything the report shows about industry penetration, computed once per run from the
// table and the analyst's settings: the index, its weight sensitivity and the adoption
// paths. Exhibits and output files read this; nothing recomputes it.

public struct PenetrationSettings: Sendable, Equatable {
    public var weights: [Double]
    public var normalisation: PenetrationNormalisation
    public var draws: Int
    public var concentration: Double
    public var seed: UInt64
    /// The probability that a sensitivity draw moves an indicator score by one step
    /// (RankSensitivity); 0 perturbs the weights only.
    public var scoreStep: Double
    public var adoption: AdoptionSettings

    public init(weights: [Double], normalisation: PenetrationNormalisation = .minMax, draws: Int = 2000,
                concentration: Double = 50, seed: UInt64 = 2023, scoreStep: Double = 0.3,
                adoption: AdoptionSettings = AdoptionSettings()) {
        self.weights = weights; self.normalisation = normalisation; self.draws = draws
        self.concentration = concentration; self.seed = seed; self.scoreStep = scoreStep; self.adoption = adoption
    }
}

public struct PenetrationAnalysis: Sendable {
    public var table: IndustryIndicatorTable
    public var settings: PenetrationSettings
    /// In industry (file) order.
    public var scores: [PenetrationScore]
    public var sensitivity: RankSensitivity
    /// In industry order; nil where the data cannot be calibrated (checked by the loader).
    public var adoption: [AdoptionPath?]

    public init(table: IndustryIndicatorTable, settings: PenetrationSettings) {
        self.table = table
        self.settings = settings
        let index = PenetrationIndex(table: table, normalisation: settings.normalisation)
        scores = index.evaluate(weights: settings.weights)
        sensitivity = RankSensitivity.run(table: table, normalisation: settings.normalisation, weights: settings.weights,
                                          draws: settings.draws, concentration: settings.concentration,
                                          scoreStep: settings.scoreStep, seed: settings.seed)
        adoption = zip(table.industries, scores).map { industry, score in
            BassAdoption.path(score: score.score, current: industry.currentPenetration, potential: industry.potential,
                              settings: settings.adoption)
        }
    }

    /// Industry indices from rank 1 down.
    public var rankOrder: [Int] {
        scores.sorted { $0.rank < $1.rank }.map(\.industry)
    }
}

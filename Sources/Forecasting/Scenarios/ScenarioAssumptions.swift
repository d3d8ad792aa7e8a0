// What an analyst assumes about a series in one scenario. Every assumption acts on the fit
// (a fixed or bounded parameter, a weighted pseudo-observation, a model term whose size is
// set rather than estimated), never as a multiplier pasted onto the fitted output, so the
// forecast path stays a curve of the model family and its interval stays honest.

/// A scenario: a name used in files (`base`), its labels, and assumptions per series id.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var labelZh: String
    public var labelEn: String
    /// In the order the scenario file lists them.
    public var series: [SeriesAssumptions]

    public init(name: String, labelZh: String, labelEn: String, series: [SeriesAssumptions]) {
        self.name = name; self.labelZh = labelZh; self.labelEn = labelEn; self.series = series
    }

    public func assumptions(for seriesID: String) -> SeriesAssumptions? {
        series.first { $0.seriesID == seriesID }
    }
}

/// A sentence a scenario file gives in both report languages.
public struct ScenarioText: Sendable, Equatable {
    public var zh: String
    public var en: String
    public init(zh: String, en: String) { self.zh = zh; self.en = en }
}

public struct SeriesAssumptions: Sendable, Equatable {
    /// The model a scenario names (parsed once, where the scenario file is read): `auto`
    /// (the combination, or with a ceiling, anchors or parameter limits the best of the
    /// curves that can hold them), a yearly method, a growth curve, `curves` (every catalog
    /// curve ranked by AICc and a backtest, the best kept), or a formula in the variable
    /// `year` with a start value for every parameter.
    public struct Model: Sendable, Equatable {
        public var spec: ModelSpec
        /// The formula's start value for each parameter; empty for a catalog model.
        public var start: [String: Double]

        public init(_ spec: ModelSpec, start: [String: Double] = [:]) {
            self.spec = spec; self.start = start
        }

        /// A model of the catalog, which finds its own start values.
        public static func catalog(_ spec: ModelSpec) -> Model { Model(spec) }
        /// A formula in `year` with a start value for every parameter.
        public static func formula(_ text: String, start: [String: Double]) -> Model { Model(.formula(text), start: start) }

        public static let auto = Model.catalog(.auto)
        public static let curves = Model.catalog(.bestCurve)
    }

    /// The saturation level, fixed in the fit (the model's ceiling parameter, K or m).
    public enum Ceiling: Sendable, Equatable {
        case absolute(Double)
        /// A multiple of the last actual in the fit window, e.g. 3 → 3 × the 2024 value.
        case multipleOfLastActual(Double)
    }

    /// A value the analyst believes for a year. Soft anchors enter the fit as a weighted
    /// pseudo-observation; hard anchors must be met (within 0.5% of the value).
    public struct Anchor: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// One standard deviation of the belief, relative to the value (0.1 = ±10%).
            case soft(tolerance: Double)
            case hard
        }
        public var year: Int
        public var value: Double
        public var kind: Kind
        public init(year: Int, value: Double, kind: Kind) { self.year = year; self.value = value; self.kind = kind }
    }

    /// A range (or a fixed value) for one of the model's parameters; growth adjustments
    /// are written this way, e.g. the exponential's annual growth `g` at least 0.25.
    public struct ParameterLimit: Sendable, Equatable {
        public var name: String
        public var minimum: Double?
        public var maximum: Double?
        public var fixed: Double?
        public init(name: String, minimum: Double? = nil, maximum: Double? = nil, fixed: Double? = nil) {
            self.name = name; self.minimum = minimum; self.maximum = maximum; self.fixed = fixed
        }
    }

    /// A level change from `year` on: the model becomes f(x)·(1 + size) for x ≥ year, a
    /// term of the model whose size the analyst sets (it is not estimated). Shocks compound
    /// when several apply. −0.1 is a 10% drop in level from that year on; the growth rate
    /// before and after is the model's own.
    public struct Shock: Sendable, Equatable {
        /// Why the level changes, as the scenario page prints it (`cause`, `cause_en`).
        public typealias Cause = ScenarioText
        public var year: Int
        public var size: Double
        /// Never enters the fit; nil when the scenario file gives none.
        public var cause: Cause?
        public init(year: Int, size: Double, cause: Cause? = nil) { self.year = year; self.size = size; self.cause = cause }
    }

    public var seriesID: String
    public var model: Model
    /// Why the analyst makes these assumptions, as the pages print it (`rationale`); never
    /// enters the fit.
    public var rationale: ScenarioText?
    /// Fit on the last `fitYears` actual years; nil = every actual.
    public var fitYears: Int?
    public var ceiling: Ceiling?
    public var anchors: [Anchor]
    public var parameters: [ParameterLimit]
    public var shocks: [Shock]

    public init(seriesID: String, model: Model, fitYears: Int? = nil, ceiling: Ceiling? = nil,
                anchors: [Anchor] = [], parameters: [ParameterLimit] = [], shocks: [Shock] = []) {
        self.seriesID = seriesID; self.model = model; self.fitYears = fitYears; self.ceiling = ceiling
        self.anchors = anchors; self.parameters = parameters; self.shocks = shocks
    }

    /// The product of (1 + size) over the shocks in force at `year`.
    public func shockMultiplier(at year: Double) -> Double {
        shocks.reduce(1) { year >= Double($1.year) ? $0 * (1 + $1.size) : $0 }
    }
}

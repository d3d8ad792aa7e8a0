/// One year of a forecast series: a published actual, or this tool's estimate with its
/// interval. Actuals and estimates are never mixed silently: `isEstimate` travels with
/// every value into tables and charts.
public struct ForecastPoint: Sendable, Equatable {
    public var year: Int
    public var value: Double
    public var lower: Double?
    public var upper: Double?
    public var isEstimate: Bool

    public init(year: Int, value: Double, lower: Double? = nil, upper: Double? = nil, isEstimate: Bool) {
        self.year = year; self.value = value; self.lower = lower; self.upper = upper; self.isEstimate = isEstimate
    }
}

/// A fitted parameter as the methodology page prints it.
public struct ParameterEstimate: Sendable, Equatable {
    public var name: String
    public var value: Double
    public var standardError: Double
    public init(name: String, value: Double, standardError: Double) {
        self.name = name; self.value = value; self.standardError = standardError
    }
}

/// How well the model fits the actuals it was fitted to.
public struct FitSummary: Sendable, Equatable {
    public var parameters: [ParameterEstimate]
    public var residualSumOfSquares: Double
    public var degreesOfFreedom: Int
    public var aicc: Double
    public var bic: Double
    public var iterations: Int
    /// First and last actual year the model saw.
    public var fitYears: ClosedRange<Int>
    /// Why `auto` chose this model; nil when the config named it.
    public var selectionReason: String?

    public init(parameters: [ParameterEstimate], residualSumOfSquares: Double, degreesOfFreedom: Int,
                aicc: Double, bic: Double, iterations: Int, fitYears: ClosedRange<Int>, selectionReason: String?) {
        self.parameters = parameters; self.residualSumOfSquares = residualSumOfSquares
        self.degreesOfFreedom = degreesOfFreedom; self.aicc = aicc; self.bic = bic; self.iterations = iterations
        self.fitYears = fitYears; self.selectionReason = selectionReason
    }
}

/// A series' actuals followed by its forecast to the horizon, with the model that made it.
public struct SeriesForecast: Sendable {
    public var seriesID: String
    public var unit: String
    public var points: [ForecastPoint]
    /// What made the path: `auto`, a yearly method, a curve, a formula or the consensus.
    public var model: ForecastModel
    /// The fitted curve as a reader would write it, for chart notes and the methodology page.
    public var modelDescription: String
    /// Confidence level of the intervals, e.g. 0.95.
    public var level: Double
    public var warnings: [ForecastWarning]
    /// The least-squares fit behind a curve; nil for the yearly methods and `auto`, which
    /// have no parameters a reader would weigh, and for forecasts built by hand (tests).
    public var fit: FitSummary?
    /// `auto`'s members, each with its forecasts and its weight in the median per year;
    /// empty for curves.
    public var combination: [CombinationMember] = []
    /// How the intervals were made, when not from the curve's own fit (one sentence).
    public var intervalMethod: String?
    /// The actual years the forecast was made from; for curves the same as `fit.fitYears`.
    public var fitYears: ClosedRange<Int>?
    /// Years where the fitted curve passes on the wrong side of a published actual bound
    /// (CensoredFit): `check` and `run` refuse such a path. Empty for the yearly methods,
    /// whose path starts from the last actual and has no fitted values in the actual years.
    public var boundBreaches: [BoundBreach] = []
    /// Set when the analyst declared this path as the trend weighted with the publishers'
    /// consensus (`consensus.base_weight` in report.yaml); nil for a statistical path.
    public var blend: BaseBlend?
    /// The natural bounds the analyst declared and the estimates are held inside; nil when
    /// none were declared.
    public var bounds: NaturalBounds?

    /// What the manifest and the deck's notes print: `combination(naive,drift,…)` for `auto`
    /// with its members, the model's name otherwise.
    public var modelLabel: String {
        combination.count > 1 ? Combination.label(combination) : model.description
    }

    public var actuals: [ForecastPoint] { points.filter { !$0.isEstimate } }
    public var estimates: [ForecastPoint] { points.filter { $0.isEstimate } }

    /// CAGR between two years of the series, nil when either is missing.
    public func cagr(from startYear: Int, to endYear: Int) -> Double? {
        guard let start = points.first(where: { $0.year == startYear }),
              let end = points.first(where: { $0.year == endYear }) else { return nil }
        return CAGR.rate(from: start.value, to: end.value, years: endYear - startYear)
    }
}

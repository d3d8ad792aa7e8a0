// Where the base case's model stands in the backtest, and why it is kept when it is not
// the best: the page that shows the base case must say so in plain words (issue 14 §3).
// Only models compete here (scenarios are assumptions on top of a model, not rivals to it);
// the ranking is by mean absolute percentage error over the held-out years, ties going to
// the method listed first, as on the methodology page.

public struct BacktestStanding: Sendable, Equatable {
    /// Why a model other than the backtest's best is kept, as facts the page words.
    public enum Reason: Sendable, Equatable {
        /// Fewer held-out years than `BacktestStanding.decisiveYears`: one year's miss ranks
        /// methods largely by chance.
        case fewHeldOutYears(Int)
        /// The held-out figures are published lower bounds: a smaller miss may only mean a
        /// lower path, not a better one.
        case heldOutAreLowerBounds
        /// The model is `auto`, the combination chosen on the M1 and M3 yearly reference series,
        /// many series and years deep, where it has the lowest error of the methods offered.
        case referenceEvidence
    }

    /// Held-out years needed before a backtest ranking can decide a model on its own.
    public static let decisiveYears = 3

    public var model: ForecastModel
    /// 1 = lowest error among the backtested models; nil when the model was not backtested.
    public var rank: Int?
    public var modelCount: Int
    public var modelError: Double?
    /// The backtest's best model and its error.
    public var best: BacktestReport.MethodSummary?
    public var reasons: [Reason]

    /// The model is the backtest's best (or ties with it).
    public var isBest: Bool { rank == 1 }

    /// `model`'s standing in `report`; `heldOutLowerBounds` says whether the held-out actuals
    /// were published as lower bounds (the series knows, the report does not).
    public init(model: ForecastModel, in report: BacktestReport, heldOutLowerBounds: Bool) {
        let models = report.summary.filter { $0.method.model != nil && $0.meanAbsolutePercentError.isFinite }
        // A stable order: error, then the methodology page's own order.
        let ranked = models.enumerated().sorted {
            $0.element.meanAbsolutePercentError != $1.element.meanAbsolutePercentError
                ? $0.element.meanAbsolutePercentError < $1.element.meanAbsolutePercentError : $0.offset < $1.offset
        }.map(\.element)
        self.model = model
        // A formula or the consensus path was not backtested: it has no rank.
        let method = model.catalogModel.map(BacktestSubject.model)
        modelCount = ranked.count
        best = ranked.first
        let own = ranked.firstIndex { $0.method == method }
        modelError = own.map { ranked[$0].meanAbsolutePercentError }
        // Equal error to the best counts as best.
        rank = own.map { index in ranked[index].meanAbsolutePercentError == ranked.first?.meanAbsolutePercentError ? 1 : index + 1 }
        var reasons: [Reason] = []
        if rank != 1 {
            if report.testYears.count < Self.decisiveYears { reasons.append(.fewHeldOutYears(report.testYears.count)) }
            if heldOutLowerBounds { reasons.append(.heldOutAreLowerBounds) }
            if model == .auto { reasons.append(.referenceEvidence) }
        }
        self.reasons = reasons
    }
}

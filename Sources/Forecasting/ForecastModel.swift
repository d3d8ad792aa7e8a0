// What made a forecast path, as a value: the pages, the backtest standing and the files ask
// this, never a name parsed back. `ModelSpec` is what an analyst may *ask* for (it includes
// `curves`, resolved to one curve when fitted); `ForecastModel` is what *made* the path,
// which can also be an analyst's formula or the publishers' consensus.
import Foundation
import Numerics

public enum ForecastModel: Hashable, Sendable, CustomStringConvertible {
    /// `auto` (the median of its members, listed in `SeriesForecast.combination`) or one
    /// yearly method.
    case yearly(YearlyModel)
    /// A growth curve of the catalog.
    case curve(GrowthModelKind)
    /// An analyst's formula (its text is in `SeriesForecast.modelDescription`).
    case formula
    /// The publishers' forecasts joined into a path: not a fit (Consensus).
    case consensus

    public static let auto = ForecastModel.yearly(.auto)

    /// The catalog model a backtest can score; nil for a formula or the consensus, which the
    /// backtest does not run.
    public var catalogModel: ModelSpec? {
        switch self {
        case .yearly(let model): return .yearly(model)
        case .curve(let kind): return .curve(kind)
        case .formula, .consensus: return nil
        }
    }

    /// What a model made; nil for `curves`, which is resolved to one curve when fitted.
    public init?(_ spec: ModelSpec) {
        switch spec {
        case .yearly(let model): self = .yearly(model)
        case .curve(let kind): self = .curve(kind)
        case .formula: self = .formula
        case .bestCurve: return nil
        }
    }

    /// The name forecasts.csv, batch output and the manifest print (`auto`, `drift`,
    /// `logistic`, `formula`, `consensus`); pages word the model from the case instead.
    public var description: String {
        switch self {
        case .yearly(let model): return model.name
        case .curve(let kind): return kind.rawValue
        case .formula: return "formula"
        case .consensus: return "consensus"
        }
    }
}

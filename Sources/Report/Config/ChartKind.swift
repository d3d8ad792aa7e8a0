/// The chart a report series is drawn as (`chart:` in report.yaml). A new kind is a new
/// case here plus the exhibit that draws it (see docs/architecture.md); the config reader,
/// its hints and the exhibits all switch on this type, never on the text.
public enum ChartKind: String, CaseIterable, Sendable, Equatable {
    /// Bars of actuals and forecasts with CAGR arrows (exhibits 1 and 2).
    case marketSize = "market-size"
}

import MarketData

extension ReportConfig {
    /// For config sections that name a series (scenarios, backtests, penetration inputs):
    /// nil when `id` is one of this config's series, otherwise the error to record, with
    /// the closest id as a suggestion, so misspelt references are caught by `check`.
    public func seriesReferenceProblem(_ id: String, at location: SourceLocation, in section: String) -> Diagnostic? {
        let ids = series.map(\.id)
        guard !ids.contains(id) else { return nil }
        let guess = Suggestions.closest(to: id, among: ids).map { "did you mean `\($0)`? " } ?? ""
        return Diagnostic(location, "\(section) names series `\(id)`, which the config does not list",
                          hint: guess + "series in this config: \(ids.joined(separator: ", "))")
    }
}

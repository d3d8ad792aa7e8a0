import MarketData

/// The words of the revision chart, in the new run's language.
struct RevisionStrings {
    let language: DisplayLanguage

    func title(_ base: String, scenario: String) -> String {
        let name = scenario.isEmpty ? base : "\(base)（\(scenario)）"
        return language == .zh ? "\(name)：预测修订" : "\(name): forecast revision"
    }

    func previous(_ run: String) -> String { language == .zh ? "上次（\(run)）" : "Previous (\(run))" }
    func current(_ run: String) -> String { language == .zh ? "本次（\(run)）" : "Current (\(run))" }

    /// The note names why the series moved; the reasons come from the manifests in English
    /// (they quote file names, model names and settings as written in the config).
    func note(reasons: [String]) -> String {
        let joined = reasons.joined(separator: "; ")
        return language == .zh ? "修订原因：\(joined)。来源：marketcast 两次运行的 forecasts 与 manifest.json。"
            : "Why it moved: \(joined). Source: the two runs' forecasts and manifest.json."
    }
}

import MarketData
/// Why a series' forecast moved between two runs, from their manifests: its data file's
/// SHA-256 differs, its config entry or the settings every forecast shares differ, or the
/// model fitted to it differs. Several reasons can hold at once; none means the inputs
/// are the same (then a tool version change is the remaining suspect, and is named).
/// One reason, typed, so the terminal and a client page can each say it their way: the
/// terminal names files and digests, a page never does.
enum RevisionReason: Equatable, Sendable, CustomStringConvertible {
    case noManifest
    case notListed
    case seriesAdded
    case seriesRemoved
    case vintageRevised(from: String, to: String)
    /// The data file's SHA-256 differs; `path` as the manifest records it.
    case dataChanged(path: String)
    case scenarioChanged(path: String)
    /// Config settings that differ.
    case configChanged([ConfigChange])
    case modelChanged(from: String, to: String)
    case unchanged
    case toolVersion(from: String, to: String)

    /// The terminal's wording (`marketcast diff`, revisions.csv).
    var description: String {
        switch self {
        case .noManifest: return "unknown: a run has no manifest.json"
        case .notListed: return "unknown: neither manifest lists this series"
        case .seriesAdded: return "series added"
        case .seriesRemoved: return "series removed"
        case let .vintageRevised(from, to): return "data vintage revised (\(from) → \(to))"
        case let .dataChanged(path): return "input data changed (\(path): SHA-256 differs)"
        case let .scenarioChanged(path): return "scenario file changed (\(path))"
        case let .configChanged(changes): return "config changed (\(changes.map(\.description).joined(separator: ", ")))"
        case let .modelChanged(from, to): return "chosen model changed (\(from) → \(to))"
        case .unchanged: return "inputs, config and model unchanged"
        case let .toolVersion(from, to): return "inputs unchanged; tool version \(from) → \(to)"
        }
    }

    /// A client page's wording: what moved the number, without files or digests.
    func clientText(_ strings: Strings) -> String {
        switch self {
        case .noManifest, .notListed: return strings.localized("原因不明", "reason unknown")
        case .seriesAdded: return strings.localized("新增序列", "series added")
        case .seriesRemoved: return strings.localized("序列已移除", "series removed")
        case .vintageRevised: return strings.localized("出版方发布新一版数据并修订了历史值", "the publisher released a new vintage that revises past values")
        case .dataChanged: return strings.localized("数据更新", "data updated")
        case .scenarioChanged: return strings.localized("情景假设调整", "scenario assumptions changed")
        case let .configChanged(changes):
            return changes.map { $0.clientText(strings) }.joined(separator: strings.localized("；", "; "))
        case .modelChanged: return strings.localized("模型随数据重新选择", "the model was chosen again for the new data")
        case .unchanged: return strings.localized("输入与模型未变", "inputs and model unchanged")
        case .toolVersion: return strings.localized("方法更新", "method updated")
        }
    }
}

/// A setting of report.yaml that differs between the two editions.
enum ConfigChange: Equatable, Sendable, CustomStringConvertible {
    case data(from: String, to: String)
    case model(from: String, to: String)
    case horizon(from: Int?, to: Int?)
    case level(from: Double, to: Double)
    /// The publishers' consensus's weight in the base case (nil: none).
    case baseCase(from: Double?, to: Double?)
    /// The older vintage linked by growth (nil: none).
    case link(from: String?, to: String?)

    var description: String {
        switch self {
        case let .baseCase(from, to):
            return "consensus base_weight \(from.map { "\($0)" } ?? "none") → \(to.map { "\($0)" } ?? "none")"
        case let .link(from, to): return "link \(from ?? "none") → \(to ?? "none")"
        case let .data(from, to): return "data \(from) → \(to)"
        case let .model(from, to): return "model \(from) → \(to)"
        case let .horizon(from, to): return "horizon \(from.map(String.init) ?? "default") → \(to.map(String.init) ?? "default")"
        case let .level(from, to): return "level \(from) → \(to)"
        }
    }

    func clientText(_ strings: Strings) -> String {
        switch self {
        case let .baseCase(_, to?) where to > 0:
            let ratio = ScenarioAssumptionWords.ratio(trend: 1, consensus: to)
            return strings.localized("基准情景改为统计趋势与出版方共识按 \(ratio) 加权", "the base case now weighs the trend \(ratio) with the publishers' consensus")
        case .baseCase: return strings.localized("基准情景不再加权出版方共识", "the base case no longer weighs the publishers' consensus")
        case .link(_, _?): return strings.localized("按旧版增速链接更早年份", "earlier years linked by the older vintage's growth")
        case .link: return strings.localized("不再链接旧版", "the older vintage is no longer linked")
        case .data: return strings.localized("数据来源调整", "data source changed")
        case .model: return strings.localized("模型设定调整", "model setting changed")
        case .horizon: return strings.localized("预测期调整", "forecast horizon changed")
        case let .level(_, to):
            return strings.localized("预测区间水平改为\(NumberFormat.percent(to, decimals: 0))",
                                     "interval level changed to \(NumberFormat.percent(to, decimals: 0))")
        }
    }
}

enum RevisionReasons {
    /// The terminal's wording of `typed(…)`.
    static func reasons(series: String, scenario: String, old: RunManifest?, new: RunManifest?) -> [String] {
        typed(series: series, scenario: scenario, old: old, new: new).map(\.description)
    }

    static func typed(series: String, scenario: String, old: RunManifest?, new: RunManifest?) -> [RevisionReason] {
        guard let old, let new else { return [.noManifest] }
        var reasons: [RevisionReason] = []
        let oldSeries = old.config.series.first { $0.id == series }
        let newSeries = new.config.series.first { $0.id == series }
        switch (oldSeries, newSeries) {
        case (nil, nil): return [.notListed]
        case (nil, _): return [.seriesAdded]
        case (_, nil): return [.seriesRemoved]
        default: break
        }
        let role = InputRole.series(id: series)
        let oldInput = old.inputs.first { $0.role == role }, newInput = new.inputs.first { $0.role == role }
        if let before = oldInput?.vintage, let after = newInput?.vintage, before != after {
            // The publisher's revision is the reason a reader needs; the digest only proves it.
            reasons.append(.vintageRevised(from: before, to: after))
        }
        if oldInput?.sha256 != newInput?.sha256 {
            reasons.append(.dataChanged(path: newInput?.path ?? oldInput?.path ?? series))
        }
        if !scenario.isEmpty {
            let role = InputRole.scenario(scenario)
            let oldFile = old.inputs.first { $0.role == role }, newFile = new.inputs.first { $0.role == role }
            if oldFile?.sha256 != newFile?.sha256 {
                reasons.append(.scenarioChanged(path: newFile?.path ?? oldFile?.path ?? scenario))
            }
        }
        var configChanges: [ConfigChange] = []
        if let a = oldSeries, let b = newSeries {
            // A new data file with a new vintage is the vintage's revision, said once.
            let vintageSaysIt = reasons.contains { if case .vintageRevised = $0 { return true } else { return false } }
            if a.data != b.data && !vintageSaysIt { configChanges.append(.data(from: a.data, to: b.data)) }
            if a.model != b.model { configChanges.append(.model(from: a.model, to: b.model)) }
            if a.consensusWeight ?? 0 != b.consensusWeight ?? 0 {
                configChanges.append(.baseCase(from: a.consensusWeight, to: b.consensusWeight))
            }
            if a.linkedVintage != b.linkedVintage { configChanges.append(.link(from: a.linkedVintage, to: b.linkedVintage)) }
        }
        if old.config.horizon != new.config.horizon {
            configChanges.append(.horizon(from: old.config.horizon, to: new.config.horizon))
        }
        if old.config.level != new.config.level {
            configChanges.append(.level(from: old.config.level, to: new.config.level))
        }
        if !configChanges.isEmpty { reasons.append(.configChanged(configChanges)) }
        let oldModel = old.models.first { $0.series == series }, newModel = new.models.first { $0.series == series }
        if let a = oldModel, let b = newModel, a.chosen != b.chosen {
            reasons.append(.modelChanged(from: a.chosen, to: b.chosen))
        }
        if reasons.isEmpty {
            reasons.append(old.tool.version == new.tool.version ? .unchanged
                           : .toolVersion(from: old.tool.version, to: new.tool.version))
        }
        return reasons
    }
}

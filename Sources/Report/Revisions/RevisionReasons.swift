/// Why a series' forecast moved between two runs, from their manifests: its data file's
/// SHA-256 differs, its config entry or the settings every forecast shares differ, or the
/// model fitted to it differs. Several reasons can hold at once; none means the inputs
/// are the same (then a tool version change is the remaining suspect, and is named).
enum RevisionReasons {
    static func reasons(series: String, scenario: String, old: RunManifest?, new: RunManifest?) -> [String] {
        guard let old, let new else { return ["unknown: a run has no manifest.json"] }
        var reasons: [String] = []
        let oldSeries = old.config.series.first { $0.id == series }
        let newSeries = new.config.series.first { $0.id == series }
        switch (oldSeries, newSeries) {
        case (nil, nil): return ["unknown: neither manifest lists this series"]
        case (nil, _): return ["series added"]
        case (_, nil): return ["series removed"]
        default: break
        }
        let role = "series:\(series)"
        let oldInput = old.inputs.first { $0.role == role }, newInput = new.inputs.first { $0.role == role }
        if let before = oldInput?.vintage, let after = newInput?.vintage, before != after {
            // The publisher's revision is the reason a reader needs; the digest only proves it.
            reasons.append("data vintage revised (\(before) → \(after))")
        }
        if oldInput?.sha256 != newInput?.sha256 {
            reasons.append("input data changed (\(newInput?.path ?? oldInput?.path ?? series): SHA-256 differs)")
        }
        if !scenario.isEmpty {
            let role = "scenario:\(scenario)"
            let oldFile = old.inputs.first { $0.role == role }, newFile = new.inputs.first { $0.role == role }
            if oldFile?.sha256 != newFile?.sha256 {
                reasons.append("scenario file changed (\(newFile?.path ?? oldFile?.path ?? scenario))")
            }
        }
        var configChanges: [String] = []
        if let a = oldSeries, let b = newSeries {
            if a.data != b.data { configChanges.append("data \(a.data) → \(b.data)") }
            if a.model != b.model { configChanges.append("model \(a.model) → \(b.model)") }
        }
        if old.config.horizon != new.config.horizon {
            configChanges.append("horizon \(old.config.horizon.map(String.init) ?? "default") → \(new.config.horizon.map(String.init) ?? "default")")
        }
        if old.config.level != new.config.level {
            configChanges.append("level \(old.config.level) → \(new.config.level)")
        }
        if !configChanges.isEmpty { reasons.append("config changed (\(configChanges.joined(separator: ", ")))") }
        let oldModel = old.models.first { $0.series == series }, newModel = new.models.first { $0.series == series }
        if let a = oldModel, let b = newModel, a.chosen != b.chosen {
            reasons.append("chosen model changed (\(a.chosen) → \(b.chosen))")
        }
        if reasons.isEmpty {
            reasons.append(old.tool.version == new.tool.version
                ? "inputs, config and model unchanged"
                : "inputs unchanged; tool version \(old.tool.version) → \(new.tool.version)")
        }
        return reasons
    }
}

import Forecasting
import Foundation
import MarketData

/// No forecast path passes below a published actual lower bound of its own year and
/// definition (issue 19): the growth curves fit bounds as censored observations
/// (Forecasting/CensoredFit), so a path that still ends below one was forced there by the
/// analyst's assumptions (a growth cap, a fixed parameter, an anchor), and it is no
/// forecast of this series. This is the one check that fits: the scenario paths of a
/// report's series are a few short least-squares fits, and only a fit knows its path.
/// A fit that fails outright is left to the run, which reports it with its cause.
struct PathBoundCheck: InputCheck {
    func check(_ config: ReportConfig, inputs: inout LoadedInputs, into problems: inout InputErrors) -> [String] {
        for entry in config.series {
            guard let series = inputs.series[entry.id], series.actuals.contains(where: { $0.bound != nil }) else { continue }
            var paths: [(label: String, file: String?, forecast: SeriesForecast)] = []
            for file in config.scenarios {
                guard let assumptions = file.scenario.assumptions(for: series.id),
                      let forecast = try? ScenarioFitter.forecast(series, assumptions: assumptions, scenario: file.scenario.name,
                                                                   horizon: config.horizon, level: config.level) else { continue }
                paths.append((file.scenario.name, file.file, forecast))
            }
            if !config.scenarios.contains(where: { $0.scenario.name == config.baseScenario && $0.scenario.assumptions(for: series.id) != nil }),
               let forecast = try? Forecaster.forecast(series, model: entry.model, horizon: config.horizon, level: config.level) {
                paths.append(("`model: \(entry.model)`", nil, forecast))
            }
            for path in paths {
                for breach in path.forecast.boundBreaches {
                    problems.append(Self.error(breach, series: series, path: path.label, file: path.file))
                }
            }
        }
        return []
    }

    static func error(_ breach: BoundBreach, series: MarketSeries, path: String, file: String?) -> Diagnostic {
        let figure = NumberFormat.grouped(breach.figure, decimals: breach.figure == breach.figure.rounded() ? 0 : 1)
        let fitted = NumberFormat.grouped(breach.fitted, decimals: 0)
        let relation = breach.bound == .lower ? "below" : "above"
        let whose = file.map { "scenario `\(path)` (\($0))" } ?? "the series' \(path)"
        let where_ = file.map { "in \($0)" } ?? "in report.yaml"
        return Diagnostic(SourceLocation(file: series.file, line: breach.line),
                          "the fitted path of `\(series.id)` under \(whose) gives \(fitted) for \(breach.year), \(relation) that year's published \(breach.bound.rawValue) bound \(figure) (\(breach.source)); a forecast may not pass \(relation) a figure the publisher says was \(breach.bound == .lower ? "exceeded" : "not reached")",
                          hint: "loosen the assumptions that force the path there (growth limits, fixed parameters, anchors, ceiling) \(where_); if the publisher gave an exact figure, empty the row's `bound` column")
    }
}

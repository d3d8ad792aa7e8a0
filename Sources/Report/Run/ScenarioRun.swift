import Forecasting
import Foundation
import Logging
import MarketData

/// The scenario part of a run: validates every scenario against the loaded series, fits
/// each series under each scenario, puts the base scenario's path where the market-size
/// chart reads it, runs the configured backtest, and writes forecasts.csv and backtest.csv.
enum ScenarioRun {
    static func fit(into context: inout RunContext, logger: Logger) throws {
        let config = context.config
        let scenarios = config.scenarios.map(\.scenario)
        for index in context.series.indices {
            let result = context.series[index]
            for file in config.scenarios { try file.validate(against: result.series) }
            logger.info("fitting \(result.entry.id) under \(scenarios.count) scenarios")
            let fitted = try ScenarioForecasts.fit(result.series, scenarios: scenarios, horizon: config.horizon,
                                                   level: config.level)
            for path in fitted.paths {
                for warning in path.forecast.warnings { logger.warning("\(result.entry.id) [\(path.scenario.name)]: \(warning)") }
            }
            if let base = config.baseScenario, let path = fitted.path(named: base) {
                context.series[index].forecast = path.forecast
            }
            context.scenarios.append(fitted)
        }
        if let settings = config.backtest, let result = context.result(for: settings.seriesID) {
            let lastActual = result.series.actuals.last?.year ?? settings.fitThrough
            guard settings.fitThrough < lastActual else {
                throw InputError(settings.location, "`fit_through` \(settings.fitThrough) leaves no later actual of `\(settings.seriesID)` to compare with (last actual \(lastActual))",
                                 hint: "choose a year before \(lastActual)")
            }
            guard let firstActual = result.series.actuals.first?.year, settings.fitThrough > firstActual else {
                throw InputError(settings.location, "`fit_through` \(settings.fitThrough) leaves too few actuals of `\(settings.seriesID)` to fit",
                                 hint: "choose a later year")
            }
            let report = try Backtest.run(result.series, fitThrough: settings.fitThrough, scenarios: scenarios,
                                          level: config.level)
            for skip in report.skipped { logger.info("backtest: \(skip.method) skipped: \(skip.reason)") }
            context.backtest = report
        }
    }

    /// forecasts.csv (every series: its scenarios, or the config's own model when no
    /// scenario covers it) and backtest.csv when a backtest ran.
    static func writeTables(_ context: RunContext, into folder: StagedFolder) throws -> [String] {
        var table: [SeriesScenarios] = []
        for result in context.series {
            if let fitted = context.scenarios.first(where: { $0.seriesID == result.entry.id }), !fitted.paths.isEmpty {
                table.append(fitted)
            } else {
                // No scenario names this series: its single forecast, under the scenario name `default`.
                let scenario = Scenario(name: "default", labelZh: "默认", labelEn: "Default", series: [])
                table.append(SeriesScenarios(seriesID: result.entry.id,
                                             paths: [ScenarioPath(scenario: scenario, forecast: result.forecast)]))
            }
        }
        var files: [String] = []
        try folder.write(ScenarioForecasts.csv(table), to: "forecasts.csv")
        files.append("forecasts.csv")
        if let backtest = context.backtest {
            try folder.write(Backtest.csv([backtest]), to: "backtest.csv")
            files.append("backtest.csv")
        }
        return files
    }
}

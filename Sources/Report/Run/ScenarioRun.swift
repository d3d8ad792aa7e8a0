import Forecasting
import Foundation
import Logging
import MarketData

/// The scenario part of a run: fits each series under each scenario, puts the base
/// scenario's path where the market-size chart reads it, and runs the configured backtest.
/// The scenarios and the backtest settings were checked against the series by
/// RunValidation (ScenarioCheck, BacktestCheck), as `marketcast check` checks them.
/// ScenarioExhibit writes the tables.
enum ScenarioRun {
    static func fit(into context: inout RunContext, logger: Logger) throws {
        let config = context.config
        let scenarios = config.scenarios.map(\.scenario)
        for index in context.series.indices {
            let result = context.series[index]
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
            let report = try Backtest.run(result.series, fitThrough: settings.fitThrough, scenarios: scenarios,
                                          level: config.level)
            for skip in report.skipped { logger.info("backtest: \(skip.method) skipped: \(skip.reason)") }
            context.backtest = report
        }
    }
}

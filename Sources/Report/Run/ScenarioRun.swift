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
            var fitted = try ScenarioForecasts.fit(result.series, scenarios: scenarios, horizon: config.horizon,
                                                   level: config.level)
            if let settings = config.consensus, settings.seriesID == result.entry.id {
                try addConsensus(settings, to: &fitted, series: result.series, context: context)
            }
            // Declared natural bounds hold every path, as they hold the series' own forecast.
            if let bounds = result.entry.bounds {
                for path in fitted.paths.indices {
                    fitted.paths[path].forecast = fitted.paths[path].forecast.held(within: bounds).forecast
                }
            }
            for path in fitted.paths {
                for warning in path.forecast.warnings {
                    logger.warning(concerningNoFile: "\(result.entry.id) [\(path.scenario.name)]: \(warning)")
                }
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

    /// The consensus of the published forecasts of the series (the rows of table
    /// `published-forecasts` that name it: a level of its own definition, growth rates
    /// compared as rates), drawn beside the scenarios; with a positive `base_weight` the base
    /// path becomes the trend and the consensus weighted, and the trend stays beside it.
    static func consensus(for series: MarketSeries, tables: ExhibitTables) -> Consensus? {
        let rows = (tables[ExhibitTable.publishedForecasts] ?? []).filter { $0.seriesID == series.id }
        var levels: [PublishedLevel] = [], rates: [PublishedRate] = []
        for row in rows {
            switch row.figure {
            case let .level(value, unit, bound) where unit == series.unit:
                levels.append(PublishedLevel(year: row.year, value: value, bound: bound, publisher: row.publisher))
            case let .growth(rate, fromYear):
                rates.append(PublishedRate(fromYear: fromYear, toYear: row.year, rate: rate, publisher: row.publisher))
            default: continue
            }
        }
        return Consensus.make(levels: levels, rates: rates, lastActualYear: series.actuals.last?.year ?? .min)
    }

    static func addConsensus(_ settings: ConsensusSettings, to fitted: inout SeriesScenarios, series: MarketSeries,
                             context: RunContext) throws {
        guard let consensus = consensus(for: series, tables: context.tables),
              let path = consensus.forecast(series, horizon: context.config.horizon, level: context.config.level) else {
            // ConsensusCheck refuses this before the run; a context built by hand gets the same words.
            throw Diagnostic(settings.location, ConsensusCheck.missingRates(series.id), hint: ConsensusCheck.missingRatesHint)
        }
        let strings = ConsensusWords.self
        let consensusPath = ScenarioPath(scenario: Scenario(name: strings.consensusName, labelZh: strings.consensusLabel.zh,
                                                            labelEn: strings.consensusLabel.en, series: []),
                                         forecast: path, origin: .consensus(consensus))
        var insertAt = fitted.paths.count
        if settings.baseWeight > 0, let baseName = context.config.baseScenario,
           let baseIndex = fitted.paths.firstIndex(where: { $0.scenario.name == baseName }) {
            let base = fitted.paths[baseIndex]
            var trendAssumptions = base.scenario.assumptions(for: series.id)
            trendAssumptions?.rationale = nil
            let trend = ScenarioPath(scenario: Scenario(name: strings.trendName, labelZh: strings.trendLabel.zh, labelEn: strings.trendLabel.en,
                                                        series: trendAssumptions.map { [$0] } ?? []),
                                     forecast: base.forecast, origin: .trend)
            let blend = BaseBlend(trendWeight: 1, consensusWeight: settings.baseWeight, consensus: consensus)
            fitted.paths[baseIndex].forecast = base.forecast.blended(with: path, blend: blend)
            fitted.paths.insert(trend, at: baseIndex + 1)
            insertAt = baseIndex + 2
        }
        fitted.paths.insert(consensusPath, at: insertAt)
    }
}

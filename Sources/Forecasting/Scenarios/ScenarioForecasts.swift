// Every series' forecast under every scenario, in the order the config gives them, and the
// forecasts.csv table written from it.
import MarketData

/// One series under one scenario.
public struct ScenarioPath: Sendable {
    /// Where a path comes from: a scenario file's assumptions, or the run's own paths
    /// beside them (the statistical trend under a blended base, the publishers' consensus).
    public enum Origin: Sendable, Equatable {
        case assumptions
        case trend
        case consensus(Consensus)
    }
    public var scenario: Scenario
    public var forecast: SeriesForecast
    public var origin: Origin = .assumptions
    public init(scenario: Scenario, forecast: SeriesForecast, origin: Origin = .assumptions) {
        self.scenario = scenario; self.forecast = forecast; self.origin = origin
    }
}

/// A series with its path under each scenario that covers it, scenarios in config order.
public struct SeriesScenarios: Sendable {
    public var seriesID: String
    public var paths: [ScenarioPath]
    public init(seriesID: String, paths: [ScenarioPath]) { self.seriesID = seriesID; self.paths = paths }

    public func path(named name: String) -> ScenarioPath? { paths.first { $0.scenario.name == name } }
}

public enum ScenarioForecasts {
    /// Fits every scenario that names the series. Series order is the caller's.
    public static func fit(_ series: MarketSeries, scenarios: [Scenario], horizon: Int,
                           level: Double) throws -> SeriesScenarios {
        var paths: [ScenarioPath] = []
        for scenario in scenarios {
            guard let assumptions = scenario.assumptions(for: series.id) else { continue }
            let forecast = try ScenarioFitter.forecast(series, assumptions: assumptions, scenario: scenario.name,
                                                       horizon: horizon, level: level)
            paths.append(ScenarioPath(scenario: scenario, forecast: forecast))
        }
        return SeriesScenarios(seriesID: series.id, paths: paths)
    }

    /// forecasts.csv: series,scenario,year,value,lower,upper,status. Series in the given
    /// order, scenarios in config order, years ascending; actual rows repeat under each
    /// scenario so that each scenario's path reads whole.
    public static func csv(_ table: [SeriesScenarios]) -> String {
        var lines = ["series,scenario,year,value,lower,upper,status"]
        for entry in table {
            for path in entry.paths {
                for point in path.forecast.points.sorted(by: { $0.year < $1.year }) {
                    lines.append(CSVWriter.line([
                        entry.seriesID, path.scenario.name, "\(point.year)", CSVWriter.number(point.value),
                        point.lower.map(CSVWriter.number) ?? "", point.upper.map(CSVWriter.number) ?? "",
                        point.isEstimate ? "estimate" : "actual",
                    ]))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

// Whether a series' forecast is long enough to be a headline. The one place the rule lives:
// the market-size page, key findings and the README all read it from here.
//
// The rule: a forecast is supported when the actuals it was made from number at least
// `minimumActuals` AND leave at least `minimumDegreesOfFreedom` degrees of freedom, i.e.
// actuals minus the parameters estimated from them. A fitted curve reports its own degrees
// of freedom (an exponential on three actuals: 3 − 2 = 1). A yearly method or `auto`
// (drift, damped trend, their log versions) estimates one level from the series and takes
// its interval width from the M1 and M3 reference errors rather than from its own residuals, so
// it is charged one parameter: three actuals leave two. With one degree of freedom a
// curve's residual variance rests on a single number and the Student-t quantile is 12.7 at
// 95%: the interval says nothing a reader could act on, and the point estimate even less.

public struct ForecastSupport: Sendable, Equatable {
    public static let minimumActuals = 3
    public static let minimumDegreesOfFreedom = 2

    /// The actuals the forecast was made from.
    public var actuals: Int
    /// Actuals minus estimated parameters (see above).
    public var degreesOfFreedom: Int

    public var isSupported: Bool {
        actuals >= Self.minimumActuals && degreesOfFreedom >= Self.minimumDegreesOfFreedom
    }

    public init(actuals: Int, degreesOfFreedom: Int) {
        self.actuals = actuals; self.degreesOfFreedom = degreesOfFreedom
    }

    /// The support of `forecast`: from its fit when a curve was fitted, otherwise from the
    /// actuals in its fit window (all actuals when the window is unknown) less one.
    public init(_ forecast: SeriesForecast) {
        let window = forecast.fit?.fitYears ?? forecast.fitYears
        let used = forecast.actuals.filter { window?.contains($0.year) ?? true }.count
        self.init(actuals: used, degreesOfFreedom: forecast.fit?.degreesOfFreedom ?? max(used - 1, 0))
    }
}

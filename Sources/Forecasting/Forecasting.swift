// Forecasting owns turning validated series into forecasts: the model spec (every model
// name, parsed in one place), the yearly methods and `auto`'s combination with intervals
// calibrated on out-of-sample errors, growth-curve fits through Numerics, scenarios, the
// backtest, the industry penetration index, and revisions between runs.
// Map of the targets, the data flow and the extension points: docs/architecture.md.

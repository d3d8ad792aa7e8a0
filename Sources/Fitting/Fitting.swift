// Fitting owns `marketcast fit` as a library call: one column of a CSV file against a year
// or predictor column, one model (`auto` or a yearly method, a growth curve, `curves` for
// the ranked catalog, or a formula), fitted through Forecasting and Numerics into estimates
// with their uncertainty, forecasts and an optional residual bootstrap, returned as the
// table people read and the JSON document scripts read (`Fit.run`). The command line only
// parses options into a FitRequest and prints the result.
// Map of the targets, the data flow and the extension points: docs/architecture.md.

// Forecasting owns turning validated series into forecasts: the growth model chosen for
// a series, its fit through Numerics, forecast years with intervals, scenarios, the
// industry penetration index, and revisions between runs.

#!/usr/bin/env python3
"""Independent reference for the exponential-smoothing fits (scipy, not marketcast's code).

Fits SES, the Theta method and the additive damped trend to a few series by minimising the
sum of squared one-step errors with scipy (bounded Brent for SES, L-BFGS-B from a grid of
starts for the damped trend, same parameterisation and bounds as marketcast's
DampedTrend.swift), and writes Tests/Fixtures/forecasting/smoothing-oracle.csv:
series,method,sse,h1..h6. The Swift test asserts marketcast's fit reaches a sum of
squares no worse than scipy's (to 1e-6 relative) and forecasts within 1e-3 relative.
"""
import csv, sys
import numpy as np
from scipy.optimize import minimize, minimize_scalar

SERIES = {
    "china-ai-market-size": [2633, 3031, 4305, 5080, 5298, 7470],
    "YAF2": None, "YAM19": None, "YAI1": None,
}


def m1(name):
    rows = [r for r in csv.DictReader(open("reference/m1-yearly/train.csv")) if r["series"] == name]
    return [float(r["value"]) for r in rows]


def ses_sse(y, a):
    l, s = y[0], 0.0
    for t in range(1, len(y)):
        e = y[t] - l; s += e * e; l += a * e
    return s, l


def ses(y):
    r = minimize_scalar(lambda a: ses_sse(y, a)[0], bounds=(1e-4, 0.9999), method="bounded",
                        options={"xatol": 1e-10})
    return r.x, *ses_sse(y, r.x)


def theta(y, h=6):
    a, sse, l = ses(y)
    n = len(y); t = np.arange(1, n + 1); b = np.polyfit(t, y, 1)[0]
    return sse, [l + b / 2 * (k - 1 + 1 / a - (1 - a) ** n / a) for k in range(1, h + 1)]


def damped_run(y, p):
    a, b, phi = p; l, tr, s = y[0], y[1] - y[0], 0.0
    for t in range(1, len(y)):
        f = l + phi * tr; e = y[t] - f; s += e * e
        l = f + a * e; tr = phi * tr + a * b * e
    return s, l, tr


def damped(y, h=6):
    best = None
    for a0 in np.linspace(0.05, 0.95, 7):
        for b0 in np.linspace(0.05, 0.95, 7):
            for p0 in (0.82, 0.9, 0.97):
                r = minimize(lambda p: damped_run(y, p)[0], [a0, b0, p0], method="L-BFGS-B",
                             bounds=[(1e-4, 0.9999), (1e-4, 0.9999), (0.8, 0.98)],
                             options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 2000})
                if best is None or r.fun < best.fun: best = r
    s, l, tr = damped_run(y, best.x); phi = best.x[2]
    return s, [l + tr * sum(phi ** j for j in range(1, k + 1)) for k in range(1, h + 1)]


if __name__ == "__main__":
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["series", "method", "sse", "h1", "h2", "h3", "h4", "h5", "h6"])
    for name, values in SERIES.items():
        y = np.array(values if values else m1(name), dtype=float)
        a, sse, l = ses(y)
        out.writerow([name, "ses", repr(float(sse))] + [repr(float(l))] * 6)
        sse, f = theta(y); out.writerow([name, "theta", repr(float(sse))] + [repr(float(v)) for v in f])
        sse, f = damped(y); out.writerow([name, "damped", repr(float(sse))] + [repr(float(v)) for v in f])

"""scipy side of benchmark (2): a logistic fit of 7 annual points followed by a
10,000-resample residual bootstrap (percentile intervals for 2025–2030), the same job as
`marketcast fit --model logistic --bootstrap 10000`. Timed as a whole process by run.py.

usage: python3 bootstrap_scipy.py DATA.csv [resamples] [seed]
"""
import csv
import sys
import warnings

import numpy as np
from scipy.optimize import curve_fit


def logistic(x, K, r, t0):
    return K / (1 + np.exp(-r * (x - t0)))


def main():
    path = sys.argv[1]
    resamples = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    x = np.array([float(r["year"]) for r in rows])
    y = np.array([float(r["value"]) for r in rows])
    warnings.simplefilter("ignore")
    # Self-start like marketcast: ceiling a little above the data, midpoint at steepest growth.
    k0 = 1.5 * y.max()
    i = int(np.argmax(np.diff(y)))
    p0 = [k0, 4 * (y[i + 1] - y[i]) / k0, (x[i] + x[i + 1]) / 2]
    p, _ = curve_fit(logistic, x, y, p0=p0, method="lm", maxfev=10000)
    fitted = logistic(x, *p)
    resid = y - fitted
    resid = (resid - resid.mean()) * np.sqrt(len(x) / (len(x) - 3))
    years = np.arange(2025, 2031, dtype=float)
    rng = np.random.default_rng(seed)
    curves = []
    for _ in range(resamples):
        ystar = fitted + rng.choice(resid, size=len(x), replace=True)
        try:
            pb, _ = curve_fit(logistic, x, ystar, p0=p, method="lm", maxfev=2000)
        except RuntimeError:
            continue
        curves.append(logistic(years, *pb))
    curves = np.array(curves)
    lo, hi = np.percentile(curves, [2.5, 97.5], axis=0)
    for yr, a, b in zip(years, lo, hi):
        print(f"{int(yr)} {a:.1f} {b:.1f}")
    print(f"{len(curves)} of {resamples} refits converged")


if __name__ == "__main__":
    main()

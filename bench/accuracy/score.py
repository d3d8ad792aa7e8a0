#!/usr/bin/env python3
"""Scores a forecasts CSV (series,year,value,lower,upper,...) against held-out actuals.

The M4 competition's definitions, as in reference/m1-yearly/README.md: sMAPE, MASE (scale:
mean absolute first difference of the training years), 95% coverage per horizon, MSIS
(level 0.95), and the count of lower ends at or below zero for series whose training values
are all positive. Every series and horizon 1..H counts; a series without a forecast is scored
as the naive (last value) forecast with a zero-width interval and counted as a failure.
Standard library only.
"""
import csv
import sys
from collections import defaultdict


def read_long(path, value="value"):
    out = defaultdict(list)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            out[row["series"]].append((int(row["year"]), float(row[value])))
    return {k: sorted(v) for k, v in out.items()}


def read_forecasts(path):
    out = defaultdict(dict)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            def num(k):
                return float(row[k]) if row.get(k, "") != "" else float("nan")
            out[row["series"]][int(row["year"])] = (num("value"), num("lower"), num("upper"))
    return out


def score(train_path, test_path, forecasts_path, alpha=0.05):
    train = read_long(train_path)
    test = read_long(test_path)
    fc = read_forecasts(forecasts_path)
    H = max(len(v) for v in test.values())
    smape, mase, msis = [], [], []
    cover = defaultdict(list)
    failures = 0
    lower_nonpositive = 0
    for s, actual in test.items():
        history = [v for _, v in train[s]]
        scale = sum(abs(b - a) for a, b in zip(history, history[1:])) / (len(history) - 1)
        got = fc.get(s)
        if got is None or any(y not in got for y, _ in actual):
            failures += 1
            got = {y: (history[-1], history[-1], history[-1]) for y, _ in actual}
        for h, (year, a) in enumerate(actual, start=1):
            f, lo, hi = got[year]
            smape.append(200 * abs(f - a) / (abs(f) + abs(a)) if (abs(f) + abs(a)) > 0 else 0)
            mase.append(abs(f - a) / scale)
            cover[h].append(lo <= a <= hi)
            penalty = (hi - lo) + 2 / alpha * (lo - a) * (a < lo) + 2 / alpha * (a - hi) * (a > hi)
            msis.append(penalty / scale)
            if all(v > 0 for v in history) and lo <= 0:
                lower_nonpositive += 1
    mean = lambda xs: sum(xs) / len(xs)
    return {
        "series": len(test),
        "failures": failures,
        "smape": mean(smape),
        "mase": mean(mase),
        "coverage": mean([c for h in cover for c in cover[h]]),
        "coverage_by_h": [mean(cover[h]) for h in sorted(cover)],
        "msis": mean(msis),
        "lower_nonpositive": lower_nonpositive,
        "points": len(smape),
    }


if __name__ == "__main__":
    r = score(*sys.argv[1:4])
    print(f"sMAPE {r['smape']:.2f}  MASE {r['mase']:.3f}  coverage {100*r['coverage']:.1f}%  "
          f"by h {' '.join(f'{100*c:.1f}' for c in r['coverage_by_h'])}  MSIS {r['msis']:.1f}  "
          f"lower ends <= 0 {r['lower_nonpositive']}  failures {r['failures']}")

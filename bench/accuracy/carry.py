#!/usr/bin/env python3
"""Does the interval calibration carry between sets? Learns `auto`'s quantiles (additive
above the forecast, relative below it, as Forecasting/Yearly/ConformalInterval.swift) on the
cross-validation windows of one set, or both, and measures 95% coverage by horizon, MSIS and
lower ends ≤ 0 on each set's test years.

Reads the CSV of `marketcast-bench members` (see choose_pool.py), whose windows are the last
eight origins of each series (the shipped table uses every origin): a check of the method,
not a reproduction of the shipped table. Needs numpy.

    python3 bench/accuracy/carry.py bench/out/members.csv
"""
import sys

import numpy as np

from choose_pool import load

POOL = ["naive", "ses", "drift", "damped", "drift-log", "theta-log"]
P = 0.025


def weighted_quantile(values, weights, p):
    order = np.argsort(values)
    v, w = values[order], weights[order]
    cumulative = np.cumsum(w)
    return np.interp(p, (cumulative - w / 2) / cumulative[-1], v)


def main(path):
    D, _ = load(path)
    F = np.stack([D[m] for m in POOL], 1)
    S = np.sort(F, 1)
    c = np.sum(~np.isnan(F), 1)
    i = np.arange(len(F))
    f = (S[i, (c - 1) // 2] + S[i, c // 2]) / 2
    a, scale, h = D["actual"], D["scale"], D["h"].astype(int)
    relative_scale = scale / np.abs(f)
    key = np.char.add(D["set"], D["series"])

    def learn(mask, errors, p):
        out = {}
        for horizon in range(1, 7):
            m = mask & (h == horizon) & np.isfinite(errors)
            keys = key[m]
            _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
            w = 1.0 / counts[inverse]
            for s in ("m1", "m3"):
                in_set = D["set"][m] == s
                if in_set.any():
                    w[in_set] /= len(np.unique(keys[in_set]))
            out[horizon] = weighted_quantile(errors[m], w, p)
        return out

    for source in ("m1", "m3", "both"):
        cal = (D["kind"] == "cv") & ((D["set"] == source) if source != "both" else True)
        upper_q = learn(cal, (a - f) / scale, 1 - P)
        lower_q = learn(cal, np.log(a / f) / relative_scale, P)
        lower = f * np.exp(np.minimum([lower_q[x] for x in h], 0) * relative_scale)
        upper = f + np.maximum([upper_q[x] for x in h], 0) * scale
        for s in ("m1", "m3"):
            m = (D["set"] == s) & (D["kind"] == "test") & (D["cut"] == 0)
            L, U, A, sc, H = lower[m], upper[m], a[m], scale[m], h[m]
            coverage = [100 * np.mean((A[H == x] >= L[H == x]) & (A[H == x] <= U[H == x])) for x in range(1, 7)]
            msis = np.mean(((U - L) + 40 * (L - A) * (A < L) + 40 * (A - U) * (A > U)) / sc)
            print(f"learned on {source:<4} scored on {s}: coverage by h {' '.join(f'{x:.1f}' for x in coverage)}  "
                  f"MSIS {msis:.1f}  lower ends <= 0: {int(np.sum(L <= 0))}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/out/members.csv")

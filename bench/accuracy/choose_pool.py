#!/usr/bin/env python3
"""How `auto`'s pool and aggregation were chosen: cross-validation over the training years of
M1 and M3 together, never their test years.

Input: the CSV `marketcast-bench members` writes (every yearly method's forecasts on
every window: rolling origins inside each series' training years, the history in full and
cut to its last 5–8 values, and the test window for scoring only):

    swift build -c release --product marketcast-bench
    .build/release/marketcast-bench members --set m1=reference/m1-yearly \\
        --set m3=reference/m3-yearly --out bench/out/members.csv
    python3 bench/accuracy/choose_pool.py bench/out/members.csv

Candidates: every subset of the methods (two or more), aggregated by the median or the
trimmed mean (the largest and smallest dropped), with or without a guard: three growth
guards drop the log-scale members when recent growth is unstable (two of the last three
yearly changes are falls; the spread of the yearly log changes exceeds their mean; the last
three log changes differ from the mean by more than that spread), and the steady guard
drops the members without trend (naive, ses) when growth is steady (the mean yearly log
change exceeds its spread: `YearlyForecaster.growsSteadily`).

Objective: the mean over M1 and M3 of sMAPE on the cross-validation windows whose six
horizons all lie inside the training years (each series weighted equally within its set,
full and cut windows together). The table shows each candidate's score by set and window
kind, so a win on one set that loses on the other is visible, and then its test sMAPE,
which took no part in the choice. Needs numpy.
"""
import csv
import itertools
import sys

import numpy as np


def load(path):
    with open(path) as fh:
        reader = csv.reader(fh)
        head = next(reader)
        rows = list(reader)
    col = {h: i for i, h in enumerate(head)}
    data = {h: np.array([r[col[h]] for r in rows]) for h in ("set", "series", "kind")}
    for h in head[3:]:
        data[h] = np.array([float(r[col[h]]) for r in rows])
    return data, head[head.index("auto") + 1:]


def main(path):
    D, methods = load(path)
    M = np.stack([D[m] for m in methods], 1)
    actual = D["actual"]
    log_member = np.array(["-log" in m for m in methods])
    level_member = np.array([m in ("naive", "ses") for m in methods])
    key = np.char.add(D["set"], D["series"])
    ids, inv = np.unique(key, return_inverse=True)
    train_length = {k: o for k, kind, o in zip(key, D["kind"], D["origin"]) if kind == "test"}
    complete = np.array([o <= train_length[k] - 6 for k, o in zip(key, D["origin"])])

    def per_series_mean(score, mask):
        total = np.bincount(inv[mask], score[mask], minlength=len(ids))
        count = np.bincount(inv[mask], minlength=len(ids))
        return (total[count > 0] / count[count > 0]).mean()

    masks = {}
    for s in ("m1", "m3"):
        cv = (D["set"] == s) & (D["kind"] == "cv") & complete
        masks[s, "cv"] = cv
        masks[s, "full"] = cv & (D["cut"] == 0)
        masks[s, "cut"] = cv & (D["cut"] > 0)
        masks[s, "test"] = (D["set"] == s) & (D["kind"] == "test") & (D["cut"] == 0)

    def smape(f):
        return 200 * np.abs(f - actual) / (np.abs(f) + np.abs(actual))

    def aggregate(F, how):
        S = np.sort(F, 1)
        c = np.sum(~np.isnan(F), 1)
        i = np.arange(len(F))
        if how == "median":
            return (S[i, (c - 1) // 2] + S[i, c // 2]) / 2
        out = np.empty(len(F))
        for k in np.unique(c):
            r = c == k
            out[r] = S[r][:, 1:k - 1].mean(1) if k >= 4 else S[r][:, 1] if k == 3 else S[r][:, :k].mean(1)
        return out

    guards = {
        "none": np.zeros(len(actual), bool),
        "falls": D["dec3"] >= 2,
        "noisy": D["lgsd"] > np.abs(D["lgmean"]),
        "off-trend": np.abs(D["lglast3"] - D["lgmean"]) > D["lgsd"],
        "steady": D["lgmean"] > D["lgsd"],
    }

    def scores(f):
        e = smape(f)
        r = {}
        for s in ("m1", "m3"):
            for w in ("cv", "full", "cut"):
                r[s, w] = per_series_mean(e, masks[s, w])
            r[s, "test"] = e[masks[s, "test"]].mean()
        r["objective"] = (r["m1", "cv"] + r["m3", "cv"]) / 2
        return r

    results = []
    for i, m in enumerate(methods):
        results.append((m, "none", "single", scores(M[:, i])))
    for k in range(2, len(methods) + 1):
        for sub in map(list, itertools.combinations(range(len(methods)), k)):
            mixed = log_member[sub].any() and (~log_member[sub]).any()
            leveled = level_member[sub].any() and (~level_member[sub]).any()
            for guard, g in guards.items():
                dropped = level_member[sub] if guard == "steady" else log_member[sub]
                if guard != "none" and not (leveled if guard == "steady" else mixed):
                    continue
                F = M[:, sub].copy()
                if guard != "none":
                    F[np.ix_(g, np.where(dropped)[0])] = np.nan
                for how in (["median", "trimmed"] if k >= 4 else ["median"]):
                    name = "+".join(methods[j] for j in sub)
                    results.append((name, guard, how, scores(aggregate(F, how))))
    results.sort(key=lambda r: r[3]["objective"])

    header = (f"{'rank':>4}  {'pool':<52} {'guard':<9} {'aggregation':<11} {'objective':>9}  "
              f"{'M1 cv':>6} {'full':>6} {'cut':>6}  {'M3 cv':>6} {'full':>6} {'cut':>6}  "
              f"{'M1 test':>7} {'M3 test':>7}")

    def line(rank, r):
        name, guard, how, s = r
        return (f"{rank:>4}  {name:<52} {guard:<9} {how:<11} {s['objective']:>9.3f}  "
                f"{s['m1', 'cv']:>6.2f} {s['m1', 'full']:>6.2f} {s['m1', 'cut']:>6.2f}  "
                f"{s['m3', 'cv']:>6.2f} {s['m3', 'full']:>6.2f} {s['m3', 'cut']:>6.2f}  "
                f"{s['m1', 'test']:>7.2f} {s['m3', 'test']:>7.2f}")

    print(f"{len(results)} candidates; sMAPE on cross-validation windows (training years only) by set and "
          "window kind; the test columns took no part in the choice.\n")
    print(header)
    for rank, r in enumerate(results[:20], 1):
        print(line(rank, r))
    print("\nSingle methods and the previous pool, for comparison:")
    print(header)
    for rank, r in enumerate(results, 1):
        if r[2] == "single" or (r[0] == "drift+damped+drift-log+damped-log" and r[1] == "none" and r[2] == "median"):
            print(line(rank, r))
    print("\nThe best candidate with each guard:")
    print(header)
    for guard in guards:
        rank, r = next((i, r) for i, r in enumerate(results, 1) if r[1] == guard)
        print(line(rank, r))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/out/members.csv")

#!/usr/bin/env python3
"""Forecast accuracy and speed on the M1 yearly series (reference/m1-yearly).

For `auto` and every yearly method (and the linear and exponential curves, for reference)
runs `marketcast forecast train.csv --horizon 6 --model M`, scores the forecasts on the
test years with score.py (sMAPE, MASE, 95% coverage per horizon, MSIS), prints them next
to the anchors' measured figures and checks auto's goals (exit 1 when one is missed).
Then times `marketcast forecast` on M1 as a user runs it (default model, intervals
included), whole process, against R's forecast::ets() over the same series when Rscript
and the forecast package are installed (`make bench` installs them).

usage: python3 bench/accuracy/run.py [--marketcast PATH] [--runs 7]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from score import score  # noqa: E402

TRAIN = os.path.join(REPO, "reference", "m1-yearly", "train.csv")
TEST = os.path.join(REPO, "reference", "m1-yearly", "test.csv")
MODELS = ["auto", "naive", "drift", "ses", "theta", "damped", "drift-log", "theta-log", "damped-log",
          "linear", "exponential"]
# Measured by the authors (R forecast 8.20, statsforecast 2.1.1, Prophet 1.5.0),
# same data and scores: sMAPE, mean 95% coverage, MSIS.
ANCHORS = [
    ("R rwf(drift=TRUE)", 16.66, 71.6, 61.3),
    ("R auto.arima", 17.23, 70.4, 62.6),
    ("R ets(damped=TRUE)", 17.72, 72.4, 52.8),
    ("statsforecast AutoTheta", 17.65, 55.2, 79.1),
    ("R mean of ets, auto.arima, thetaf", 18.11, 72.5, 57.6),
    ("Prophet (defaults)", 19.76, 42.3, 100.1),
]


def timed(command, runs):
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--marketcast", default=os.path.join(REPO, ".build", "release", "marketcast"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="marketcast-accuracy-")
    rows = []
    for model in MODELS:
        out = os.path.join(tmp, f"{model}.csv")
        subprocess.run([args.marketcast, "forecast", TRAIN, "--horizon", "6", "--model", model, "--quiet",
                        "--out", out], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rows.append((model, score(TRAIN, TEST, out) if os.path.exists(out) else None))
    lines = ["| model | sMAPE | MASE | 95% coverage | by horizon 1–6 | MSIS | failures |", "|-|-|-|-|-|-|-|"]
    for model, r in rows:
        if r is None:
            lines.append(f"| marketcast {model} | no output | | | | | |")
            continue
        by_h = " ".join(f"{100 * c:.1f}" for c in r["coverage_by_h"])
        lines.append(f"| marketcast {model} | {r['smape']:.2f} | {r['mase']:.3f} | {100 * r['coverage']:.1f}% | "
                     f"{by_h} | {r['msis']:.1f} | {r['failures']} |")
    for name, smape, coverage, msis in ANCHORS:
        lines.append(f"| {name} (anchor, measured figure) | {smape:.2f} | | {coverage:.1f}% | | {msis:.1f} | |")
    print("M1 yearly, 181 series, horizons 1–6 (test years unseen by the calibration)")
    print("\n".join(lines))
    os.makedirs(os.path.join(REPO, "bench", "out"), exist_ok=True)
    with open(os.path.join(REPO, "bench", "out", "accuracy.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    auto = dict(rows)["auto"]
    goals = [
        ("auto sMAPE ≤ 16.5", auto is not None and auto["smape"] <= 16.5),
        ("auto 95% coverage within 90–98% at every horizon",
         auto is not None and all(0.90 <= c <= 0.98 for c in auto["coverage_by_h"])),
        ("auto MSIS ≤ 50", auto is not None and auto["msis"] <= 50),
        ("no failures", auto is not None and auto["failures"] == 0),
    ]
    for text, met in goals:
        print(f"goal: {text}: {'met' if met else 'MISSED'}")

    ours = timed([args.marketcast, "forecast", TRAIN, "--horizon", "6", "--quiet", "--out", os.devnull], args.runs)
    print(f"\nspeed, whole process, median of {args.runs} runs (min–max): marketcast forecast (auto, intervals) "
          f"{ours[0]:.3f} s ({ours[1]:.3f}–{ours[2]:.3f})")
    rscript = shutil.which("Rscript")
    has_forecast = rscript and subprocess.run([rscript, "-e", "library(forecast)"], capture_output=True).returncode == 0
    if has_forecast:
        out = os.path.join(tmp, "ets.csv")
        command = [rscript, os.path.join(HERE, "ets_m1.R"), TRAIN, out]
        theirs = timed(command, max(3, args.runs // 2))
        r = score(TRAIN, TEST, out)
        print(f"R forecast::ets() (defaults) over the same series: {theirs[0]:.3f} s ({theirs[1]:.3f}–{theirs[2]:.3f}); "
              f"ratio R/marketcast {theirs[0] / ours[0]:.1f}× (goal ≥ 5×)")
        print(f"R ets scored here: sMAPE {r['smape']:.2f}, coverage {100 * r['coverage']:.1f}%, MSIS {r['msis']:.1f}")
    else:
        print("R with the forecast package is not installed: the R comparison is skipped (make bench installs it)")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if all(met for _, met in goals) else 1


if __name__ == "__main__":
    sys.exit(main())

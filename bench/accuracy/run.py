#!/usr/bin/env python3
"""`make bench`, accuracy part: forecast accuracy on the M1 and M3 yearly series
(reference/m1-yearly, reference/m3-yearly) and speed on M1 (bench/accuracy/README.md says
what is measured and why).

Accuracy: for each set, for `auto`, every yearly method and the linear and exponential
curves (for reference), runs `marketcast forecast train.csv --horizon 6 --model M --quiet
--out F`, scores F on the test years with score.py (sMAPE, MASE, 95% coverage mean and per
horizon, MSIS, lower ends ≤ 0 on all-positive series, failures), prints one table, then the
anchors' figures (measured by the issue's authors, quoted, not rerun) and auto's goals on
that set. Writes the tables as Markdown to bench/out/accuracy.md.

Speed: `marketcast forecast train.csv --horizon 6 --quiet` (default model auto, intervals
included: what a user runs), whole process, median of --runs runs after a warm-up, against
`Rscript ets_m1.R` (forecast::ets() with its defaults on every series, h = 6, 95%
intervals), timed the same way; the ratio R/marketcast is printed beside its goal. R's
forecasts are scored too, with two more R runs that check the anchors' ets(damped = TRUE)
and rwf(drift = TRUE) figures. Without Rscript and the forecast package the R part is
skipped (`make bench-deps` installs them).

The timed run writes its CSV to a temporary file, not to /dev/null: `--out` replaces the
file it is given by renaming a temporary file onto it, and as root that turns /dev/null
into a regular file.

Exit status 1 when a goal is missed (auto's three accuracy goals; the speed goal when R
ran), so a regression shows in `make bench`.

usage: python3 bench/accuracy/run.py [--marketcast PATH] [--runs 7] [--skip-r]
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
M3_TRAIN = os.path.join(REPO, "reference", "m3-yearly", "train.csv")
M3_TEST = os.path.join(REPO, "reference", "m3-yearly", "test.csv")
HORIZON = 6
MODELS = ["auto", "naive", "drift", "ses", "theta", "damped", "drift-log", "theta-log", "damped-log",
          "linear", "exponential"]
PROVENANCE = ("measured by the issue's authors with R forecast 8.20, statsforecast 2.1.1, Prophet 1.5.0, "
              "same data and scores")
# (name, sMAPE, mean 95% coverage in %, MSIS): quoted, not rerun here.
M1_ANCHORS = [
    ("R rwf(drift=TRUE)", 16.66, 71.6, 61.3),
    ("R auto.arima", 17.23, 70.4, 62.6),
    ("R ets(damped=TRUE)", 17.72, 72.4, 52.8),
    ("statsforecast AutoTheta", 17.65, 55.2, 79.1),
    ("R mean of ets, auto.arima, thetaf", 18.11, 72.5, 57.6),
    ("Prophet (defaults)", 19.76, 42.3, 100.1),
]
M3_ANCHORS = [
    ("R mean of ets, auto.arima, thetaf", 16.03, 85.6, 27.2),
    ("statsforecast AutoETS", 16.19, 83.6, 28.7),
    ("statsforecast AutoTheta", 16.62, 73.1, 38.7),
    ("R thetaf", 16.76, 84.3, 31.2),
    ("R rwf(drift=TRUE)", 16.79, 81.5, 31.9),
    ("R ets(damped=TRUE)", 16.99, 83.8, 30.8),
    ("R naive", 17.88, 78.5, 40.0),
    ("Prophet (defaults)", 21.91, 49.4, 68.7),
]
# Issue 18's goals for auto, by set: sMAPE at most, MSIS at most (below every anchor's).
SETS = [
    ("M1", "M1 yearly, 181 series", TRAIN, TEST, M1_ANCHORS, 15.7, 52.8),
    ("M3", "M3 yearly, 645 series", M3_TRAIN, M3_TEST, M3_ANCHORS, 15.9, 24.0),
]
COVERAGE_GOAL = (0.90, 0.98)
SPEED_GOAL = 5.0
HEADER = ["model", "sMAPE", "MASE", "95% coverage (mean)", "coverage at h=1..6", "MSIS", "lower ≤ 0",
          "failures"]


def score_row(name, path, note="", train=TRAIN, test=TEST):
    """One table row: the scores of the forecasts in `path`, or a row saying there are none."""
    if not os.path.exists(path):
        return [name, "no output" + (f" ({note})" if note else ""), "", "", "", "", "", ""]
    r = score(train, test, path)
    failures = str(r["failures"]) + (f" ({note})" if note else "")
    return [name, f"{r['smape']:.2f}", f"{r['mase']:.3f}", f"{100 * r['coverage']:.1f}%",
            " ".join(f"{100 * c:.1f}" for c in r["coverage_by_h"]), f"{r['msis']:.1f}",
            f"{r['lower_nonpositive']}/{r['points']}", failures]


def text_table(header, rows):
    widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]
    line = lambda row: "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                                 for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
    return "\n".join([line(header), "  ".join("-" * w for w in widths)] + [line(row) for row in rows])


def markdown_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("-" for _ in header) + "|"]
    return "\n".join(out + ["| " + " | ".join(row) + " |" for row in rows])


def timed(command, runs):
    """Median, min and max wall time of `runs` runs of `command` after one warm-up run, or
    None with the failing exit status when a run fails."""
    times = []
    for run in range(runs + 1):
        start = time.perf_counter()
        status = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        seconds = time.perf_counter() - start
        if status != 0:
            return None, status
        if run > 0:
            times.append(seconds)
    return (statistics.median(times), min(times), max(times)), 0


def forecast_all(marketcast, folder, train=TRAIN, test=TEST, tag="m1"):
    """Runs every model; returns the table rows and auto's scores (None without output)."""
    rows, auto = [], None
    for model in MODELS:
        out = os.path.join(folder, f"{tag}-{model}.csv")
        result = subprocess.run([marketcast, "forecast", train, "--horizon", str(HORIZON), "--model", model,
                                 "--quiet", "--out", out], capture_output=True, text=True)
        note = ""
        if result.returncode != 0:
            first = (result.stderr.strip().splitlines() or [""])[0]
            note = f"exit {result.returncode}" + (f": {first}" if first else "")
        rows.append(score_row(f"marketcast {model}", out, note, train, test))
        if model == "auto" and os.path.exists(out):
            auto = score(train, test, out)
    return rows, auto


def r_with_forecast():
    rscript = shutil.which("Rscript")
    if rscript is None:
        return None
    check = subprocess.run([rscript, "-e", "suppressMessages(library(forecast))"], capture_output=True)
    return rscript if check.returncode == 0 else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--marketcast", default=os.path.join(REPO, ".build", "release", "marketcast"))
    parser.add_argument("--runs", type=int, default=7, help="timed runs after one warm-up (median reported)")
    parser.add_argument("--skip-r", action="store_true", help="leave out the R comparison")
    args = parser.parse_args()
    if not os.path.isfile(args.marketcast):
        sys.exit(f"{args.marketcast} not found: run `swift build -c release` first (make bench does)")

    work = tempfile.mkdtemp(prefix="marketcast-accuracy-")
    markdown = []
    try:
        goals = []
        for tag, title, train, test, anchors, smape_goal, msis_goal in SETS:
            rows, auto = forecast_all(args.marketcast, work, train, test, tag.lower())
            title = f"{title}, h = 1..{HORIZON}, scored on test.csv (unseen by auto's choice and calibration)"
            print(title)
            print(text_table(HEADER, rows))
            markdown += [f"## {title}", "", markdown_table(HEADER, rows), ""]

            anchor_header = ["anchor (measured figure)", "sMAPE", "95% coverage (mean)", "MSIS"]
            anchor_rows = [[name, f"{s:.2f}", f"{c:.1f}%", f"{m:.1f}"] for name, s, c, m in anchors]
            print(f"\nAnchors on {tag}, {PROVENANCE} (quoted, not rerun here):")
            print(text_table(anchor_header, anchor_rows))
            markdown += [f"Anchors on {tag}, {PROVENANCE} (quoted, not rerun here):", "",
                         markdown_table(anchor_header, anchor_rows), ""]

            set_goals = [
                (f"{tag}: auto sMAPE ≤ {smape_goal}", auto is not None and auto["smape"] <= smape_goal,
                 f"{auto['smape']:.2f}" if auto else "no output"),
                (f"{tag}: auto 95% coverage within {100 * COVERAGE_GOAL[0]:.0f}–{100 * COVERAGE_GOAL[1]:.0f}% "
                 f"at every horizon 1–{HORIZON}",
                 auto is not None and all(COVERAGE_GOAL[0] <= c <= COVERAGE_GOAL[1] for c in auto["coverage_by_h"]),
                 " ".join(f"{100 * c:.1f}" for c in auto["coverage_by_h"]) if auto else "no output"),
                (f"{tag}: auto MSIS ≤ {msis_goal} (below every anchor's)", auto is not None and auto["msis"] <= msis_goal,
                 f"{auto['msis']:.1f}" if auto else "no output"),
                (f"{tag}: no lower end ≤ 0 on an all-positive series", auto is not None and auto["lower_nonpositive"] == 0,
                 f"{auto['lower_nonpositive']}" if auto else "no output"),
            ]
            goals += set_goals
            print(f"\nGoals on {tag}:")
            markdown += [f"Goals on {tag}:", ""]
            for text, met, value in set_goals:
                line = f"{text}: {value}: {'met' if met else 'MISSED'}"
                print(f"  {line}")
                markdown.append(f"- {line}")
            markdown.append("")
            if auto is not None and auto["failures"]:
                print(f"  note: auto left {auto['failures']} series without a forecast (scored as naive)")
            print()

        # Speed: whole process against whole process, as a user runs each.
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"\nSpeed, whole process, median of {args.runs} runs after a warm-up (min–max); "
              f"{os.cpu_count()} cores, load average {load}:")
        markdown += [f"Speed, whole process, median of {args.runs} runs after a warm-up (min–max); "
                     f"{os.cpu_count()} cores, load average {load}:", ""]
        ours, status = timed([args.marketcast, "forecast", TRAIN, "--horizon", str(HORIZON), "--quiet",
                              "--out", os.path.join(work, "timed.csv")], args.runs)
        if ours is None:
            print(f"  marketcast forecast exited with {status}: not timed")
            goals.append(("speed", False, f"marketcast exited with {status}"))
        else:
            line = f"marketcast forecast (auto, 95% intervals): {ours[0]:.3f} s ({ours[1]:.3f}–{ours[2]:.3f})"
            print(f"  {line}")
            markdown.append(f"- {line}")
        rscript = None if args.skip_r else r_with_forecast()
        if rscript is None:
            reason = "--skip-r" if args.skip_r else ("Rscript with the forecast package is not installed; "
                                                   "`make bench-deps` installs r-base-core and r-cran-forecast")
            print(f"  R comparison skipped ({reason})")
            markdown.append(f"- R comparison skipped ({reason})")
        else:
            script = os.path.join(HERE, "ets_m1.R")
            ets_out = os.path.join(work, "ets.csv")
            theirs, status = timed([rscript, script, TRAIN, ets_out], args.runs)
            if theirs is None:
                print(f"  Rscript ets_m1.R exited with {status}: not timed")
                goals.append(("speed", False, f"Rscript exited with {status}"))
            else:
                line = f"Rscript ets_m1.R (forecast::ets() defaults, 95% intervals): {theirs[0]:.3f} s " \
                       f"({theirs[1]:.3f}–{theirs[2]:.3f})"
                print(f"  {line}")
                markdown.append(f"- {line}")
                if ours is not None:
                    ratio = theirs[0] / ours[0]
                    met = ratio >= SPEED_GOAL
                    goals.append((f"R/marketcast ≥ {SPEED_GOAL:.0f}×", met, f"{ratio:.1f}×"))
                    line = f"ratio R/marketcast: {ratio:.1f}× (goal ≥ {SPEED_GOAL:.0f}×: {'met' if met else 'MISSED'})"
                    print(f"  {line}")
                    markdown.append(f"- {line}")
            # R's forecasts scored here, and the two anchors the R script can rerun.
            r_rows = [score_row("R ets() (defaults), scored here", ets_out)]
            for method, name in [("ets-damped", "R ets(damped=TRUE), rerun here"),
                                 ("rwf-drift", "R rwf(drift=TRUE), rerun here")]:
                out = os.path.join(work, f"{method}.csv")
                result = subprocess.run([rscript, script, TRAIN, out, method], capture_output=True, text=True)
                r_rows.append(score_row(name, out, "" if result.returncode == 0 else f"exit {result.returncode}"))
            print("\nR's forecasts, same scores (independent check of the anchors):")
            print(text_table(HEADER, r_rows))
            markdown += ["", "R's forecasts, same scores (independent check of the anchors):", "",
                         markdown_table(HEADER, r_rows)]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    os.makedirs(os.path.join(REPO, "bench", "out"), exist_ok=True)
    with open(os.path.join(REPO, "bench", "out", "accuracy.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(markdown) + "\n")
    missed = [text for text, met, _ in goals if not met]
    if missed:
        print(f"\ngoals missed: {'; '.join(missed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Every member of `auto` against statsforecast (an independent implementation).

    python3 bench/accuracy/oracle_statsforecast.py [--marketcast .build/release/marketcast] \
        > Tests/Fixtures/forecasting/statsforecast-members.csv

Run from the repository root; needs statsforecast (2.0.1 made the committed fixture). The
Swift test (StatsforecastOracleTests) reads the fixture and needs no Python.

Each row is one statsforecast computation on one series, h = 1..6 ahead:

  kind `fit`: statsforecast fits the model itself. Rows for the methods whose model,
    objective and initial state are marketcast's: naive (`Naive`), drift
    (`RandomWalkWithDrift`), drift-log (the same on log y, exponentiated) and ses
    (`SimpleExponentialSmoothingOptimized`: level starts at y1, alpha by least squares on
    the one-step errors, like ours, but alpha in [0.01, 0.99] by bounded Brent with its
    default tolerance). `alpha` is statsforecast's fitted alpha.
  kind `path`: statsforecast's own recursion run at given parameters and initial state,
    for the members whose estimation differs from statsforecast's by design (theta,
    theta-log, damped, damped-log; see docs/methods.md). The columns hold what was given:
      theta(-log): `alpha` = statsforecast's SES alpha (what our Theta smooths with) and
        `l0` = y1 - (A + B)/2, where A + B is the least-squares line at t = 1: the initial
        state at which statsforecast's Standard Theta Model (theta = 2, Fiorucci et al.
        2016) is the Hyndman-Billah form marketcast implements (derivation in
        docs/methods.md); run through statsforecast's `thetamodel` with both fixed.
      damped(-log): statsforecast's AutoETS(A,Ad,N) fitted alpha, beta and phi, run through
        statsforecast's ETS recursion (`pegelsresid_C`, `etsforecast`) from marketcast's
        initial state l = y1, b = y2 - y1 over y2..yn. statsforecast's beta is the trend's
        own gain (b <- phi b + beta e); marketcast's is the fraction alpha*beta. Where AutoETS
        declines a short series (6-7 values) the parameters are FALLBACK_DAMPED. statsforecast
        2.0.1's multi-step damped forecast is wrong (horizon 2 adds phi twice; fixed upstream
        by Nixtla/statsforecast PR 1219): the script then takes statsforecast's states and
        its one-step forecast, and sums phi + ... + phi^h itself (`damped_from_states`).

On stderr, for the record (not in the fixture, not asserted): statsforecast's own fits of
the members whose estimation differs by design (its Standard Theta Model, AutoETS(A,Ad,N)),
h = 6, beside marketcast's own fits when --marketcast names a built binary: how far apart
the two designs land (docs/methods.md quotes it).
"""
import argparse
import csv
import datetime
import io
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
import statsforecast
from statsforecast.ets import etsforecast, pegelsresid_C, switch
from statsforecast.models import (AutoETS, Naive, RandomWalkWithDrift,
                                  SimpleExponentialSmoothingOptimized)
from statsforecast.theta import forecast_theta, thetamodel

H = 6

# name: (source, series id, slice). Shapes: the shipped market series; M3 growing steadily,
# M3 falling steadily, M1 falling with noise, M1 flat with noise, M3 flat and very noisy,
# and two short windows (the last 7 and 6 values), the length of a market series.
SERIES = {
    "china-ai-market-size": ("inline", [2633, 3031, 4305, 5080, 5298, 7470], None),
    "N0131": ("m3", "N0131", None),
    "N0529": ("m3", "N0529", None),
    "YAM5": ("m1", "YAM5", None),
    "YAD19": ("m1", "YAD19", None),
    "N0550": ("m3", "N0550", None),
    "N0583-last7": ("m3", "N0583", slice(-7, None)),
    "YAF2-last6": ("m1", "YAF2", slice(-6, None)),
}


def load(source, ident, part):
    if source == "inline":
        return np.array(ident, dtype=float)
    path = {"m1": "reference/m1-yearly/train.csv", "m3": "reference/m3-yearly/train.csv"}[source]
    values = [float(r["value"]) for r in csv.DictReader(open(path)) if r["series"] == ident]
    values = np.array(values, dtype=float)
    return values[part] if part is not None else values


def sf_forecast(model, y):
    return np.asarray(model.forecast(y=y, h=H)["mean"], dtype=float)


def ses_alpha(y):
    """The alpha statsforecast's SimpleExponentialSmoothingOptimized fits (same call it makes)."""
    from scipy.optimize import minimize_scalar
    from statsforecast.models import _ses_sse
    return float(minimize_scalar(fun=_ses_sse, bounds=(0.01, 0.99), args=(y,)).x)


def ols_line_at_one(y):
    t = np.arange(1, len(y) + 1, dtype=float)
    slope, intercept = np.polyfit(t, y, 1)
    return intercept + slope  # A + B: the line at t = 1 (A is its value at t = 0)


def theta_path(y, alpha):
    l0 = float(y[0] - ols_line_at_one(y) / 2)
    fit = thetamodel(y=y, m=1, modeltype="STM", initial_smoothed=l0, alpha=alpha, theta=2.0, nmse=3)
    return l0, np.asarray(forecast_theta(fit, H)["mean"], dtype=float)


def theta_own(y):
    fit = thetamodel(y=y, m=1, modeltype="STM", initial_smoothed=math.nan, alpha=math.nan,
                     theta=math.nan, nmse=3)
    return fit["par"], np.asarray(forecast_theta(fit, H)["mean"], dtype=float)


def damped_own(y):
    """AutoETS(A,Ad,N)'s parameters and forecast; None where statsforecast declines the
    series (it needs more values than the model's five estimates plus four)."""
    try:
        model = AutoETS(model="AAN", damped=True).fit(y)
    except NotImplementedError:
        return None, None
    alpha, beta, _, phi = model.model_["par"][:4]  # then gamma (nan: no season), l0, b0
    par = {"alpha": float(alpha), "beta": float(beta), "phi": float(phi)}
    level, trend = model.model_["states"][-1][:2]  # its final states, forecast without the bug
    return par, damped_from_states(level, trend, float(phi))


# Parameters for the recursion check where AutoETS fits nothing (a short series): any
# admissible values serve, since the check is of the recursion, not of the estimate.
FALLBACK_DAMPED = {"alpha": 0.6, "beta": 0.2, "phi": 0.9}


def sf_damped_forecast_is_right():
    """statsforecast up to 2.0.x sums the damping as phi + phi + phi^2 + ... (horizon 2 uses
    2 phi b instead of (phi + phi^2) b; Nixtla/statsforecast PR 1219 fixed it in 2026). Asked
    at l = 100, b = 10, phi = 0.5: the right two-step forecast is 107.5, the bug gives 110."""
    f = np.zeros(2)
    etsforecast(np.array([100.0, 10.0]), 1, switch("A"), switch("N"), 0.5, 2, f)
    return abs(f[1] - 107.5) < 1e-12


SF_DAMPED_FORECAST_IS_RIGHT = sf_damped_forecast_is_right()


def damped_from_states(level, trend, phi):
    """l + b (phi + ... + phi^h), h = 1..H: statsforecast's own forecast where it is right,
    otherwise the textbook sum written out here (statsforecast's first step, phi b, is right
    either way and is checked against it)."""
    f = np.zeros(H)
    etsforecast(np.array([level, trend]), 1, switch("A"), switch("N"), phi, H, f)
    if SF_DAMPED_FORECAST_IS_RIGHT:
        return f
    own = np.array([level + trend * sum(phi ** j for j in range(1, k + 1)) for k in range(1, H + 1)])
    assert abs(own[0] - f[0]) <= 1e-12 * abs(f[0]), (own[0], f[0])
    return own


def damped_path(y, alpha, beta, phi):
    """statsforecast's ETS recursion from l = y1, b = y2 - y1 over y2..yn."""
    _, _, states, _ = pegelsresid_C(y[1:], 1, np.array([y[0], y[1] - y[0]]), "A", "A", "N", True,
                                    alpha, beta, 0.0, phi, 3)
    return damped_from_states(states[-1][0], states[-1][1], phi)


def marketcast_forecasts(binary):
    """marketcast's own fits of the methods estimated differently (for the record on stderr):
    {(series, method): h1..h6}, from `marketcast forecast` on a long CSV of the same series."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "series.csv")
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["series", "year", "value"])
            for name, spec in SERIES.items():
                for year, value in enumerate(load(*spec), start=2000):
                    w.writerow([name, year, repr(float(value))])
        result = {}
        for method in ("theta", "theta-log", "damped", "damped-log"):
            text = subprocess.run([binary, "forecast", path, "--horizon", str(H), "--model", method, "--quiet"],
                                  check=True, capture_output=True, text=True).stdout
            for r in csv.DictReader(io.StringIO(text)):
                result.setdefault((r["series"], method), []).append(float(r["value"]))
        return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--marketcast", help="a built marketcast: print its own theta and damped fits "
                        "beside statsforecast's on stderr")
    args = parser.parse_args()
    ours = marketcast_forecasts(args.marketcast) if args.marketcast else {}
    out = csv.writer(sys.stdout, lineterminator="\n")
    damped = ("statsforecast's damped forecast" if SF_DAMPED_FORECAST_IS_RIGHT else
              "damped h>=2 summed by the script (statsforecast's has the bug of PR 1219)")
    print(f"# statsforecast {statsforecast.__version__}, bench/accuracy/oracle_statsforecast.py, "
          f"{datetime.date.today().isoformat()}; {damped}; columns: see the script's docstring")
    out.writerow(["series", "method", "kind", "alpha", "beta", "phi", "l0"] + [f"h{k}" for k in range(1, H + 1)])

    def row(name, method, kind, forecast, alpha="", beta="", phi="", l0=""):
        cells = [name, method, kind] + [repr(float(v)) if v != "" else "" for v in (alpha, beta, phi, l0)]
        out.writerow(cells + [repr(float(v)) for v in forecast])

    def note(name, method, own, what):
        mine = ours.get((name, method), [math.nan] * H)[-1]
        theirs = math.nan if own is None else own[-1]
        print(f"{name:20} {method:10} h6: marketcast {mine:12.6g}  statsforecast {theirs:12.6g} "
              f"({theirs / mine - 1:+7.1%})  {what}", file=sys.stderr)

    for name, (source, ident, part) in SERIES.items():
        y = load(source, ident, part)
        ly = np.log(y)
        row(name, "naive", "fit", sf_forecast(Naive(), y))
        row(name, "drift", "fit", sf_forecast(RandomWalkWithDrift(), y))
        row(name, "drift-log", "fit", np.exp(sf_forecast(RandomWalkWithDrift(), ly)))
        a = ses_alpha(y)
        ses = sf_forecast(SimpleExponentialSmoothingOptimized(), y)
        row(name, "ses", "fit", ses, alpha=a)
        for method, series, back in (("theta", y, lambda v: v), ("theta-log", ly, np.exp)):
            a = ses_alpha(series)
            l0, path = theta_path(series, a)
            row(name, method, "path", back(path), alpha=a, l0=l0)
            par, own = theta_own(series)
            note(name, method, back(own),
                 f"STM alpha {par['alpha']:.4f} l0 {par['initial_smoothed']:.6g} (SES alpha {a:.4f})")
        for method, series, back in (("damped", y, lambda v: v), ("damped-log", ly, np.exp)):
            par, own = damped_own(series)
            chosen = FALLBACK_DAMPED if par is None else par
            alpha, beta, phi = (float(chosen[k]) for k in ("alpha", "beta", "phi"))
            row(name, method, "path", back(damped_path(series, alpha, beta, phi)), alpha=alpha, beta=beta, phi=phi)
            note(name, method, None if own is None else back(own),
                 "AutoETS declines the series (too few values)" if own is None else
                 f"AutoETS alpha {alpha:.4f} beta {beta:.4f} phi {phi:.4f}")


if __name__ == "__main__":
    main()

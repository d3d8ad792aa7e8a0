"""Reads the NIST StRD nonlinear .dat files (shared by the scipy and marketcast benches).

Only the data, the model and the start vectors are used: the benchmark measures time,
the certified values are for the accuracy summary printed beside it.
"""
import math
import os
import re

# The 27 models, written once in the marketcast formula language (which is also valid
# Python after `^` -> `**` and with exp/log/... from math/numpy in scope).
FORMULAS = {
    "Misra1a": "b1*(1-exp(-b2*x))",
    "Chwirut2": "exp(-b1*x)/(b2+b3*x)",
    "Chwirut1": "exp(-b1*x)/(b2+b3*x)",
    "Lanczos3": "b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)",
    "Gauss1": "b1*exp(-b2*x) + b3*exp(-(x-b4)**2 / b5**2) + b6*exp(-(x-b7)**2 / b8**2)",
    "Gauss2": "b1*exp(-b2*x) + b3*exp(-(x-b4)**2 / b5**2) + b6*exp(-(x-b7)**2 / b8**2)",
    "DanWood": "b1*x**b2",
    "Misra1b": "b1 * (1-(1+b2*x/2)**(-2))",
    "Kirby2": "(b1 + b2*x + b3*x**2) / (1 + b4*x + b5*x**2)",
    "Hahn1": "(b1+b2*x+b3*x**2+b4*x**3) / (1+b5*x+b6*x**2+b7*x**3)",
    "Nelson": "b1 - b2*x1 * exp(-b3*x2)",
    "MGH17": "b1 + b2*exp(-x*b4) + b3*exp(-x*b5)",
    "Lanczos1": "b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)",
    "Lanczos2": "b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)",
    "Gauss3": "b1*exp(-b2*x) + b3*exp(-(x-b4)**2 / b5**2) + b6*exp(-(x-b7)**2 / b8**2)",
    "Misra1c": "b1 * (1-(1+2*b2*x)**(-.5))",
    "Misra1d": "b1*b2*x*((1+b2*x)**(-1))",
    "Roszman1": "b1 - b2*x - atan(b3/(x-b4))/pi",
    "ENSO": "b1 + b2*cos(2*pi*x/12) + b3*sin(2*pi*x/12) + b5*cos(2*pi*x/b4) + b6*sin(2*pi*x/b4) + b8*cos(2*pi*x/b7) + b9*sin(2*pi*x/b7)",
    "MGH09": "b1*(x**2+x*b2) / (x**2+x*b3+b4)",
    "Thurber": "(b1 + b2*x + b3*x**2 + b4*x**3) / (1 + b5*x + b6*x**2 + b7*x**3)",
    "BoxBOD": "b1*(1-exp(-b2*x))",
    "Rat42": "b1 / (1+exp(b2-b3*x))",
    "MGH10": "b1 * exp(b2/(x+b3))",
    "Eckerle4": "(b1/b2) * exp(-0.5*((x-b3)/b2)**2)",
    "Rat43": "b1 / ((1+exp(b2-b3*x))**(1/b4))",
    "Bennett5": "b1 * (b2+x)**(-1/b3)",
}


def default_dir():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    return os.environ.get("NIST_STRD_DIR") or os.path.join(repo, "Tests", "Fixtures", "nist-strd")


def read(path):
    """Returns dict(name, columns (names), data (list of rows), params, starts[2], certified, certified_se, rss)."""
    name = os.path.splitext(os.path.basename(path))[0]
    params, s1, s2, cert, sd = [], [], [], [], []
    header, rows, rss = None, [], None
    with open(path, encoding="ascii", errors="replace") as f:
        for line in f:
            fields = line.split()
            if header is not None:
                if len(fields) == len(header):
                    try:
                        rows.append([float(v) for v in fields])
                    except ValueError:
                        pass
                continue
            if len(fields) >= 6 and re.fullmatch(r"b\d+", fields[0]) and fields[1] == "=":
                params.append(fields[0]); s1.append(float(fields[2])); s2.append(float(fields[3]))
                cert.append(float(fields[4])); sd.append(float(fields[5]))
            elif line.startswith("Residual Sum of Squares:"):
                rss = float(fields[-1])
            elif fields[:1] == ["Data:"] and len(fields) >= 3 and "Variable" not in line \
                    and all(re.fullmatch(r"[A-Za-z]\w*", v) for v in fields[1:]):
                header = fields[1:]
    return dict(name=name, columns=header, data=rows, params=params, starts=[s1, s2],
                certified=cert, certified_se=sd, rss=rss)


def lre(estimate, certified):
    if not math.isfinite(estimate):
        return 0.0
    err = abs(estimate - certified) / abs(certified) if certified != 0 else abs(estimate)
    return 15.0 if err == 0 else max(0.0, min(15.0, -math.log10(err)))


def all_problems(directory=None):
    directory = directory or default_dir()
    files = sorted(f for f in os.listdir(directory) if f.endswith(".dat"))
    return [read(os.path.join(directory, f)) for f in files]

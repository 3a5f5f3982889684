#!/usr/bin/env python3
"""
The work of bench/simulate/run.mjs written with NumPy, for a speed comparison (not a test).

Same model and sizes: 100,000 paths x 24 delivery months, GBM index (sigma 0.45) on a month-end grid from the as-of
date (ACT/365), settlement F*exp(X - V/2), unhedged / hedged cost, over-hedging, variation-margin peak per path, risk
figures (mean, sd, P5/P50/P95/P99 type 7, CaR 95, CVaR 95) and the 151-point hedge-ratio sweep (mean and variance in
closed form from the moments, the 95th percentile per ratio by np.quantile, which selects with np.partition).
Idiomatic vectorised NumPy: whole-array operations, no Python loops over paths; the sweep in chunks of ratios to
bound memory. The volumes are drawn before the clock starts, as in run.mjs.

Prints one JSON line: timings in ms (min and median of the repetitions) and the headline figures.
Usage: python3 numpy_sim.py [paths] [months] [repetitions]
"""
import json
import sys
import time
from datetime import date

import numpy as np

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
M = int(sys.argv[2]) if len(sys.argv) > 2 else 24
REPS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
SIGMA = 0.45
AS_OF = date(2026, 11, 1)
SIZE = 1e9


def month_end(y, m):
    ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
    return date.fromordinal(date(ny, nm, 1).toordinal() - 1)


# The plan: the same numbers as run.mjs (curve, forecast, 60% flat ratio rounded down).
months = [(2026 + (11 + i) // 12, (11 + i) % 12 + 1) for i in range(M)]  # 2026-12 ...
F = np.array([round(2.10 - 0.025 * i, 2) for i in range(M)])
QBAR = np.array([float(round(8e10 * 1.03 ** i)) for i in range(M)])
CONTRACTS = np.floor(0.6 * QBAR / SIZE + 1e-9)
NSZ = CONTRACTS * SIZE / 1e6
HEDGED_TOKENS = CONTRACTS * SIZE
UNIT = QBAR / 1e6

# Grid: month ends after the as-of date through the last delivery month.
grid = []
y, m = AS_OF.year, AS_OF.month
while True:
    d = month_end(y, m)
    if d > AS_OF:
        grid.append(d)
    if (y, m) == months[-1]:
        break
    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
T = np.array([(d - AS_OF).days / 365 for d in grid])
K = len(T)
DT = np.diff(np.concatenate(([0.0], T)))
STEP_SD = SIGMA * np.sqrt(DT)
DRIFT = -0.5 * SIGMA ** 2 * T
SETTLE = np.array([grid.index(month_end(y, m)) for (y, m) in months])
OPEN_NOTIONAL = np.array([(NSZ * F)[SETTLE > k].sum() for k in range(K)])
RATIOS = np.arange(151) / 100


def risk(x):
    q = np.quantile(x, [0.05, 0.5, 0.95, 0.99])
    mean = x.mean()
    tail = int(np.ceil(0.05 * x.size))
    worst = np.partition(x, x.size - tail)[x.size - tail:]
    return {"mean": mean, "sd": x.std(ddof=1), "p5": q[0], "p50": q[1], "p95": q[2], "p99": q[3],
            "costAtRisk95": q[2] - mean, "cvar95": worst.mean()}


def run(rng, Q):
    E = rng.standard_normal((N, K))            # in place below: Z → X → e^{X − ½σ²t}
    E *= STEP_SD
    np.cumsum(E, axis=1, out=E)
    E += DRIFT
    np.exp(E, out=E)                           # common factor of every futures price at each grid date
    S = F * E[:, SETTLE]                       # settlements, (N, M)
    dS = S - F
    G = dS @ NSZ                               # the plan's futures P&L
    GR = dS @ UNIT                             # P&L of a 100% hedge of the forecast (the sweep)
    U = (Q * S).sum(axis=1) / 1e6              # basis a = 0, b = 1
    H = U - G
    over = np.maximum(HEDGED_TOKENS - Q, 0).sum(axis=1)
    cum = np.zeros((N, K))
    cum[:, SETTLE] = dS * NSZ                  # each month's P&L lands at its settlement date (one month per date)
    np.cumsum(cum, axis=1, out=cum)
    cum += OPEN_NOTIONAL * (E - 1)
    peak = np.maximum(0.0, -cum.min(axis=1))
    out = {"unhedged": risk(U), "hedged": risk(H), "probOverHedge": float((over > 0).mean()),
           "peakMarginP95": float(np.quantile(peak, 0.95))}
    # Sweep: mean and variance from the moments, the 95th percentile per ratio.
    mu, mg = U.mean(), GR.mean()
    du, dg = U - mu, GR - mg
    suu, sgg, sug = du @ du, dg @ dg, du @ dg
    var = (suu - 2 * RATIOS * sug + RATIOS ** 2 * sgg) / (N - 1)
    p95 = np.empty(RATIOS.size)
    for start in range(0, RATIOS.size, 16):
        r = RATIOS[start:start + 16]
        p95[start:start + 16] = np.quantile(U[None, :] - r[:, None] * GR[None, :], 0.95, axis=1)
    mean = mu - RATIOS * mg
    car = p95 - mean
    out["minVarianceRatio"] = float(RATIOS[np.argmin(var)])
    out["minCarRatio"] = float(RATIOS[np.argmin(car)])
    return out


rng = np.random.default_rng(42)
Q = QBAR * np.exp(0.15 * rng.standard_normal((N, M)) - 0.5 * 0.15 ** 2)
times = []
cpu = []
result = None
for rep in range(REPS):
    t0 = time.perf_counter()
    c0 = time.process_time()
    result = run(np.random.default_rng(1000 + rep), Q)
    times.append((time.perf_counter() - t0) * 1000)
    cpu.append((time.process_time() - c0) * 1000)
times.sort()
cpu.sort()
fig = {k: (round(v, 2) if isinstance(v, float) else v) for k, v in result.items() if not isinstance(v, dict)}
print(json.dumps({
    "numpy": np.__version__, "python": sys.version.split()[0], "paths": N, "months": M, "reps": REPS,
    "minMs": round(times[0], 1), "medianMs": round(times[len(times) // 2], 1), "cpuMinMs": round(cpu[0], 1),
    "executable": sys.executable,
    "unhedgedMean": round(float(result["unhedged"]["mean"]), 2), "unhedgedCaR95": round(float(result["unhedged"]["costAtRisk95"]), 2),
    "hedgedCaR95": round(float(result["hedged"]["costAtRisk95"]), 2), **fig,
}))

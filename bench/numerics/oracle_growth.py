# Oracle for Tests/NumericsTests/GrowthCurveTests.swift: scipy curve_fit (tight tolerances) on
# the same noisy logistic and Gompertz data; the test embeds the printed values.
import numpy as np
from scipy.optimize import curve_fit
from scipy import stats
x = np.array([2015,2016,2017,2018,2019,2020,2021,2022,2023,2024], float)
noise = np.array([0.03,-0.02,0.015,-0.01,0.025,-0.03,0.01,0.02,-0.015,0.005])
def logistic(x,K,r,t0): return K/(1+np.exp(-r*(x-t0)))
y = logistic(x, 1000, 0.8, 2020) * (1+noise)
print("y", list(y))
p, c = curve_fit(logistic, x, y, p0=[1100,0.5,2019], xtol=1e-15, ftol=1e-15, gtol=1e-15, maxfev=10000)
print("logistic", repr(p.tolist()), repr(np.sqrt(np.diag(c)).tolist()))
rss = float(np.sum((y-logistic(x,*p))**2)); dof = len(x)-3
print("rss", rss)
# delta-method CI at 2026
g = np.array([ (logistic(2026,*(p+e*1e-6*max(1,abs(pi))))-logistic(2026,*(p-e*1e-6*max(1,abs(pi)))))/(2e-6*max(1,abs(pi))) for e,pi in zip(np.eye(3),p)])
se = np.sqrt(g@c@g); t = stats.t.ppf(0.975, dof)
print("ci2026", logistic(2026,*p)-t*se, logistic(2026,*p)+t*se)
se2 = np.sqrt(g@c@g + rss/dof)
print("pi2026", logistic(2026,*p)-t*se2, logistic(2026,*p)+t*se2)
def gompertz(x,K,r,t0): return K*np.exp(-np.exp(-r*(x-t0)))
yg = gompertz(x, 500, 0.5, 2019) * (1+noise)
print("yg", list(yg))
p, c = curve_fit(gompertz, x, yg, p0=[600,0.4,2019], xtol=1e-15, ftol=1e-15, gtol=1e-15, maxfev=10000)
print("gompertz", repr(p.tolist()), repr(np.sqrt(np.diag(c)).tolist()))

# R's forecast package on every series of a long CSV (series,year,value), h = 6, 95%
# intervals, written as series,year,value,lower,upper: the whole-process speed comparison
# for `marketcast forecast` (METHOD ets, the default: forecast::ets() with its defaults) and
# independent checks of two anchors (ets-damped: ets(damped = TRUE); rwf-drift:
# rwf(drift = TRUE)). A series whose fit fails is reported on stderr and left out (score.py
# counts it as a failure).
# usage: Rscript ets_m1.R train.csv out.csv [ets|ets-damped|rwf-drift]
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
method <- if (length(args) >= 3) args[3] else "ets"
fit <- switch(method,
  "ets" = function(y) forecast(ets(y), h = 6, level = 95),
  "ets-damped" = function(y) forecast(ets(y, damped = TRUE), h = 6, level = 95),
  "rwf-drift" = function(y) rwf(y, drift = TRUE, h = 6, level = 95),
  stop("unknown method ", method, ": ets, ets-damped or rwf-drift"))
data <- read.csv(args[1], stringsAsFactors = FALSE)
rows <- list()
for (s in unique(data$series)) {
  d <- data[data$series == s, ]
  d <- d[order(d$year), ]
  f <- tryCatch(fit(ts(d$value, start = d$year[1])), error = function(e) {
    message("series ", s, ": ", conditionMessage(e))
    NULL
  })
  if (is.null(f)) next
  rows[[s]] <- data.frame(series = s, year = max(d$year) + 1:6, value = as.numeric(f$mean),
                          lower = as.numeric(f$lower), upper = as.numeric(f$upper))
}
write.csv(do.call(rbind, rows), args[2], row.names = FALSE, quote = FALSE)

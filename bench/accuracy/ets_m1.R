# R's forecast::ets() with its defaults on every series of a long CSV (series,year,value),
# h = 6, 95% intervals, written as series,year,value,lower,upper: the whole-process
# comparison for `marketcast forecast`. usage: Rscript ets_m1.R train.csv out.csv
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1], stringsAsFactors = FALSE)
rows <- list()
for (s in unique(data$series)) {
  d <- data[data$series == s, ]
  d <- d[order(d$year), ]
  f <- forecast(ets(ts(d$value, start = d$year[1])), h = 6, level = 95)
  rows[[s]] <- data.frame(series = s, year = max(d$year) + 1:6, value = as.numeric(f$mean),
                          lower = as.numeric(f$lower), upper = as.numeric(f$upper))
}
write.csv(do.call(rbind, rows), args[2], row.names = FALSE, quote = FALSE)

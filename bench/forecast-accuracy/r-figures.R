# Reference figures for bench/forecast-accuracy: R forecast 8.20 on the series of data.json, holding out the
# last 12 observations of the monthly series and the last 56 days of the daily ones (ts frequency 7).
# Run: Rscript r-figures.R  (writes r-figures.json). Requires r-cran-forecast, r-cran-jsonlite.
suppressMessages({ library(forecast); library(jsonlite) })
data <- fromJSON("data.json")
score <- function(train, test, fc) {
  m <- frequency(train)
  q <- mean(abs(diff(as.numeric(train), lag = if (length(train) >= 2 * m) m else 1)))
  f <- as.numeric(fc$mean); a <- as.numeric(test); e <- a - f
  lo80 <- as.numeric(fc$lower[, 1]); hi80 <- as.numeric(fc$upper[, 1])
  lo95 <- as.numeric(fc$lower[, 2]); hi95 <- as.numeric(fc$upper[, 2])  # columns follow level = c(80, 95)
  list(mae = mean(abs(e)), mase = mean(abs(e)) / q, smape = mean(200 * abs(e) / (abs(a) + abs(f))),
       mape = mean(100 * abs(e) / abs(a)),
       coverage80 = mean(a >= lo80 & a <= hi80), coverage95 = mean(a >= lo95 & a <= hi95))
}
# ets(), auto.arima() and thetaf() with defaults (and snaive() as the floor) on train, scored on test.
figures <- function(train, test) {
  h <- length(test)
  fit <- ets(train)
  e <- score(train, test, forecast(fit, h = h, level = c(80, 95)))
  e$model <- fit$method; e$aicc <- fit$aicc
  ar <- auto.arima(train)
  a <- score(train, test, forecast(ar, h = h, level = c(80, 95)))
  a$model <- as.character(ar); a$aicc <- ar$aicc
  th <- score(train, test, thetaf(train, h = h, level = c(80, 95)))
  sn <- score(train, test, snaive(train, h = h, level = c(80, 95)))
  list(ets = e, arima = a, theta = th, snaive = sn)
}
out <- list()
for (name in names(data$series)) {
  s <- data$series[[name]]
  y <- ts(s$values, start = s$start, frequency = s$frequency)
  n <- length(y); h <- 12
  out[[name]] <- figures(window(y, end = time(y)[n - h]), window(y, start = time(y)[n - h + 1]))
}
daily <- list()
for (name in names(data$daily)) {
  s <- data$daily[[name]]
  v <- as.numeric(s$values); n <- length(v); h <- 56
  # Weekly seasonality: ts(frequency = 7); the phase does not matter to ets/auto.arima/thetaf/snaive.
  daily[[name]] <- figures(ts(v[1:(n - h)], frequency = 7), ts(v[(n - h + 1):n], start = c(1, n - h + 1), frequency = 7))
}
# Deceleration check: the 12-month-ahead mean from each origin of data.json's `deceleration`, divided by the
# process's own value 12 months on (process[t] is month t − 1, so step 12 after o months is process[o + 12]).
dec <- data$deceleration
s <- data$series[[dec$series]]
y <- ts(s$values, start = s$start, frequency = s$frequency)
deceleration <- list(origins = dec$origins, ets = c(), arima = c(), theta = c())
for (o in dec$origins) {
  train <- window(y, end = time(y)[o])
  p <- dec$process[o + dec$horizon]
  deceleration$ets <- c(deceleration$ets, forecast(ets(train), h = dec$horizon)$mean[dec$horizon] / p)
  deceleration$arima <- c(deceleration$arima, forecast(auto.arima(train), h = dec$horizon)$mean[dec$horizon] / p)
  deceleration$theta <- c(deceleration$theta, thetaf(train, h = dec$horizon)$mean[dec$horizon] / p)
}
writeLines(toJSON(list(source = paste("R", getRversion(), "forecast", packageVersion("forecast"), "- ets(), auto.arima(), thetaf(), snaive() defaults; last 12 months / 56 days held out"), figures = out, daily = daily, deceleration = deceleration), digits = 8, auto_unbox = TRUE, pretty = TRUE), "r-figures.json")

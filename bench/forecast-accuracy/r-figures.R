# Reference figures for bench/forecast-accuracy: R forecast 8.20 on the series of data.json, holding out the
# last 12 observations. Run: Rscript r-figures.R  (writes r-figures.json). Requires r-cran-forecast, r-cran-jsonlite.
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
out <- list()
for (name in names(data$series)) {
  s <- data$series[[name]]
  y <- ts(s$values, start = s$start, frequency = s$frequency)
  n <- length(y); h <- 12
  train <- window(y, end = time(y)[n - h]); test <- window(y, start = time(y)[n - h + 1])
  fit <- ets(train)
  e <- score(train, test, forecast(fit, h = h, level = c(80, 95)))
  e$model <- fit$method; e$aicc <- fit$aicc
  th <- score(train, test, thetaf(train, h = h, level = c(80, 95)))
  sn <- score(train, test, snaive(train, h = h, level = c(80, 95)))
  out[[name]] <- list(ets = e, theta = th, snaive = sn)
}
writeLines(toJSON(list(source = paste("R", getRversion(), "forecast", packageVersion("forecast"), "- ets(), thetaf(), snaive() defaults; last 12 held out"), figures = out), digits = 8, auto_unbox = TRUE, pretty = TRUE), "r-figures.json")

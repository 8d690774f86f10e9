# Reading a liangzhu run store from R: the runs, one series of one run as a data frame with dates,
# the end-of-run figures, and a plot. The store is an SQLite file (docs/store.md); RSQLite (Debian's
# r-cran-rsqlite) reads it, read-only, while liangzhu may still be writing other runs into it.
#
#   liangzhu run baseline --out runs.db
#   Rscript docs/examples/read_store.R runs.db tigers_total tigers.png
suppressPackageStartupMessages(library(RSQLite))

args <- commandArgs(trailingOnly = TRUE)
store <- if (length(args) >= 1) args[[1]] else "runs.db"
series_name <- if (length(args) >= 2) args[[2]] else "tigers_total"
plot_file <- if (length(args) >= 3) args[[3]] else "series.png"
if (!file.exists(store)) stop(sprintf("no run store %s (liangzhu run baseline --out %s)", store, store))

con <- dbConnect(SQLite(), store, flags = SQLITE_RO)
on.exit(dbDisconnect(con))

runs <- dbGetQuery(con, "SELECT run_id, scenario_name, seed, start_date, days_per_tick, ticks_done, status
                         FROM runs ORDER BY run_id")
print(runs)
run <- runs[nrow(runs), ]  # the latest run

# The view series_named joins the long series table with the hubs' and series' names and units.
series <- dbGetQuery(con, "SELECT tick, group_name AS hub, value, unit FROM series_named
                           WHERE run_id = ? AND series_name = ? ORDER BY tick, hub",
                     params = list(run$run_id, series_name))
if (nrow(series) == 0) stop(sprintf("run %d has no series %s", run$run_id, series_name))
series$date <- as.Date(run$start_date) + series$tick * run$days_per_tick
cat(sprintf("%s of run %d (%s): %d weeks, last value %g %s\n", series_name, run$run_id,
            run$scenario_name, length(unique(series$tick)), tail(series$value, 1), series$unit[1]))

summary_figures <- dbGetQuery(con, "SELECT group_name AS hub, name, value, unit FROM summary
                                    WHERE run_id = ? AND name IN ('startups_founded', 'tigers',
                                    'government_spending_cny')", params = list(run$run_id))
print(summary_figures)

png(plot_file, width = 800, height = 450)
plot(series$date, series$value, type = "l", xlab = "date", ylab = paste0(series_name, " (", series$unit[1], ")"),
     main = sprintf("%s, run %d (%s)", series_name, run$run_id, run$scenario_name))
invisible(dev.off())
cat(sprintf("plot written to %s\n", plot_file))

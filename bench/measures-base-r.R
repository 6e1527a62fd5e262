# Vectorised base R peer of bench/measures.bench.ts: the standard Alkire–Foster workload
# (syn_cdta round 1, complete rows, replicated to N rows; 10 indicators in 3 dimensions with
# equal nested weights; k = 33 %; national, area and region: 989 numbers), computed the way an
# R analyst would without a package: a matrix product for the scores and rowsum() per grouping.
# Scores are integers in 18ths (exact in doubles), so the sums are the same exact integers.
#
#   Rscript bench/measures-base-r.R test/fixtures/syn_cdta.csv 1003590 5
# Prints one line: "best_ms median_ms checksum".
args <- commandArgs(trailingOnly = TRUE)
path <- args[1]; size <- as.integer(args[2]); repeats <- as.integer(args[3])
d <- read.csv(path)
d <- d[d$t == 1, ]
d <- d[complete.cases(d), ]
d <- d[rep(seq_len(nrow(d)), length.out = size), ]
ind <- c("d_nutr", "d_cm", "d_satt", "d_educ", "d_elct", "d_sani", "d_wtr", "d_hsg", "d_ckfl", "d_asst")
units <- c(3, 3, 3, 3, 1, 1, 1, 1, 1, 1) # weights in 18ths
X <- as.matrix(d[, ind]); storage.mode(X) <- "double"
wt <- as.double(d$weight); area <- d$area; region <- d$region
measures <- function() {
  score <- drop(X %*% units)
  poor <- as.double(score * 100 >= 33 * 18)
  pw <- wt * poor
  cols <- cbind(wt, pw, score * pw, X * wt, X * pw)
  out <- list()
  for (g in list(rep(1L, length(wt)), area, region)) {
    s <- rowsum(cols, g)
    n <- s[, 1]; q <- s[, 2]; S <- s[, 3]; U <- s[, 4:13, drop = FALSE]; C <- s[, 14:23, drop = FALSE]
    out[[length(out) + 1]] <- cbind(H = q / n, A = S / (18 * q), M0 = S / (18 * n), U / n, C / n,
      sweep(C, 2, units, "*") / (18 * n), 100 * sweep(C, 2, units, "*") / S)
  }
  out
}
times <- numeric(repeats)
res <- measures() # warm-up
for (r in seq_len(repeats)) times[r] <- system.time(res <- measures())[["elapsed"]] * 1000
cat(sprintf("%.1f %.1f %d %.10f\n", min(times), median(times), sum(sapply(res, length)), res[[1]][1, "M0"]))

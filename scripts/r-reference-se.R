# Regenerates the R `survey` reference values pinned in test/measures/alkireFosterEstimates.test.ts
# (the tests never call R). Needs R with the survey package (Debian: r-base-core r-cran-survey).
#
#   Rscript scripts/r-reference-se.R test/fixtures/syn_cdta.csv > /tmp/se-reference.csv
#
# The standard workload (shared/data/README.md): syn_cdta, complete rows, design strata = stratum,
# PSU = psu, weights = weight; 10 indicators in 3 dimensions with equal nested weights; k = 33 %.
# Cross-sections use round t = 1 only (design built on those rows, as mpitbR's example);
# changes use both rounds in one design (as mpitb.est with tvar = "t"). Intervals: logit,
# level 0.95, df = degf(design), as mpitbR's svyciprop call. Output: one CSV line per value,
# case,measure,level,group,indicator,estimate,se,ci_lower,ci_upper (17 significant digits).
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
all <- read.csv(args[1])
all <- all[complete.cases(all), ]
ind <- c("d_nutr", "d_cm", "d_satt", "d_educ", "d_elct", "d_sani", "d_wtr", "d_hsg", "d_ckfl", "d_asst")
units <- c(3, 3, 3, 3, 1, 1, 1, 1, 1, 1)
prepare <- function(d) {
  s <- drop(as.matrix(d[, ind]) %*% units) # score in 18ths, exact
  d$poor <- as.numeric(100 * s >= 33 * 18)
  d$y <- d$poor * s / 18
  for (j in ind) d[[paste0("k_", j)]] <- d[[j]] * d$poor
  d
}
out <- function(case, measure, level, group, indicator, b, se, ll, ul) {
  cat(sprintf("%s,%s,%s,%s,%s,%.17g,%.17g,%s,%s\n", case, measure, level, group, indicator, b, se,
    if (is.na(ll)) "" else sprintf("%.17g", ll), if (is.na(ul)) "" else sprintf("%.17g", ul)))
}
prop <- function(case, design, var, measure, level, group, indicator) {
  ci <- svyciprop(as.formula(paste0("~", var)), design, method = "logit", level = 0.95, df = degf(full))
  out(case, measure, level, group, indicator, coef(ci), SE(ci), confint(ci)[1], confint(ci)[2])
}
cat("case,measure,level,group,indicator,estimate,se,ci_lower,ci_upper\n")

# --- cross-section, round 1 ----------------------------------------------------------------
d1 <- prepare(all[all$t == 1, ])
full <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = d1)
domains <- list(list("nat", "", full))
for (a in sort(unique(d1$area))) domains[[length(domains) + 1]] <- list("area", a, subset(full, area == a))
for (r in c(1, 7, 20)) domains[[length(domains) + 1]] <- list("region", r, subset(full, region == r))
for (dm in domains) {
  lv <- dm[[1]]; g <- dm[[2]]; des <- dm[[3]]
  prop("t1", des, "poor", "H", lv, g, "")
  prop("t1", des, "y", "M0", lv, g, "")
  prop("t1", subset(des, poor == 1), "y", "A", lv, g, "")
  for (j in ind) {
    prop("t1", des, j, "hd", lv, g, j)
    prop("t1", des, paste0("k_", j), "hdk", lv, g, j)
  }
}

# --- lonely PSUs and the finite-population correction (round 1, national H and M0) -------------
d1$stratum2 <- d1$stratum
first <- d1$psu == d1$psu[1]
d1$stratum2[first] <- -1 # one PSU moved to a stratum of its own
for (policy in c("remove", "adjust", "average")) {
  options(survey.lonely.psu = policy)
  des <- svydesign(ids = ~psu, strata = ~stratum2, weights = ~weight, data = d1)
  out(paste0("lonely-", policy), "H", "nat", "", "", coef(svymean(~poor, des)), SE(svymean(~poor, des)), NA, NA)
  out(paste0("lonely-", policy), "M0", "nat", "", "", coef(svymean(~y, des)), SE(svymean(~y, des)), NA, NA)
}
options(survey.lonely.psu = "fail")
npsu <- tapply(d1$psu, d1$stratum, function(p) length(unique(p)))
d1$fpc <- 3 * npsu[as.character(d1$stratum)] # a population of 3 × the sampled PSUs in every stratum
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, fpc = ~fpc, data = d1)
out("fpc", "H", "nat", "", "", coef(svymean(~poor, des)), SE(svymean(~poor, des)), NA, NA)
out("fpc", "M0", "nat", "", "", coef(svymean(~y, des)), SE(svymean(~y, des)), NA, NA)

# --- changes between rounds 1 and 2, one design over both (delta method, svycontrast) -----------
d12 <- prepare(all)
both <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = d12)
for (lv in c("nat", "area")) {
  by <- if (lv == "nat") ~t else ~area + t
  for (m in c("H", "M0", "A")) {
    var <- if (m == "H") ~poor else ~y
    des <- if (m == "A") subset(both, poor == 1) else both
    est <- svyby(var, by, des, svymean, covmat = TRUE)
    names <- rownames(est)
    groups <- if (lv == "nat") list("") else as.list(sort(unique(d12$area)))
    for (g in groups) {
      r1 <- if (lv == "nat") "1" else paste0(g, ".1")
      r2 <- if (lv == "nat") "2" else paste0(g, ".2")
      abs <- svycontrast(est, list(abs = parse(text = sprintf("`%s` - `%s`", r2, r1))[[1]]))
      rel <- svycontrast(est, list(rel = parse(text = sprintf("`%s` / `%s` - 1", r2, r1))[[1]]))
      out("change-abs", m, lv, g, "", coef(abs), SE(abs), NA, NA)
      out("change-rel", m, lv, g, "", coef(rel), SE(rel), NA, NA)
    }
  }
}

# --- income measures: FGT(0, 1, 2) and Watts on a synthetic income (round 1) ------------------
# income = 400 + 7·(row number mod 97) + 60·(d_elct + d_hsg == 0) (row numbers of the complete round-1 rows, from 0);
# line 700 for area 0 and 760 for area 1; per head; units counted.
d1 <- prepare(all[all$t == 1, ])
i <- seq_len(nrow(d1)) - 1
d1$income <- 400 + 7 * (i %% 97) + 60 * ((d1$d_elct + d1$d_hsg) == 0)
d1$z <- ifelse(d1$area == 0, 700, 760)
d1$poorI <- as.numeric(d1$income < d1$z)
d1$gap <- pmax(0, (d1$z - d1$income) / d1$z)
d1$g1 <- d1$poorI * d1$gap; d1$g2 <- d1$poorI * d1$gap^2
d1$watts <- d1$poorI * log(d1$z / d1$income)
full <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = d1)
for (dm in list(list("nat", "", full), list("group", "0", subset(full, area == 0)), list("group", "1", subset(full, area == 1)))) {
  for (m in list(c("fgt0", "poorI"), c("fgt1", "g1"), c("fgt2", "g2"), c("watts", "watts"))) {
    e <- svymean(as.formula(paste0("~", m[2])), dm[[3]])
    out("income", m[1], dm[[1]], dm[[2]], "", coef(e), SE(e), NA, NA)
  }
}

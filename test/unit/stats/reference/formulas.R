#!/usr/bin/env Rscript
# Reference figures for Heard's statistics formulas (test/unit/stats/*.test.ts), computed by R's survey package on a
# small deterministic data set written into the same JSON, so the tests recompute the sums themselves.
# Run from this folder:  Rscript formulas.R   (writes formulas.json; CI never runs R)
suppressPackageStartupMessages({ library(survey); library(jsonlite) })

set.seed(20240601)
n <- 80
opts <- c("Very good", "Fairly good", "Neither", "Fairly poor", "Very poor")
d <- data.frame(
  w = round(runif(n, 0.3, 3), 4),
  g = sample(c("A", "B", "C"), n, replace = TRUE, prob = c(0.45, 0.4, 0.15)),
  y = sample(c(opts, "Don't know", NA), n, replace = TRUE, prob = c(0.2, 0.3, 0.2, 0.1, 0.08, 0.07, 0.05)),
  stringsAsFactors = FALSE
)
# Nobody in group C says "Very poor", so one cell is an exact 0.
d$y[d$g == "C" & d$y %in% "Very poor"] <- "Fairly poor"
d$valid <- as.numeric(!is.na(d$y) & d$y != "Don't know")
d$score <- ifelse(d$valid == 1, 6 - match(d$y, opts), NA)
for (k in seq_along(opts)) d[[paste0("y", k)]] <- as.numeric(d$valid == 1 & d$y == opts[k])
d$one <- 1

designs <- list(weighted = svydesign(ids = ~1, weights = ~w, data = d),
                unweighted = svydesign(ids = ~1, weights = ~one, data = d))

cells <- list(); means <- list(); comparisons <- list(); tests <- list()
for (dn in names(designs)) {
  des <- designs[[dn]]
  for (lev in c("A", "B", "C")) {
    sub <- subset(des, g == lev & valid == 1)
    for (k in seq_along(opts)) {
      f <- as.formula(paste0("~y", k))
      m <- svymean(f, sub)
      p <- as.numeric(coef(m))
      ci <- if (p > 0 && p < 1) as.numeric(attr(svyciprop(f, sub, method = "logit"), "ci")) else c(NA, NA)
      w <- weights(sub)
      cells[[length(cells) + 1]] <- data.frame(design = dn, group = lev, option = opts[k], p = p, se = as.numeric(SE(m)),
        ci_lo = ci[1], ci_hi = ci[2], df = degf(sub), n_eff = sum(w)^2 / sum(w^2),
        # the exact bound used at p = 0: the Clopper-Pearson upper limit for 0 of n_eff
        cp_upper_at_zero = qbeta(0.975, 1, sum(w)^2 / sum(w^2)))
    }
    ms <- svymean(~score, sub)
    means[[length(means) + 1]] <- data.frame(design = dn, group = lev, mean = as.numeric(coef(ms)), se = as.numeric(SE(ms)))
  }
  # Column comparisons: each option's estimate in A, B, C; pairwise contrasts (disjoint domains); Holm and BH per row.
  for (k in seq_along(opts)) {
    by <- svyby(as.formula(paste0("~y", k)), ~g, subset(des, valid == 1), svymean, covmat = TRUE)
    pairs <- list(c(1, 2), c(1, 3), c(2, 3))
    z <- sapply(pairs, function(ab) {
      cv <- c(0, 0, 0); cv[ab[1]] <- 1; cv[ab[2]] <- -1
      ct <- svycontrast(by, cv)
      as.numeric(coef(ct)) / as.numeric(SE(ct))
    })
    pv <- 2 * pnorm(-abs(z))
    comparisons[[length(comparisons) + 1]] <- data.frame(design = dn, option = opts[k], a = c(0, 0, 1), b = c(1, 2, 2),
      z = z, p = pv, holm = p.adjust(pv, "holm"), bh = p.adjust(pv, "BH"))
  }
  # Independence of group and answer among substantive answers.
  sub <- subset(des, valid == 1)
  if (dn == "weighted") {
    s <- svychisq(~g + y, sub, statistic = "Chisq")
    adj <- qchisq(s$p.value, s$parameter, lower.tail = FALSE)
    tests[[length(tests) + 1]] <- data.frame(design = dn, method = "svychisq Chisq", statistic = adj,
      df = unname(s$parameter), p = s$p.value)
  } else {
    dv <- d[d$valid == 1, ]
    s <- suppressWarnings(chisq.test(table(dv$g, dv$y), correct = FALSE))
    tests[[length(tests) + 1]] <- data.frame(design = dn, method = "chisq.test", statistic = unname(s$statistic),
      df = unname(s$parameter), p = s$p.value)
  }
}

pv <- c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.8)
out <- list(
  note = "Made by formulas.R with R survey; figures are proportions (0-1), not percentages.",
  r_version = paste(R.version$major, R.version$minor, sep = "."),
  survey_version = as.character(packageVersion("survey")),
  options = opts, rows = d[, c("w", "g", "y")],
  cells = do.call(rbind, cells), means = do.call(rbind, means),
  comparisons = do.call(rbind, comparisons), tests = do.call(rbind, tests),
  p_adjust = list(p = pv, holm = p.adjust(pv, "holm"), bh = p.adjust(pv, "BH")),
  quantiles = list(df = c(1, 2, 5, 30, 4999), t975 = qt(0.975, c(1, 2, 5, 30, 4999))),
  tails = list(chisq = list(x = c(0.5, 34.72, 120), df = c(1, 20, 25), p = pchisq(c(0.5, 34.72, 120), c(1, 20, 25), lower.tail = FALSE)),
               normal = list(z = c(0, 1.96, -4.5, 9), p = 2 * pnorm(-abs(c(0, 1.96, -4.5, 9)))))
)
writeLines(toJSON(out, digits = NA, na = "null", auto_unbox = TRUE, pretty = TRUE), "formulas.json")

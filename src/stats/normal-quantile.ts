/** The normal quantile of a two-sided 95% interval (R: qnorm(0.975)). */
export const Z_975 = 1.9599639845400536;

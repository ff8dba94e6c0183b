/** Sums over the respondents of a domain: rows, weights and squared weights (all that variance needs). */
export interface DomainSums {
  /** Unweighted count. */
  n: number;
  sumW: number;
  sumW2: number;
}

export interface Estimate {
  estimate: number;
  se: number;
}

/**
 * Weighted proportion of a domain giving an answer, with its linearised (with-replacement) standard error:
 * p = Σ_D w y / Σ_D w and var = N/(N−1) · Σ_D w² (y − p)² / (Σ_D w)², where N counts every row of the wave because a
 * domain is part of the wave's design, not a design of its own (R: svymean on subset(design, D)). With y ∈ {0, 1},
 * Σ_D w²(y − p)² = Σ_{y=1} w² (1 − p)² + Σ_{y=0} w² p², so only the sums of w and w² over the domain and over its
 * "yes" part are needed, and no term cancels another.
 */
export function proportionEstimate(domain: DomainSums, yes: DomainSums, waveRows: number): Estimate | null {
  if (!(domain.sumW > 0) || waveRows < 2) return null;
  const p = yes.sumW / domain.sumW;
  const squares = yes.sumW2 * (1 - p) ** 2 + (domain.sumW2 - yes.sumW2) * p ** 2;
  const variance = ((waveRows / (waveRows - 1)) * squares) / domain.sumW ** 2;
  return { estimate: p, se: Math.sqrt(Math.max(0, variance)) };
}

/** Kish's effective sample size, (Σw)² / Σw²: the simple random sample as precise as this weighted one. */
export function kishEffectiveSize(sums: Pick<DomainSums, 'sumW' | 'sumW2'>): number {
  return sums.sumW2 > 0 ? sums.sumW ** 2 / sums.sumW2 : 0;
}

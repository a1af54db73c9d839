/**
 * (1 − ρ)/(1 + ρ) for the lag-one autocorrelation ρ of a fit's residuals, ρ clamped to [0, 0.98]:
 * the fraction of N rows that count as independent (Bayley & Hammersley, JRSS B 8:184, 1946).
 * Neighbouring residuals of a smooth model against a smoothed or measured curve are correlated, and a
 * model error is correlated across the whole band, so N rows carry less than N rows' information.
 */
export function autocorrelationFactor(r: ArrayLike<number>): number {
  let lagged = 0;
  let total = 0;
  for (let k = 0; k < r.length; k++) {
    total += r[k]! * r[k]!;
    if (k > 0) lagged += r[k]! * r[k - 1]!;
  }
  const rho = Math.min(0.98, Math.max(0, total > 0 ? lagged / total : 0));
  return (1 - rho) / (1 + rho);
}

/**
 * Time bounds for hostile-input safety tests. They exist to catch catastrophic blow-ups
 * (exponential regex backtracking, quadratic loops that take minutes), not to measure speed: that
 * is the benchmarks' job. So every bound is multiplied by a generous factor (default 5, or
 * MARGINALIA_TIME_BUDGET_FACTOR) to stay green on a loaded 2-core machine.
 */
const FACTOR = Number(process.env.MARGINALIA_TIME_BUDGET_FACTOR) > 0 ? Number(process.env.MARGINALIA_TIME_BUDGET_FACTOR) : 5;

/** `ms` scaled by the safety factor. */
export function timeBudget(ms: number): number {
  return ms * FACTOR;
}

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

/** The slowest (rule, input) pair when `run` tries every rule on every adversarial input. */
export function slowestRun<T extends { entry: { id: string } }>(
  rules: readonly T[],
  inputs: readonly string[],
  run: (rule: T, input: string) => void,
): { ms: number; id: string; sample: number } {
  let worst = { ms: 0, id: '', sample: 0 };
  for (const rule of rules) {
    inputs.forEach((input, sample) => {
      const started = performance.now();
      run(rule, input);
      const ms = performance.now() - started;
      if (ms > worst.ms) worst = { ms, id: rule.entry.id, sample };
    });
  }
  return worst;
}

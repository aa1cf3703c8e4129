/**
 * Option validation for analyser factories: options are checked once, when the pipeline is built,
 * so a typo fails loudly instead of being ignored on every document.
 */
import { MarginaliaError } from './errors.js';

/** Throws E_ANALYSER_OPTIONS when `options` has a key not in `allowed`. */
export function assertKnownOptions(analyserId: string, options: object, allowed: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      const expected = allowed.length ? `one of ${allowed.map((k) => `"${k}"`).join(', ')}` : 'no options';
      throw new MarginaliaError('E_ANALYSER_OPTIONS', `Analyser "${analyserId}" got unknown option "${key}"; expected ${expected}.`, {
        subject: analyserId,
      });
    }
  }
}

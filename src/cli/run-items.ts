/**
 * The loop both commands share: take items in input order, process each, and report every result
 * or failure. JSONL streams a line per item as soon as it is done; other formats collect and render
 * once at the end. A failing item never stops the rest.
 */
import { MarginaliaError, isMarginaliaError, toMarginaliaError } from '../core/errors.js';
import type { InputItem } from './inputs.js';
import { describeError, type CliIo, type OutputSink } from './io.js';

/** A processed item: its output object (already carrying `source` or `id`). */
export type ItemResult<T> = { ok: true; key: InputItem['key']; value: T } | { ok: false; key: InputItem['key']; error: MarginaliaError };

/** Options for runItems. */
export interface RunItemsOptions<T> {
  io: CliIo;
  sink: OutputSink;
  /** Stream one JSON line per result instead of collecting. */
  streamJsonl: boolean;
  /** Whether failures are also printed to standard error. */
  quiet: boolean;
  debug: boolean;
  process: (item: InputItem) => Promise<T>;
}

/** Runs every item; returns the results in input order (values dropped when streaming). */
export async function runItems<T>(items: Iterable<InputItem> | AsyncIterable<InputItem>, options: RunItemsOptions<T>): Promise<ItemResult<T>[]> {
  const results: ItemResult<T>[] = [];
  for await (const item of items) {
    let result: ItemResult<T>;
    try {
      result = { ok: true, key: item.key, value: await options.process(item) };
    } catch (error) {
      const coded = isMarginaliaError(error) ? error : toMarginaliaError(error, describeKey(item.key));
      result = { ok: false, key: item.key, error: coded };
      if (!options.quiet) options.io.stderr(describeError(coded, options.debug));
    }
    if (options.streamJsonl) {
      options.sink.write(`${JSON.stringify(result.ok ? result.value : errorRecord(result.key, result.error))}\n`);
      results.push(result.ok ? { ok: true, key: result.key, value: undefined as T } : result);
    } else {
      results.push(result);
    }
  }
  return results;
}

/** The JSON line for a failed item: `{"source"|"id", "error": {"code", "message"}}`. */
export function errorRecord(key: InputItem['key'], error: MarginaliaError): Record<string, unknown> {
  return { ...key, error: error.toJSON() };
}

/** Exit code of a run: 0 when all succeeded; the error's own code for a single input; else 1. */
export function exitCodeOf(results: readonly ItemResult<unknown>[]): number {
  const failures = results.filter((r): r is Extract<ItemResult<unknown>, { ok: false }> => !r.ok);
  if (failures.length === 0) return 0;
  if (results.length === 1) return failures[0]!.error.exitCode;
  return 1;
}

function describeKey(key: InputItem['key']): string {
  return 'source' in key ? key.source : `batch item ${key.id ?? `on line ${key.line ?? '?'}`}`;
}

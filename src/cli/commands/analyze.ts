/**
 * `marginalia analyze`: ingest and analyse each input, then render the documents.
 */
import { createAnalyzer } from '../../api/analyzer.js';
import type { MarginaliaDocument } from '../../core/types.js';
import { renderReport, renderSummary, type ReportFormat } from '../../report/index.js';
import { setUpCommand } from '../command-setup.js';
import { ANALYZE_FLAGS, OUTPUT_FORMATS } from '../flags.js';
import type { InputItem } from '../inputs.js';
import { openSink, type CliIo } from '../io.js';
import { parseCommandArgs } from '../parse-args.js';
import { errorRecord, exitCodeOf, runItems } from '../run-items.js';
import { commandHelp } from '../help.js';

/** Runs `marginalia analyze` with `argv` (after the command name); resolves to the exit code. */
export async function analyzeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('analyze', argv, ANALYZE_FLAGS);
  if (args.values.help) {
    io.stdout(commandHelp('analyze'));
    return 0;
  }
  const setup = setUpCommand('analyze', args, io, OUTPUT_FORMATS);
  const analyzer = createAnalyzer({ maxBytes: setup.limits.maxBytes });
  const sink = openSink(io, setup.out);
  try {
    const results = await runItems(setup.items, {
      io,
      sink,
      streamJsonl: setup.format === 'jsonl',
      quiet: setup.quiet,
      debug: setup.debug,
      process: async (item) => withKey(await analyzer.analyze(await item.load()), item.key),
    });
    const docs = results.flatMap((r) => (r.ok ? [r.value] : []));
    if (setup.format === 'json' && setup.isMany) {
      const entries = results.map((r) => (r.ok ? r.value : errorRecord(r.key, r.error)));
      sink.write(`${JSON.stringify(entries, null, 2)}\n`);
    } else if (setup.format !== 'jsonl' && docs.length > 0) {
      sink.write(renderReport(setup.format as ReportFormat, docs, { color: setup.color }));
    }
    // Nothing succeeded and nothing was streamed: leave any earlier output file untouched.
    if (results.every((r) => !r.ok) && setup.format !== 'jsonl') sink.abort();
    else await sink.close();
    if (setup.out && !setup.quiet) {
      for (const doc of docs) io.stdout(renderSummary(doc, { color: io.stdoutIsTTY && !io.env.NO_COLOR }));
      io.stdout(`Wrote ${setup.format} for ${docs.length} document${docs.length === 1 ? '' : 's'} to ${setup.out}\n`);
    }
    return exitCodeOf(results);
  } catch (error) {
    sink.abort();
    throw error;
  }
}

/** Names the document after its input: `source` for files and URLs; for batch lines `id` replaces the hash. */
function withKey(doc: MarginaliaDocument, key: InputItem['key']): MarginaliaDocument {
  if ('source' in key) return { ...doc, source: key.source };
  const { source: _ignored, ...rest } = doc;
  return { ...rest, id: key.id ?? doc.id };
}

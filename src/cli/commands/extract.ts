/**
 * `marginalia extract`: the clean article body of each input, without analysis output.
 */
import { createAnalyzer, type ExtractedArticle } from '../../api/analyzer.js';
import { setUpCommand } from '../command-setup.js';
import { EXTRACT_FLAGS, EXTRACT_FORMATS } from '../flags.js';
import { openSink, type CliIo } from '../io.js';
import { parseCommandArgs } from '../parse-args.js';
import { errorRecord, exitCodeOf, runItems } from '../run-items.js';
import { commandHelp } from '../help.js';

type ExtractRecord = Record<string, unknown> & ExtractedArticle;

/** Runs `marginalia extract` with `argv` (after the command name); resolves to the exit code. */
export async function extractCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('extract', argv, EXTRACT_FLAGS);
  if (args.values.help) {
    io.stdout(commandHelp('extract'));
    return 0;
  }
  const setup = setUpCommand('extract', args, io, EXTRACT_FORMATS);
  const analyzer = createAnalyzer({ maxBytes: setup.limits.maxBytes });
  const sink = openSink(io, setup.out);
  try {
    const results = await runItems<ExtractRecord>(setup.items, {
      io,
      sink,
      streamJsonl: setup.format === 'jsonl',
      quiet: setup.quiet,
      debug: setup.debug,
      process: async (item) => ({ ...item.key, ...(await analyzer.extract(await item.load())) }),
    });
    if (setup.format === 'json') {
      const entries = results.map((r) => (r.ok ? r.value : errorRecord(r.key, r.error)));
      const ok = results.length === 1 && results[0]!.ok;
      sink.write(`${JSON.stringify(setup.isMany || !ok ? entries : entries[0], null, 2)}\n`);
    } else if (setup.format === 'text') {
      const texts = results.flatMap((r) => (r.ok ? [r.value] : []));
      sink.write(texts.map((r) => (texts.length > 1 ? `== ${String(r.source ?? r.id)} ==\n${r.text}\n` : `${r.text}\n`)).join('\n'));
    }
    // Nothing succeeded and nothing was streamed: leave any earlier output file untouched.
    if (results.every((r) => !r.ok) && setup.format !== 'jsonl') sink.abort();
    else await sink.close();
    return exitCodeOf(results);
  } catch (error) {
    sink.abort();
    throw error;
  }
}

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { MarginaliaDocument } from '../src/core/types.js';
import { runBin, runCli, tempDir } from './helpers/cli.js';
import { assertDocumentInvariants } from './helpers/invariants.js';

const TEXT_EXAMPLE = 'examples/ridgeline-op-ed.txt';
const HTML_EXAMPLE = 'examples/harbour-op-ed.html';
const MD_EXAMPLE = 'examples/council-report.md';

describe('marginalia analyze', () => {
  it('keeps plain text exactly as given and names the source', async () => {
    const run = await runCli(['analyze', TEXT_EXAMPLE, '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as MarginaliaDocument;
    assert.equal(doc.text, readFileSync(TEXT_EXAMPLE, 'utf8'));
    assert.equal(doc.source, TEXT_EXAMPLE);
    assert.equal(doc.meta.format, 'text');
    assertDocumentInvariants(doc);
  });

  it('writes one line per input, in input order, for jsonl', async () => {
    const run = await runCli(['analyze', HTML_EXAMPLE, TEXT_EXAMPLE, MD_EXAMPLE, '--format', 'jsonl']);
    assert.equal(run.code, 0, run.stderr);
    const docs = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as MarginaliaDocument);
    assert.deepEqual(docs.map((d) => d.source), [HTML_EXAMPLE, TEXT_EXAMPLE, MD_EXAMPLE]);
    assert.deepEqual(docs.map((d) => d.meta.format), ['html', 'text', 'markdown']);
    docs.forEach(assertDocumentInvariants);
  });

  it('runs a batch, echoing ids, reporting bad lines in place and going on', async () => {
    const dir = tempDir();
    const batch = join(dir, 'in.jsonl');
    writeFileSync(
      batch,
      [
        JSON.stringify({ id: 'a', text: 'The board met on Tuesday.\nIt voted to sell the site.' }),
        '{not json',
        JSON.stringify({ id: 'c', html: readFileSync(HTML_EXAMPLE, 'utf8'), url: 'https://lantern-review.example/x' }),
        JSON.stringify({ text: 'no id here' }),
        '',
        JSON.stringify({ id: 'e', text: '   ' }),
        JSON.stringify({ id: 7, text: 'Numeric ids are kept as strings.' }),
      ].join('\n'),
    );
    const run = await runCli(['analyze', '--batch', batch, '--format', 'jsonl']);
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(lines.map((l) => l.id), ['a', null, 'c', null, 'e', '7']);
    assert.deepEqual(lines.map((l) => (l.error as { code?: string } | undefined)?.code ?? 'ok'), ['ok', 'E_BAD_BATCH_LINE', 'ok', 'E_BAD_BATCH_LINE', 'E_EMPTY_INPUT', 'ok']);
    assert.equal((lines[0] as unknown as MarginaliaDocument).text, 'The board met on Tuesday.\nIt voted to sell the site.');
    assert.equal((lines[2] as unknown as MarginaliaDocument).meta.url, 'https://lantern-review.example/opinion/who-owns-the-shore');
    assert.match(run.stderr, /Line 2 of .*not valid JSON/);
  });

  it('writes a report file atomically and prints a summary', async () => {
    const out = join(tempDir(), 'report.html');
    const run = await runCli(['analyze', HTML_EXAMPLE, '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(readFileSync(out, 'utf8'), /^<!doctype html>/i);
    assert.match(run.stdout, /Wrote html for 1 document to/);
    writeFileSync(out, 'previous report');
    const failed = await runCli(['analyze', 'missing.txt', '--out', out]);
    assert.equal(failed.code, 3);
    assert.equal(readFileSync(out, 'utf8'), 'previous report');
  });

  for (const format of ['text', 'md', 'html', 'w3c']) {
    it(`renders --format ${format}`, async () => {
      const run = await runCli(['analyze', TEXT_EXAMPLE, '--format', format]);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(run.stdout.length > 500);
      assert.ok(!run.stdout.includes('\u001b['), 'no ANSI colours when not a terminal');
    });
  }
});

describe('marginalia extract', () => {
  it('returns the clean body and metadata of an HTML page', async () => {
    const run = await runCli(['extract', HTML_EXAMPLE, '--format', 'jsonl']);
    assert.equal(run.code, 0, run.stderr);
    const record = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(record).sort(), ['authors', 'publishedTime', 'source', 'text', 'title']);
    assert.equal(record.title, 'Who owns the shore? The quiet sale of Port Castellan');
    assert.deepEqual(record.authors, ['Miriam Okafor']);
    const text = record.text as string;
    assert.match(text, /The old ferry terminal at Port Castellan/);
    assert.match(text, /very hard to undo/);
    for (const excluded of ['human chain', 'A post shared by', 'former harbour pilot', 'views expressed', 'Sign up for our newsletter', 'All rights reserved', 'photographed in February']) {
      assert.ok(!text.includes(excluded), `extract kept "${excluded}"`);
    }
  });

  it('removes pasted posts, byline, bio and disclaimer from plain text', async () => {
    const run = await runCli(['extract', TEXT_EXAMPLE, '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const record = JSON.parse(run.stdout) as { text: string; authors: string[] };
    assert.deepEqual(record.authors, ['Miriam Okafor']);
    for (const excluded of ['@HarbourWatchPC', 'pic.twitter.com', 'Premieres', 'A post shared by', 'former harbour pilot', 'views expressed', 'By Miriam']) {
      assert.ok(!record.text.includes(excluded), `extract kept "${excluded}"`);
    }
    assert.match(record.text, /Residents plan a public meeting/);
  });
});

describe('usage errors and bad input', () => {
  const cases: [string, string[], number, RegExp][] = [
    ['unknown option', ['analyze', TEXT_EXAMPLE, '--frobnicate'], 2, /E_UNKNOWN_OPTION: Unknown option --frobnicate/],
    ['bad format', ['analyze', TEXT_EXAMPLE, '--format', 'pdf'], 2, /E_BAD_OPTION_VALUE: .*"pdf"/],
    ['missing value', ['analyze', TEXT_EXAMPLE, '--format'], 2, /E_USAGE: Option --format/],
    ['no input', ['analyze'], 2, /E_USAGE: .*needs at least one FILE/],
    ['unknown command', ['anlyze', TEXT_EXAMPLE], 2, /E_USAGE: Unknown command "anlyze"/],
    ['missing file', ['analyze', 'no/such/file.txt'], 3, /E_FILE_NOT_FOUND: File no\/such\/file.txt does not exist/],
    ['directory', ['analyze', 'examples'], 3, /E_FILE_UNREADABLE: examples is a directory/],
    ['bad --max-bytes', ['analyze', TEXT_EXAMPLE, '--max-bytes', 'lots'], 2, /E_BAD_OPTION_VALUE/],
    ['over the size cap', ['analyze', TEXT_EXAMPLE, '--max-bytes', '100'], 4, /E_TOO_LARGE: File .* the limit is 100 bytes/],
    ['refused URL', ['analyze', 'http://127.0.0.1:9/'], 5, /E_PRIVATE_ADDRESS/],
    ['not http', ['analyze', 'ftp://example.org/a.txt'], 5, /E_BAD_URL/],
    ['output folder missing', ['analyze', TEXT_EXAMPLE, '--out', 'no/such/folder/r.html'], 3, /E_OUTPUT_FAILED: .*folder no\/such\/folder does not exist/],
    ['--out without a known extension', ['analyze', TEXT_EXAMPLE, '--out', 'report.xyz'], 2, /E_USAGE: Cannot tell the format of --out report\.xyz/],
  ];
  for (const [name, argv, code, message] of cases) {
    it(`${name}: exit ${code}, a coded message, no stack`, async () => {
      const run = await runCli(argv);
      assert.equal(run.code, code, run.stderr);
      assert.match(run.stderr, message);
      assert.ok(!/\n\s+at /.test(run.stderr), 'no stack trace');
    });
  }

  const files: [string, Uint8Array | string, number, RegExp][] = [
    ['empty file', '', 4, /E_EMPTY_INPUT/],
    ['white space only', ' \n\t\n', 4, /E_EMPTY_INPUT/],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), 4, /E_BINARY_INPUT: .*PDF/],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 4, /E_BINARY_INPUT/],
  ];
  for (const [name, content, code, message] of files) {
    it(`${name}: exit ${code}`, async () => {
      const path = join(tempDir(), 'input.txt');
      writeFileSync(path, content);
      const run = await runCli(['analyze', path, '--format', 'json']);
      assert.equal(run.code, code, run.stderr);
      assert.match(run.stderr, message);
    });
  }

  it('decodes invalid UTF-8 as windows-1252 with a diagnostic', async () => {
    const path = join(tempDir(), 'latin.txt');
    writeFileSync(path, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x2e]));
    const run = await runCli(['analyze', path, '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as MarginaliaDocument;
    assert.equal(doc.text, 'Café “ok”.');
    assert.equal(doc.diagnostics[0]?.code, 'W_ENCODING_FALLBACK');
  });

  it('reports HTML without an article, and a page of embeds only, as diagnostics or a coded error', async () => {
    const cases: [string, string][] = [
      ['test/fixtures/html/no-article.html', 'W_NO_ARTICLE_FOUND'],
      ['test/fixtures/html/all-embeds.html', 'W_ALL_EMBEDS'],
    ];
    for (const [path, code] of cases) {
      const run = await runCli(['analyze', path, '--format', 'json']);
      assert.equal(run.code, 0, run.stderr);
      assert.ok((JSON.parse(run.stdout) as MarginaliaDocument).diagnostics.some((d) => d.code === code), `${path}: ${code}`);
    }
    const blank = join(tempDir(), 'blank.html');
    writeFileSync(blank, '<html><body><nav><a href="/">Home</a></nav><script>var x = 1;</script></body></html>');
    const run = await runCli(['analyze', blank, '--format', 'json']);
    assert.equal(run.code, 4);
    assert.match(run.stderr, /E_NO_ARTICLE: .*no visible text/);
  });

  it('handles a 1 MB single line and HTML nested 10,000 levels deep', async () => {
    const dir = tempDir();
    const line = join(dir, 'line.txt');
    writeFileSync(line, 'word '.repeat(200_000));
    const long = await runCli(['analyze', line, '--format', 'json']);
    assert.equal(long.code, 0, long.stderr);
    assert.ok((JSON.parse(long.stdout) as MarginaliaDocument).diagnostics.some((d) => d.code === 'W_LONG_LINE'));
    const deep = join(dir, 'deep.html');
    writeFileSync(deep, `<html><body>${'<div>'.repeat(10_000)}<p>Deep inside there is a paragraph of article text that should survive the nesting.</p>${'</div>'.repeat(10_000)}</body></html>`);
    const nested = await runCli(['analyze', deep, '--format', 'json']);
    assert.ok(nested.code === 0 || nested.code === 4, nested.stderr);
    assert.ok(!/\n\s+at /.test(nested.stderr));
  });
});

describe('the built executable', () => {
  it('reads standard input', () => {
    const run = runBin(['analyze', '-', '--format', 'json'], 'By Ana Ruiz\nA short story about the harbour.\n');
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as MarginaliaDocument).text, 'By Ana Ruiz\nA short story about the harbour.\n');
  });
  it('prints help and version', () => {
    const help = runBin(['analyze', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--batch IN\.jsonl/);
    assert.match(help.stdout, /Exit codes:/);
    assert.match(runBin(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
    assert.match(runBin(['extract', '--help']).stdout, /clean article body/);
  });
  it('exits 2 with a message and no stack on an unknown option', () => {
    const run = runBin(['analyze', '--nope', TEXT_EXAMPLE]);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'marginalia: E_UNKNOWN_OPTION: Unknown option --nope for "marginalia analyze"; see "marginalia analyze --help".\n');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isMarginaliaError } from '../src/core/errors.js';
import { MAX_INPUT_BYTES, decodeBytes, sniffHtmlCharset } from '../src/ingest/decode.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | Uint8Array | string)[]): Uint8Array => {
  const chunks = parts.map((p) => (typeof p === 'string' ? utf8(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};
const utf16 = (s: string, bigEndian: boolean): number[] =>
  Array.from(s).flatMap((ch) => {
    const c = ch.charCodeAt(0);
    return bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8];
  });

/** Control characters that decodeBytes counts against text (tab, newlines and form feed excepted). */
const isControl = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  return (c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f;
};

const ARTICLE = 'The Lowmoor Courier\r\nMayor Ilse Varga said the bridge “will reopen in May”.\n\n\tIt did not.  \n';

function throwsCode(input: Uint8Array, code: string, pattern: RegExp, options: { maxBytes?: number; declaredCharset?: string } = {}): void {
  assert.throws(
    () => decodeBytes(input, { subject: 'fixture.txt', ...options }),
    (error: unknown) => {
      assert.ok(isMarginaliaError(error));
      assert.equal(error.code, code, error.message);
      assert.match(error.message, pattern);
      assert.match(error.message, /fixture\.txt/);
      return true;
    },
  );
}

describe('decodeBytes: text comes out exactly as it went in', () => {
  const cases: [string, Uint8Array, string, string][] = [
    ['UTF-8 with CRLF, tabs and trailing spaces', utf8(ARTICLE), ARTICLE, 'utf-8'],
    ['UTF-8 with a BOM (the BOM is dropped)', bytes([0xef, 0xbb, 0xbf], ARTICLE), ARTICLE, 'utf-8'],
    ['a second BOM is kept', bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'x'), '\ufeffx', 'utf-8'],
    ['UTF-16LE with a BOM', bytes([0xff, 0xfe], utf16(ARTICLE, false)), ARTICLE, 'utf-16le'],
    ['UTF-16BE with a BOM', bytes([0xfe, 0xff], utf16(ARTICLE, true)), ARTICLE, 'utf-16be'],
    ['UTF-16LE without a BOM', bytes(utf16(ARTICLE, false)), ARTICLE, 'utf-16le'],
    ['UTF-16BE without a BOM', bytes(utf16(ARTICLE, true)), ARTICLE, 'utf-16be'],
    ['astral characters', utf8('Flag 🇺🇦 and 𝔊 stay.'), 'Flag 🇺🇦 and 𝔊 stay.', 'utf-8'],
    ['a lone CR and a form feed', utf8('a\rb\fc'), 'a\rb\fc', 'utf-8'],
    ['text starting like a magic number', utf8('ID3 tags and RIFF files, explained.'), 'ID3 tags and RIFF files, explained.', 'utf-8'],
    ['text starting with MZ', utf8('MZ Holdings denied the report.'), 'MZ Holdings denied the report.', 'utf-8'],
  ];
  for (const [name, input, expected, encoding] of cases) {
    it(name, () => {
      const decoded = decodeBytes(input, { subject: 'fixture.txt' });
      assert.equal(decoded.text, expected);
      assert.equal(decoded.encoding, encoding);
      assert.deepEqual(decoded.diagnostics, []);
    });
  }

  it('round-trips any valid UTF-8 text with a non-space character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (s) => {
        const text = Array.from(`${s}x`, (ch) => (isControl(ch) ? '' : ch)).join('');
        const decoded = decodeBytes(utf8(text), { subject: 'prop' });
        assert.equal(decoded.text, text.startsWith('\ufeff') ? text.slice(1) : text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeBytes: encodings', () => {
  it('falls back to windows-1252 for invalid UTF-8, with a diagnostic', () => {
    const input = bytes('Caf', [0xe9], ' ', [0x93], 'Mercado', [0x94], ' ', [0x96], ' 5', [0x80]);
    const decoded = decodeBytes(input, { subject: 'old.txt' });
    assert.equal(decoded.text, 'Café “Mercado” – 5€');
    assert.equal(decoded.encoding, 'windows-1252');
    assert.equal(decoded.diagnostics.length, 1);
    assert.equal(decoded.diagnostics[0]?.code, 'W_ENCODING_FALLBACK');
    assert.equal(decoded.diagnostics[0]?.source, 'ingest');
    assert.match(decoded.diagnostics[0]?.message ?? '', /old\.txt.*offset 3/);
  });

  it('keeps mostly-valid UTF-8 as UTF-8 and replaces the stray byte', () => {
    const input = bytes('Zoë, Ana and José met in Kraków; ', [0xff], '.');
    const decoded = decodeBytes(input, { subject: 'mixed.txt' });
    assert.equal(decoded.text, 'Zoë, Ana and José met in Kraków; \ufffd.');
    assert.equal(decoded.diagnostics[0]?.code, 'W_ENCODING_REPLACED');
  });

  it('honours a declared charset', () => {
    const decoded = decodeBytes(bytes('na', [0xef], 've'), { subject: 'page', declaredCharset: 'ISO-8859-1' });
    assert.equal(decoded.text, 'naïve');
    assert.equal(decoded.encoding, 'windows-1252');
    assert.deepEqual(decoded.diagnostics, []);
  });

  it('honours a declared non-Latin charset', () => {
    const decoded = decodeBytes(bytes([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), { subject: 'page', declaredCharset: 'windows-1251' });
    assert.equal(decoded.text, 'Привет');
  });

  it('lets a BOM beat a declared charset', () => {
    const decoded = decodeBytes(bytes([0xef, 0xbb, 0xbf], 'naïve'), { subject: 'page', declaredCharset: 'windows-1252' });
    assert.equal(decoded.text, 'naïve');
    assert.equal(decoded.encoding, 'utf-8');
  });

  it('ignores an unknown declared charset', () => {
    const decoded = decodeBytes(utf8('naïve'), { subject: 'page', declaredCharset: 'x-no-such-charset' });
    assert.equal(decoded.text, 'naïve');
  });
});

describe('decodeBytes: refusals', () => {
  const binaries: [string, Uint8Array, RegExp][] = [
    ['PDF', bytes('%PDF-1.7\n%', [0xe2, 0xe3]), /a PDF file/],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /a PNG image/],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]), /a JPEG image/],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0]), /a GIF image/],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), /a WebP image/],
    ['ZIP/docx', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), /ZIP archive/],
    ['gzip', bytes([0x1f, 0x8b, 0x08, 0]), /gzip/],
    ['ELF', bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), /ELF executable/],
    ['Windows executable', bytes('MZ', [0x90, 0, 3, 0]), /Windows executable/],
    ['NUL bytes', bytes('plain words', [0], 'more words and more words'), /NUL bytes/],
    ['control characters', bytes('ab', [1, 2, 3, 4, 5, 6], 'cd'), /control characters/],
  ];
  for (const [name, input, pattern] of binaries) {
    it(`refuses ${name}`, () => throwsCode(input, 'E_BINARY_INPUT', pattern));
  }

  it('refuses zero bytes', () => throwsCode(new Uint8Array(0), 'E_EMPTY_INPUT', /empty/));
  it('refuses white space only', () => throwsCode(utf8(' \r\n\t\u00a0\u3000'), 'E_EMPTY_INPUT', /only white space/));
  it('refuses a BOM only', () => throwsCode(bytes([0xef, 0xbb, 0xbf]), 'E_EMPTY_INPUT', /only white space/));
  it('refuses input over maxBytes, naming the size', () => throwsCode(utf8('x'.repeat(101)), 'E_TOO_LARGE', /101 bytes.*cap is 100/, { maxBytes: 100 }));
  it('accepts input exactly at maxBytes', () => {
    assert.equal(decodeBytes(utf8('x'.repeat(100)), { subject: 'f', maxBytes: 100 }).text.length, 100);
  });
  it('defaults the cap to 10 MB', () => {
    assert.equal(MAX_INPUT_BYTES, 10 * 1024 * 1024);
    throwsCode(new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61), 'E_TOO_LARGE', /10485761 bytes/);
  });
});

describe('sniffHtmlCharset', () => {
  const cases: [string, string, string | null][] = [
    ['meta charset', '<!doctype html><html><head><meta charset="utf-8"><title>x</title>', 'utf-8'],
    ['unquoted, upper case', '<HTML><HEAD><META CHARSET=ISO-8859-1>', 'windows-1252'],
    ['http-equiv', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', 'windows-1251'],
    ['declared UTF-16 means UTF-8', '<meta charset="utf-16">', 'utf-8'],
    ['inside a comment: ignored', '<!-- <meta charset="koi8-r"> --><p>hi</p>', null],
    ['unknown label', '<meta charset="klingon">', null],
    ['no meta', '<html><body><p>charset=utf-8 in prose</p></body></html>', null],
    ['a metadata tag is not meta', '<metadata charset="koi8-r">', null],
    ['first known wins', '<meta charset="bogus"><meta charset="shift_jis">', 'shift_jis'],
  ];
  for (const [name, html, expected] of cases) {
    it(name, () => assert.equal(sniffHtmlCharset(utf8(html)), expected));
  }

  it('looks at the first 4 KB only', () => {
    assert.equal(sniffHtmlCharset(utf8(`${' '.repeat(5000)}<meta charset="koi8-r">`)), null);
  });
});

/**
 * Turns input bytes into text without changing them: a leading BOM is the only thing dropped,
 * line endings and everything else stay, so stand-off offsets from other tools still align.
 * Refuses binary files (by magic number, NUL bytes, control characters), empty and oversized
 * input. Invalid UTF-8 falls back to windows-1252, with a diagnostic saying so.
 */
import { makeDiagnostic } from '../core/diagnostics.js';
import { MarginaliaError } from '../core/errors.js';
import type { Diagnostic } from '../core/types.js';

/** Decoded text, the encoding that was used, and what went wrong along the way. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | string;
  diagnostics: Diagnostic[];
}

/** Default cap on input size: 10 MB. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** A magic number: bytes at offset 0 (and optionally more at `at`), and the type it reveals. */
interface Magic {
  prefix: number[];
  more?: { at: number; bytes: number[] };
  type: string;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** Text-looking magic numbers carry a non-text follow-up byte so an article starting "ID3 …" is not refused. */
const MAGICS: readonly Magic[] = [
  { prefix: ascii('%PDF-'), type: 'a PDF file' },
  { prefix: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: 'a PNG image' },
  { prefix: [0xff, 0xd8, 0xff], type: 'a JPEG image' },
  { prefix: ascii('GIF87a'), type: 'a GIF image' },
  { prefix: ascii('GIF89a'), type: 'a GIF image' },
  { prefix: ascii('RIFF'), more: { at: 8, bytes: ascii('WEBP') }, type: 'a WebP image' },
  { prefix: ascii('RIFF'), more: { at: 8, bytes: ascii('WAVE') }, type: 'a WAV audio file' },
  { prefix: ascii('RIFF'), more: { at: 8, bytes: ascii('AVI ') }, type: 'an AVI video' },
  { prefix: [0x50, 0x4b, 0x03, 0x04], type: 'a ZIP archive (or a .docx/.epub/.odt document)' },
  { prefix: [0x50, 0x4b, 0x05, 0x06], type: 'a ZIP archive' },
  { prefix: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], type: 'a legacy Microsoft Office document' },
  { prefix: ascii('{\\rtf'), type: 'an RTF document' },
  { prefix: [0x1f, 0x8b], type: 'a gzip archive' },
  { prefix: [0x42, 0x5a, 0x68], more: { at: 4, bytes: [0x31, 0x41, 0x59, 0x26, 0x53, 0x59] }, type: 'a bzip2 archive' },
  { prefix: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], type: 'an xz archive' },
  { prefix: [0x28, 0xb5, 0x2f, 0xfd], type: 'a zstd archive' },
  { prefix: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], type: 'a 7-Zip archive' },
  { prefix: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], type: 'a RAR archive' },
  { prefix: [0x7f, 0x45, 0x4c, 0x46], type: 'an ELF executable' },
  { prefix: [0xcf, 0xfa, 0xed, 0xfe], type: 'a Mach-O executable' },
  { prefix: [0xca, 0xfe, 0xba, 0xbe], type: 'a Mach-O or Java class file' },
  { prefix: [0x00, 0x61, 0x73, 0x6d], type: 'a WebAssembly module' },
  { prefix: ascii('SQLite format 3\0'), type: 'an SQLite database' },
  { prefix: ascii('OggS\0'), type: 'an Ogg media file' },
  { prefix: ascii('fLaC\0'), type: 'a FLAC audio file' },
  { prefix: [0x49, 0x44, 0x33, 0x03, 0x00], type: 'an MP3 audio file' },
  { prefix: [0x49, 0x44, 0x33, 0x04, 0x00], type: 'an MP3 audio file' },
  { prefix: [0x49, 0x49, 0x2a, 0x00], type: 'a TIFF image' },
  { prefix: [0x4d, 0x4d, 0x00, 0x2a], type: 'a TIFF image' },
  { prefix: [0x00, 0x00, 0x00], more: { at: 4, bytes: ascii('ftyp') }, type: 'an MP4 or QuickTime media file' },
];

/** Share of control characters (other than tab, newlines, form feed) above which input is binary. */
const CONTROL_RATIO_LIMIT = 0.05;
const SAMPLE_CHARS = 64 * 1024;

function startsWithAt(bytes: Uint8Array, at: number, expected: number[]): boolean {
  if (bytes.length < at + expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

/** Names the binary type the magic number reveals, or null. */
function sniffMagic(bytes: Uint8Array): string | null {
  for (const magic of MAGICS) {
    if (startsWithAt(bytes, 0, magic.prefix) && (magic.more === undefined || startsWithAt(bytes, magic.more.at, magic.more.bytes))) {
      return magic.type;
    }
  }
  if (bytes[0] === 0x4d && bytes[1] === 0x5a && bytes.subarray(0, 64).includes(0)) return 'a Windows executable';
  return null;
}

/** Guesses BOM-less UTF-16 from the NUL pattern of the first 4 KB (ASCII-heavy text only). */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return null;
}

/** Canonical TextDecoder name for a charset label, or null if TextDecoder does not know it. */
function supportedEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** What windows-1252 puts at 0x80–0x9F; the five undefined bytes keep their C1 code point, as in WHATWG. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const C1_RANGE = /[\x80-\x9f]/g;
const latin1Decoder = new TextDecoder('latin1');

/**
 * windows-1252 by table: Node 20's TextDecoder decodes this label as ISO-8859-1 (0x93 comes out
 * as a C1 control, not a curly quote), so the C1 range is mapped here. Correct either way: on a
 * runtime without the bug there is nothing left in the C1 range to map but the five undefined bytes.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return latin1Decoder.decode(bytes).replace(C1_RANGE, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)));
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Counts of well-formed multi-byte UTF-8 sequences and ill-formed ones, with the first bad offset. */
function scanUtf8(bytes: Uint8Array): { multibyte: number; invalid: number; firstInvalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      ok = c !== undefined && c >= (k === 1 ? lo : 0x80) && c <= (k === 1 ? hi : 0xbf);
    }
    if (ok) {
      multibyte++;
      i += need + 1;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid, firstInvalid };
}

/** UTF-8 if valid; mostly-valid UTF-8 with U+FFFD replacements; otherwise windows-1252. */
function decodeUtf8OrFallback(bytes: Uint8Array, subject: string, diagnostics: Diagnostic[], isCertain: boolean): DecodedText {
  const strict = decodeStrict(bytes, 'utf-8');
  if (strict !== null) return { text: strict, encoding: 'utf-8', diagnostics };
  const scan = scanUtf8(bytes);
  if (isCertain || (scan.multibyte > 0 && scan.multibyte >= scan.invalid * 2)) {
    const message = `${subject} has ${scan.invalid} invalid UTF-8 byte(s), the first at offset ${scan.firstInvalid}; they were replaced with U+FFFD.`;
    diagnostics.push(makeDiagnostic('W_ENCODING_REPLACED', 'ingest', message));
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', diagnostics };
  }
  const message = `${subject} is not valid UTF-8 (first invalid byte at offset ${scan.firstInvalid}); it was decoded as windows-1252.`;
  diagnostics.push(makeDiagnostic('W_ENCODING_FALLBACK', 'ingest', message));
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', diagnostics };
}

function decodeAs(bytes: Uint8Array, encoding: string, subject: string, diagnostics: Diagnostic[], isCertain: boolean): DecodedText {
  if (encoding === 'utf-8') return decodeUtf8OrFallback(bytes, subject, diagnostics, isCertain);
  const strict = decodeStrict(bytes, encoding);
  if (strict !== null) return { text: strict, encoding, diagnostics };
  diagnostics.push(makeDiagnostic('W_ENCODING_REPLACED', 'ingest', `${subject} is not valid ${encoding}; the bytes that could not be decoded were replaced with U+FFFD.`));
  return { text: new TextDecoder(encoding).decode(bytes), encoding, diagnostics };
}

/** Refuses decoded text that is binary in disguise: any NUL, or too many control characters. */
function assertTextual(text: string, subject: string): void {
  if (text.includes('\0')) {
    throw new MarginaliaError('E_BINARY_INPUT', `${subject} looks like a binary file: it contains NUL bytes; expected text, HTML or Markdown.`, { subject });
  }
  const n = Math.min(text.length, SAMPLE_CHARS);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) || c === 0x7f) controls++;
  }
  if (controls >= 2 && controls > n * CONTROL_RATIO_LIMIT) {
    const share = Math.round((controls / n) * 100);
    throw new MarginaliaError('E_BINARY_INPUT', `${subject} looks like a binary file: ${share}% of its first characters are control characters; expected text, HTML or Markdown.`, { subject });
  }
}

/**
 * Decodes input bytes to text. BOM first, then `declaredCharset` (HTTP header or `<meta charset>`)
 * when TextDecoder supports it, then BOM-less UTF-16 by NUL pattern, then UTF-8 with a
 * windows-1252 fallback. Throws E_TOO_LARGE (over `maxBytes`, default 10 MB), E_EMPTY_INPUT,
 * E_BINARY_INPUT. Plain text comes out exactly as given, minus a leading BOM.
 */
export function decodeBytes(bytes: Uint8Array, options: { subject: string; declaredCharset?: string | null; maxBytes?: number }): DecodedText {
  const { subject } = options;
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  if (bytes.length > maxBytes) {
    throw new MarginaliaError('E_TOO_LARGE', `${subject} is ${bytes.length} bytes; the cap is ${maxBytes} bytes.`, { subject });
  }
  if (bytes.length === 0) {
    throw new MarginaliaError('E_EMPTY_INPUT', `${subject} is empty (0 bytes); expected an article.`, { subject });
  }
  const binaryType = sniffMagic(bytes);
  if (binaryType !== null) {
    throw new MarginaliaError('E_BINARY_INPUT', `${subject} looks like ${binaryType}, not text, HTML or Markdown.`, { subject });
  }
  const diagnostics: Diagnostic[] = [];
  let decoded: DecodedText;
  if (startsWithAt(bytes, 0, [0xef, 0xbb, 0xbf])) decoded = decodeAs(bytes, 'utf-8', subject, diagnostics, true);
  else if (startsWithAt(bytes, 0, [0xff, 0xfe])) decoded = decodeAs(bytes, 'utf-16le', subject, diagnostics, true);
  else if (startsWithAt(bytes, 0, [0xfe, 0xff])) decoded = decodeAs(bytes, 'utf-16be', subject, diagnostics, true);
  else {
    const declared = options.declaredCharset ? supportedEncoding(options.declaredCharset) : null;
    const encoding = declared ?? sniffUtf16(bytes) ?? 'utf-8';
    decoded = decodeAs(bytes, encoding, subject, diagnostics, false);
  }
  assertTextual(decoded.text, subject);
  if (!/\S/.test(decoded.text)) {
    throw new MarginaliaError('E_EMPTY_INPUT', `${subject} contains only white space; expected an article.`, { subject });
  }
  return decoded;
}

const META_CHARSET = /charset\s*=\s*["']?\s*([a-z0-9._:-]{1,40})/;

/**
 * Finds the charset an HTML page declares in `<meta charset>` or `<meta http-equiv=content-type>`
 * within its first 4 KB (comments skipped), as a canonical TextDecoder name, or null. A
 * declared UTF-16 means UTF-8 here, as in the HTML spec: a page that is really UTF-16 has a BOM.
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096)).toLowerCase();
  let i = 0;
  while (i < head.length) {
    const lt = head.indexOf('<', i);
    if (lt < 0) break;
    if (head.startsWith('<!--', lt)) {
      const end = head.indexOf('-->', lt + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const after = head.charCodeAt(lt + 5);
    if (head.startsWith('<meta', lt) && (after === 0x20 || after === 0x2f || (after >= 0x09 && after <= 0x0d))) {
      const gt = head.indexOf('>', lt);
      const tag = head.slice(lt, gt < 0 ? head.length : gt);
      const label = META_CHARSET.exec(tag)?.[1];
      const encoding = label === undefined ? null : supportedEncoding(label);
      if (encoding !== null) {
        if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
        return encoding === 'x-user-defined' ? 'windows-1252' : encoding;
      }
      i = gt < 0 ? head.length : gt + 1;
      continue;
    }
    i = lt + 1;
  }
  return null;
}

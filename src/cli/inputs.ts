/**
 * Where the CLI's inputs come from: file paths, URLs, standard input (`-`) and --batch JSONL files.
 * Each input becomes an item that loads lazily, so a huge batch streams through in constant memory
 * and one bad item fails alone.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { MarginaliaError } from '../core/errors.js';
import type { ArticleInput } from '../ingest/ingest.js';

/** One input: how output lines name it, and how to load it. */
export interface InputItem {
  /** `source` for paths and URLs, `id` for batch lines. */
  key: { source: string } | { id: string | null; line?: number };
  load(): Promise<ArticleInput>;
}

/** Limits that apply while reading inputs. */
export interface InputLimits {
  maxBytes: number;
  timeoutMs: number;
  allowPrivateNetwork: boolean;
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Items for the positional arguments, in order. */
export function positionalItems(args: readonly string[], limits: InputLimits): InputItem[] {
  return args.map((arg) => ({ key: { source: arg }, load: () => loadArgument(arg, limits) }));
}

async function loadArgument(arg: string, limits: InputLimits): Promise<ArticleInput> {
  if (arg === '-') return { bytes: await readStdin(limits.maxBytes), subject: 'standard input' };
  if (URL_LIKE.test(arg)) {
    const { fetchUrl } = await import('../ingest/fetch-url.js');
    const page = await fetchUrl(arg, {
      allowPrivateNetwork: limits.allowPrivateNetwork,
      timeoutMs: limits.timeoutMs,
      maxBytes: limits.maxBytes,
    });
    return { bytes: page.bytes, subject: arg, url: page.url, contentType: page.contentType, charset: page.charset };
  }
  return { bytes: await readFileCapped(arg, limits.maxBytes), subject: arg };
}

/** Reads a file, refusing missing files, directories and files over the cap before reading them. */
export async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  await assertReadableFile(path, maxBytes);
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MarginaliaError('E_FILE_UNREADABLE', `File ${path} cannot be read (${code ?? 'unknown error'}).`, { subject: path, cause: error });
  }
}

/** Throws E_FILE_NOT_FOUND, E_FILE_UNREADABLE or E_TOO_LARGE unless `path` is a readable file within the cap. */
export async function assertReadableFile(path: string, maxBytes: number): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new MarginaliaError('E_FILE_NOT_FOUND', `File ${path} does not exist.`, { subject: path, cause: error });
    }
    throw new MarginaliaError('E_FILE_UNREADABLE', `File ${path} cannot be read (${code ?? 'unknown error'}).`, { subject: path, cause: error });
  }
  if (info.isDirectory()) {
    throw new MarginaliaError('E_FILE_UNREADABLE', `${path} is a directory; expected an article file.`, { subject: path });
  }
  if (info.size > maxBytes) {
    throw new MarginaliaError('E_TOO_LARGE', `File ${path} is ${info.size} bytes; the limit is ${maxBytes} bytes (see --max-bytes).`, {
      subject: path,
    });
  }
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      throw new MarginaliaError('E_TOO_LARGE', `Standard input is over the limit of ${maxBytes} bytes (see --max-bytes).`, {
        subject: 'standard input',
      });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Items of a --batch JSONL file, streamed line by line. Blank lines are skipped. */
export async function* batchItems(path: string, limits: InputLimits): AsyncGenerator<InputItem> {
  await assertReadableFile(path, Number.MAX_SAFE_INTEGER);
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    yield batchItem(path, line, lineNumber, limits);
  }
}

function batchItem(path: string, line: string, lineNumber: number, limits: InputLimits): InputItem {
  const where = `${path} line ${lineNumber}`;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return failing({ id: null, line: lineNumber }, `Line ${lineNumber} of ${path} is not valid JSON; expected {"id": …, "text": …}.`);
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return failing({ id: null, line: lineNumber }, `Line ${lineNumber} of ${path} is not a JSON object; expected {"id": …, "text": …}.`);
  }
  const { id, text, html, url } = record as Record<string, unknown>;
  const key = { id: typeof id === 'string' || typeof id === 'number' ? String(id) : null, line: lineNumber };
  if (key.id === null) return failing(key, `Line ${lineNumber} of ${path} has no "id" (a string); every batch line needs one.`);
  if (url !== undefined && typeof url !== 'string') return failing(key, `Line ${lineNumber} of ${path}: "url" must be a string.`);
  if (typeof html === 'string') {
    const bytes = Buffer.byteLength(html);
    if (bytes > limits.maxBytes) return tooLarge(key, where, bytes, limits.maxBytes);
    return { key, load: async () => ({ html, subject: `${where} (id ${key.id})`, ...(url ? { url } : {}) }) };
  }
  if (typeof text === 'string') {
    const bytes = Buffer.byteLength(text);
    if (bytes > limits.maxBytes) return tooLarge(key, where, bytes, limits.maxBytes);
    return { key, load: async () => ({ text, format: 'text', subject: `${where} (id ${key.id})`, ...(url ? { url } : {}) }) };
  }
  return failing(key, `Line ${lineNumber} of ${path} (id ${key.id}) has neither "text" nor "html" as a string.`);
}

function failing(key: InputItem['key'], message: string): InputItem {
  return { key, load: () => Promise.reject(new MarginaliaError('E_BAD_BATCH_LINE', message)) };
}

function tooLarge(key: InputItem['key'], where: string, bytes: number, maxBytes: number): InputItem {
  return {
    key,
    load: () => Promise.reject(new MarginaliaError('E_TOO_LARGE', `${where} is ${bytes} bytes; the limit is ${maxBytes} bytes (see --max-bytes).`)),
  };
}

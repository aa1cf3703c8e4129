/**
 * Invariants every document must satisfy, checked on every fixture and on hostile input: valid
 * against the JSON Schema, spans in range, slices equal to annotation text, unique ids, canonical
 * order, and a clean JSON round trip.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { compareAnnotations } from '../../src/core/annotation.js';
import type { MarginaliaDocument } from '../../src/core/types.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/marginalia-1.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Throws an assertion error naming the first broken invariant. */
export function assertDocumentInvariants(doc: MarginaliaDocument): void {
  const valid = validate(doc);
  assert.ok(valid, `schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  const ids = new Set<string>();
  for (const annotation of doc.annotations) {
    const { start, end } = annotation.span;
    assert.ok(start >= 0 && start <= end && end <= doc.text.length, `span ${start}..${end} out of range in ${annotation.id}`);
    assert.equal(doc.text.slice(start, end), annotation.text, `slice differs for ${annotation.id}`);
    assert.ok(!ids.has(annotation.id), `duplicate id ${annotation.id}`);
    ids.add(annotation.id);
    assert.ok(annotation.confidence >= 0 && annotation.confidence <= 1, `confidence of ${annotation.id}`);
  }
  for (let i = 1; i < doc.annotations.length; i++) {
    assert.ok(compareAnnotations(doc.annotations[i - 1]!, doc.annotations[i]!) < 0, `order broken at annotation ${i}`);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(doc)), doc, 'document does not round-trip through JSON');
}

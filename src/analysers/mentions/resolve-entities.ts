/**
 * Groups candidates into entities: a surname or a title with a surname joins the full name met in
 * the document ("General Soleimani", "Soleimani" → "Qassem Soleimani"), an acronym in brackets
 * joins the name before it ("Harbour Defence Council (HDC)"), a descriptor joins the name it
 * follows ("Hamas militants"). Linear: one pass to collect full names, one to resolve.
 */
import type { Candidate, SentenceTokens } from './find-mentions.js';
import type { MentionLabel } from './lexicon.js';

/** A candidate with its entity settled. */
export interface ResolvedMention {
  candidate: Candidate;
  entity: string;
  label: MentionLabel;
  /** Rule that decided the entity. */
  ruleId: string;
  note: string;
  confidence: number;
}

const SURNAME_PREFIX = /^(?:al|el|ad|an|ar|as|ash|at|az|ud|ul)-/u;

function surnameKey(key: string): string {
  return key.replace(SURNAME_PREFIX, '');
}

interface PersonName {
  /** The name as the article spells it (its title-case spelling when it also shouts it). */
  name: string;
}

/**
 * Whether an acronym's capitals are initials of the name before it, in order and starting with its
 * first ("Harbour Defence Council (HDC)", "Islamic Revolutionary Guard Corps (IRGC)"); a party and
 * state after a person ("Jerry Nadler (D-NY)") is no alias.
 */
function spellsInitials(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^A-Z]/gu, '');
  const initials = name
    .split(/[\s-]+/u)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0]!)
    .join('');
  if (letters.length === 0 || letters[0] !== initials[0]) return false;
  let at = 0;
  for (const ch of letters) {
    at = initials.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** All capitals ("KEITH ELLISON"): the same name as its title-case spelling, shown in that spelling. */
function isShouted(name: string): boolean {
  return name === name.toUpperCase() && name !== name.toLowerCase();
}

/** Resolves every candidate; the result is parallel to `candidates`. */
export function resolveEntities(candidates: readonly Candidate[], sentences: readonly SentenceTokens[]): ResolvedMention[] {
  // Full names (two or more name words), by surname and by first name. A surname two people share
  // ("Keith Ellison", then "his ex-wife, Kim Ellison") is the person the article introduced first:
  // news style gives the others their full names again each time.
  const bySurname = new Map<string, PersonName>();
  const persons = new Map<string, PersonName>();
  const byFirst = new Map<string, PersonName>();
  for (const c of candidates) {
    if ((c.kind !== 'titled' && c.kind !== 'name') || c.nameKeys.length < 2) continue;
    const lower = c.name.toLowerCase();
    const person = persons.get(lower);
    if (person) {
      if (isShouted(person.name) && !isShouted(c.name)) person.name = c.name;
      continue;
    }
    const added = { name: c.name };
    persons.set(lower, added);
    const key = surnameKey(c.nameKeys[c.nameKeys.length - 1]!);
    if (!bySurname.has(key)) bySurname.set(key, added);
    if (!byFirst.has(c.nameKeys[0]!)) byFirst.set(c.nameKeys[0]!, added);
  }
  const fullNameFor = (key: string): string | null => (bySurname.get(surnameKey(key)) ?? byFirst.get(key))?.name ?? null;
  const displayName = (name: string): string => persons.get(name.toLowerCase())?.name ?? name;
  // Acronyms defined in brackets right after a name: "Harbour Defence Council (HDC)".
  const aliases = new Map<string, number>();
  for (let k = 0; k + 1 < candidates.length; k++) {
    const c = candidates[k]!;
    const next = candidates[k + 1]!;
    if (next.sentence !== c.sentence || next.first !== c.last + 2 || next.kind !== 'acronym') continue;
    const tokens = sentences[c.sentence]!.tokens;
    if (tokens[c.last + 1]?.key === '(' && tokens[next.last + 1]?.key === ')' && spellsInitials(next.name, c.name)) aliases.set(next.name, k);
  }
  // Names the text types as a place or organisation somewhere ("the Nieuwe Haven district"): the
  // same words elsewhere, with no cue of their own ("on their way to Nieuwe Haven"), are that too.
  const typed = new Map<string, 'place' | 'organization'>();
  for (const c of candidates) if ((c.kind === 'place' || c.kind === 'org') && !typed.has(c.name)) typed.set(c.name, c.kind === 'org' ? 'organization' : 'place');
  const resolved: ResolvedMention[] = [];
  candidates.forEach((c, k) => {
    resolved.push(resolveOne(c, k, candidates, resolved, fullNameFor, displayName, aliases, typed));
  });
  return resolved;
}

function resolveOne(
  c: Candidate,
  k: number,
  candidates: readonly Candidate[],
  resolved: readonly ResolvedMention[],
  fullNameFor: (key: string) => string | null,
  displayName: (name: string) => string,
  aliases: ReadonlyMap<string, number>,
  typed: ReadonlyMap<string, 'place' | 'organization'>,
): ResolvedMention {
  if (c.attachedTo >= 0 && c.attachedTo < k) {
    const host = resolved[c.attachedTo]!;
    return {
      candidate: c,
      entity: host.entity,
      label: host.label,
      ruleId: c.lexicon!.id,
      note: `'${c.lexicon!.term}' follows a name and describes it: ${c.lexicon!.note}`,
      confidence: 0.85,
    };
  }
  if (c.lexicon) {
    if (!c.lexicon.attach) return { candidate: c, entity: c.lexicon.referent, label: c.lexicon.type, ruleId: c.lexicon.id, note: c.lexicon.note, confidence: 0.9 };
    // A descriptor used alone ("ruled by thugs", "the protesters are extremists") names whoever the
    // sentence means, not one "armed group": each term is its own unnamed party.
    const note = `${c.lexicon.note} Used alone here, so it stands for an unnamed party (usually: ${c.lexicon.referent}).`;
    return { candidate: c, entity: `${c.lexicon.term} (unnamed)`, label: c.lexicon.type, ruleId: c.lexicon.id, note, confidence: 0.7 };
  }
  if (c.known) {
    const role = c.known.role;
    if (c.isMetonym) return { candidate: c, entity: c.name, label: 'place', ruleId: 'mention-capital-actor', note: `The capital '${c.known.form}' acts or speaks here, so it stands for its state.`, confidence: 0.75 };
    if (role === 'demonym') return { candidate: c, entity: c.name, label: 'place', ruleId: 'mention-demonym', note: `'${c.known.form}' is the demonym of ${c.name}.`, confidence: 0.8 };
    return { candidate: c, entity: c.known.entity, label: c.known.type, ruleId: 'mention-known-name', note: `A known name (${role === 'entity' ? 'organisations and places list' : `gazetteer, ${role}`}).`, confidence: 0.9 };
  }
  switch (c.kind) {
    case 'titled': {
      const full = c.nameKeys.length === 1 ? fullNameFor(c.nameKeys[0]!) : null;
      const entity = full ?? displayName(c.name);
      const note = full ? `A title before a name; the surname matches '${full}' elsewhere in the text.` : 'A title or honorific before a capitalised name marks a person.';
      return { candidate: c, entity, label: 'person', ruleId: 'mention-title', note, confidence: 0.85 };
    }
    case 'name': {
      const full = c.nameKeys.length === 1 ? fullNameFor(c.nameKeys[0]!) : null;
      if (full) return { candidate: c, entity: full, label: 'person', ruleId: 'mention-first-name', note: `A first name; '${full}' is named in full elsewhere in the text.`, confidence: 0.7 };
      if (c.nameKeys.length === 1) return { candidate: c, entity: c.name, label: 'person', ruleId: 'mention-first-name', note: 'A common first name on its own (gendered first names shared with the quotes analyser).', confidence: 0.55 };
      const elsewhere = typed.get(c.name);
      if (elsewhere) return { candidate: c, entity: c.name, label: elsewhere, ruleId: 'mention-typed-elsewhere', note: `Named as ${elsewhere === 'place' ? 'a place' : 'an organisation'} elsewhere in the text.`, confidence: 0.7 };
      return { candidate: c, entity: displayName(c.name), label: 'person', ruleId: 'mention-capitalised-name', note: 'Two to four capitalised words with no organisation or place word: a person name.', confidence: 0.6 };
    }
    case 'org':
      return { candidate: c, entity: c.name, label: 'organization', ruleId: 'mention-organisation', note: 'A capitalised name ending in (or headed by) an organisation word.', confidence: 0.8 };
    case 'place':
      return { candidate: c, entity: c.name, label: 'place', ruleId: 'mention-place', note: 'A capitalised name ending in a place word.', confidence: 0.8 };
    case 'acronym': {
      const host = aliases.get(c.name);
      if (host !== undefined && host !== k) {
        const h = resolved[host] ?? null;
        if (h) return { candidate: c, entity: h.entity, label: h.label, ruleId: 'mention-acronym-alias', note: `The acronym is defined in brackets after '${h.entity}'.`, confidence: 0.85 };
      }
      const full = fullNameFor(c.nameKeys[0]!);
      if (full) return { candidate: c, entity: full, label: 'person', ruleId: 'mention-surname', note: `The surname of '${full}', named in full elsewhere in the text.`, confidence: 0.75 };
      return { candidate: c, entity: c.name, label: 'organization', ruleId: 'mention-acronym', note: 'An all-capitals word: most often an organisation acronym.', confidence: 0.6 };
    }
    default: {
      const full = fullNameFor(c.nameKeys[0]!);
      if (full) return { candidate: c, entity: full, label: 'person', ruleId: 'mention-surname', note: `The surname of '${full}', named in full elsewhere in the text.`, confidence: 0.8 };
      return { candidate: c, entity: c.name, label: 'other', ruleId: 'mention-capitalised-word', note: 'A capitalised word inside a sentence that no list knows.', confidence: 0.4 };
    }
  }
}

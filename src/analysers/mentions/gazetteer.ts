/**
 * Known names that carry no connotation: countries, capitals and demonyms (gazetteer.json, made
 * from the world-countries package by scripts/generate-lexicon-docs.ts) and a hand-made list of
 * organisations, groups and places that news writing names often (entities.json).
 */
import entitiesData from './entities.json' with { type: 'json' };
import gazetteerData from './gazetteer.json' with { type: 'json' };
import type { MentionLabel } from './lexicon.js';

/** How a known name relates to its entity. */
export type NameRole = 'country' | 'capital' | 'demonym' | 'people' | 'entity';

/** A neutral name and what it stands for. */
export interface KnownName {
  /** The words as written ("Tehran", "Iranian", "IRGC"). */
  form: string;
  /** Canonical entity: for a capital, the city; see `country`. */
  entity: string;
  type: MentionLabel;
  role: NameRole;
  /** For capitals and demonyms: the state they stand for. */
  country?: string;
}

/** One country as stored in gazetteer.json. */
export interface GazetteerCountry {
  name: string;
  forms: string[];
  capitals: string[];
  demonyms: string[];
  peoples: string[];
  /** False where naming the capital for the state is itself contested. */
  capitalStandsForState: boolean;
}

/** One organisation, group or place as stored in entities.json. */
export interface EntityRecord {
  name: string;
  type: MentionLabel;
  forms: string[];
  /** Only the forms are added, to an entity the gazetteer already has ("Kremlin" → Russia). */
  alias?: boolean;
  note?: string;
}

/** Every neutral name, one row per written form. */
export function knownNames(): KnownName[] {
  const names: KnownName[] = [];
  for (const country of gazetteerData.countries as GazetteerCountry[]) {
    for (const form of [country.name, ...country.forms]) names.push({ form, entity: country.name, type: 'place', role: 'country' });
    for (const form of country.capitals) {
      names.push(
        country.capitalStandsForState
          ? { form, entity: form, type: 'place', role: 'capital', country: country.name }
          : { form, entity: form, type: 'place', role: 'capital' },
      );
    }
    for (const form of country.demonyms) names.push({ form, entity: country.name, type: 'place', role: 'demonym', country: country.name });
    for (const form of country.peoples) names.push({ form, entity: form, type: 'group', role: 'people', country: country.name });
  }
  for (const record of entitiesData.entities as EntityRecord[]) {
    for (const form of record.alias ? record.forms : [record.name, ...record.forms]) names.push({ form, entity: record.name, type: record.type, role: 'entity' });
  }
  return names;
}

/**
 * The analysers Marginalia runs by default. Adding an analyser touches its own folder and one line
 * here; the pipeline orders them by what they need and produce.
 */
import type { Analyser } from '../core/pipeline.js';
import { claimsAnalyser } from './claims/index.js';
import { datesAnalyser } from './dates/index.js';
import { genreAnalyser } from './genre/index.js';
import { mentionsAnalyser } from './mentions/index.js';
import { quotesAnalyser } from './quotes/index.js';
import { segmentsAnalyser } from './segments/index.js';
import { structureAnalyser } from './structure/index.js';
import { techniquesAnalyser } from './techniques/index.js';

/** Factories of the default analysers, by id. */
export const ANALYSER_FACTORIES = {
  segments: segmentsAnalyser,
  structure: structureAnalyser,
  mentions: mentionsAnalyser,
  quotes: quotesAnalyser,
  techniques: techniquesAnalyser,
  claims: claimsAnalyser,
  dates: datesAnalyser,
  genre: genreAnalyser,
} as const satisfies Record<string, (options?: never) => Analyser>;

export type AnalyserId = keyof typeof ANALYSER_FACTORIES;

/** Fresh instances of every default analyser, with default options. */
export function defaultAnalysers(): Analyser[] {
  return Object.values(ANALYSER_FACTORIES).map((factory) => factory());
}

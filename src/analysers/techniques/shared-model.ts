/**
 * The committed model, decoded on first use and shared by every analyser instance and the
 * benchmark (decoding the weights costs a few milliseconds once, paid by the first analysis rather
 * than by building a pipeline).
 */
import modelData from './model.json' with { type: 'json' };
import { loadTechniqueModel, type EncodedModel, type TechniqueModel } from './technique-model.js';

let shared: TechniqueModel | null = null;

/** The decoded model from model.json. */
export function sharedTechniqueModel(): TechniqueModel {
  shared ??= loadTechniqueModel(modelData as unknown as EncodedModel);
  return shared;
}

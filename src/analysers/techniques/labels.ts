/**
 * The 14 technique labels of SemEval-2020 Task 11, spelled exactly as in the PTC data, with a short
 * description each (used in notes and in the readme).
 */

/** Technique labels in the model's class order. */
export const TECHNIQUE_LABELS = [
  'Appeal_to_Authority',
  'Appeal_to_fear-prejudice',
  'Bandwagon,Reductio_ad_hitlerum',
  'Black-and-White_Fallacy',
  'Causal_Oversimplification',
  'Doubt',
  'Exaggeration,Minimisation',
  'Flag-Waving',
  'Loaded_Language',
  'Name_Calling,Labeling',
  'Repetition',
  'Slogans',
  'Thought-terminating_Cliches',
  'Whataboutism,Straw_Men,Red_Herring',
] as const;

/** One of the 14 technique labels. */
export type TechniqueLabel = (typeof TECHNIQUE_LABELS)[number];

/** Human-readable names for reports. */
export const TECHNIQUE_NAMES: Record<TechniqueLabel, string> = {
  Appeal_to_Authority: 'appeal to authority',
  'Appeal_to_fear-prejudice': 'appeal to fear or prejudice',
  'Bandwagon,Reductio_ad_hitlerum': 'bandwagon or reductio ad hitlerum',
  'Black-and-White_Fallacy': 'black-and-white fallacy',
  Causal_Oversimplification: 'causal oversimplification',
  Doubt: 'doubt',
  'Exaggeration,Minimisation': 'exaggeration or minimisation',
  'Flag-Waving': 'flag-waving',
  Loaded_Language: 'loaded language',
  'Name_Calling,Labeling': 'name calling or labelling',
  Repetition: 'repetition',
  Slogans: 'slogan',
  'Thought-terminating_Cliches': 'thought-terminating cliché',
  'Whataboutism,Straw_Men,Red_Herring': 'whataboutism, straw man or red herring',
};

const INDEX = new Map<string, number>(TECHNIQUE_LABELS.map((label, i) => [label, i]));

/** The class index of `label`, or -1 when it is not one of the 14. */
export function labelIndex(label: string): number {
  return INDEX.get(label) ?? -1;
}

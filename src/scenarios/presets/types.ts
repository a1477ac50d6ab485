import type { ScenarioSource } from '@sim';

/** Where a journey stops (or that it runs), in the order a pod meets them. */
export const GATES = [
  'kubectl',
  'authentication',
  'authorization',
  'admission',
  'validation',
  'scheduler',
  'kubelet',
  'running',
] as const;
export type Gate = (typeof GATES)[number];

/** One scenario of the gallery: its texts, and one line on what it shows. */
export interface ScenarioPreset {
  id: string;
  title: string;
  /** One line for the gallery: what goes differently. */
  blurb: string;
  /** Where the journey ends differently (or `running` when the pod runs). */
  gate: Gate;
  source: ScenarioSource;
  /** Other names its link may use: the status people search for (`#/scenario/image-pull-backoff`). */
  aliases?: string[];
}

/**
 * Share links: the address that reproduces what is on screen — the scenario and the step. A preset as
 * it ships gets its short readable route; an edited scenario carries its texts in the link, encoded by
 * linkCodec.ts, which is its own small chunk loaded only when such a link is made or opened.
 */
import type { ScenarioSource } from '@sim';
import { loadCatalog } from './catalog';
import { hashOfPreset, hashOfShared } from './route';

export interface LinkState {
  presetId: string;
  source: ScenarioSource;
  /** Whether `source` is the preset's texts as shipped. */
  shipped: boolean;
  playhead: { index: number };
}

const loadCodec = () => import('./linkCodec');

// Encoding a 32 KB cluster takes a few milliseconds; the address follows every step, so the last
// source's payload is kept.
let lastEncoded: { source: ScenarioSource; payload: string } | undefined;

/** The hash that reproduces `state`: `#/scenario/<id>[/step/<n>]` or `#/s/<payload>[/step/<n>]`. */
export async function shareHash(state: LinkState): Promise<string> {
  const step = state.playhead.index;
  if (state.shipped) return hashOfPreset(state.source.id, step);
  if (lastEncoded?.source !== state.source) {
    const { presets } = await loadCatalog();
    const base = presets.find((p) => p.id === state.presetId) ?? presets.find((p) => p.id === state.source.id);
    if (!base) throw new Error(`no preset "${state.presetId}" to encode the scenario against`);
    const { encodeScenario } = await loadCodec();
    lastEncoded = { source: state.source, payload: encodeScenario(state.source, base.source) };
  }
  return hashOfShared(lastEncoded.payload, step);
}

/** The scenario carried by a shared link's payload, or why it cannot be opened. */
export async function openPayload(payload: string) {
  const [{ presets }, { decodeScenario }] = await Promise.all([loadCatalog(), loadCodec()]);
  return decodeScenario(payload, presets);
}

// The full traces of the default journey and of four presets, pinned byte for byte: a change meant
// only to make the simulation faster must leave every step, snapshot and text exactly as it was.
// When a trace is meant to change, update them (last: struct order from the Pod's Go shape, 2026-11-27).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PRESETS, defaultScenario } from '@scenarios';
import { buildScenario, type ScenarioInput } from '@sim';
import { simulate } from './system';

const PINNED: Record<string, string> = {
  default: '5c62114982a361244e41e0666e6ae2ca772e89d17e3b209c97dafebf4932248e',
  crashloop: '3a53eafb0f0fe97c3f8dc7b79623b194e54c874374fda03d7258aca2f9999cec',
  'insufficient-cpu': '5467ebfa863ae3380ff01ea3c09859b0ede4fb83cc6eac72a289ae5d2d4e092e',
  'podsecurity-restricted': '4ecee1aaa6a6e083bf93f9e3b1bc2037a874f714801e220e303f8a7f167050e2',
  'configmap-and-pod': '3a893eb69d6afd6b18baaba983cf7302c4190bdca8a2f41ec010322326e79bd3',
};

function input(name: string): ScenarioInput {
  if (name === 'default') return defaultScenario();
  const preset = PRESETS.find((p) => p.id === name);
  if (!preset) throw new Error(`no preset ${name}`);
  const built = buildScenario(preset.source);
  if (!built.ok) throw new Error(built.error);
  return built.input;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the full trace is byte-identical to the pinned one', () => {
  it.each(Object.keys(PINNED))('%s', (name) => {
    expect(sha256(JSON.stringify(simulate(input(name))))).toBe(PINNED[name]);
  });
});

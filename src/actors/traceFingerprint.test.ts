// The full traces of the default journey and of four presets, pinned byte for byte: a change meant
// only to make the simulation faster must leave every step, snapshot and text exactly as it was.
// The hashes were taken before any such change; when a trace is meant to change, update them.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PRESETS, defaultScenario } from '@scenarios';
import { buildScenario, type ScenarioInput } from '@sim';
import { simulate } from './system';

const PINNED: Record<string, string> = {
  default: '53b271fdbaa78ab5c89855f2c364fc8ea2d8eddab51638e115fbd350bf4d0110',
  crashloop: '613df01c12e0db84f54a974cb4e245c027b98e8770ec5fab4d05ca5606fafc56',
  'insufficient-cpu': '5467ebfa863ae3380ff01ea3c09859b0ede4fb83cc6eac72a289ae5d2d4e092e',
  'podsecurity-restricted': '4ecee1aaa6a6e083bf93f9e3b1bc2037a874f714801e220e303f8a7f167050e2',
  'configmap-and-pod': '2dc6541493a0d22ec4372a94d75701e37a4fee5d8255830297c7647fd386d290',
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

// The hostile corpus, run whole: each text is read by kubectl (parseManifest), checked before Apply
// (preflight) and simulated, and must never throw, never hang, never pollute a prototype, always
// point at a line inside the text when it is refused, and end exactly as its case says.
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { PRESETS } from '@scenarios';
import { buildScenario, parseManifest, preflight, type ScenarioSource } from '@sim';
import { simulate } from '@actors';
import { HOSTILE_CASES, type HostileCase } from './cases';
import { corpusText } from './corpus';

/** Wall-clock time allowed for reading, pre-flight and the whole run of one case. */
const BUDGET_MS = 2000;

const happy = PRESETS[0]!.source;

function sourceOf(c: HostileCase, text: string): ScenarioSource {
  if (c.target === 'cluster') return { ...happy, cluster: happy.cluster + text };
  if (c.target === 'kubeconfig') return { ...happy, kubeconfig: text };
  return { ...happy, manifest: text };
}

const lineCount = (text: string) => text.split('\n').length;
const polluted = () => ({}) as Record<string, unknown>;

beforeAll(() => {
  // compile the whole pipeline once, so the first case is not charged for it
  const built = buildScenario(happy);
  if (built.ok) simulate(built.input);
});

describe('the hostile corpus', () => {
  it('has at least 60 cases, one file each, every file used', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(HOSTILE_CASES.map((c) => c.id)).size).toBe(HOSTILE_CASES.length);
    const files = ['', 'cluster/', 'kubeconfig/'].flatMap((dir) =>
      readdirSync(new URL(`./corpus/${dir}`, import.meta.url))
        .filter((f) => f.includes('.'))
        .map((f) => dir + f),
    );
    expect(HOSTILE_CASES.map((c) => c.file).sort()).toEqual(files.sort());
  });

  it.each(HOSTILE_CASES.map((c) => [c.id, c] as const))(
    '%s',
    (_id, c) => {
      const text = corpusText(c.file);
      const started = performance.now();
      const built = buildScenario(sourceOf(c, text));

      if (!built.ok) {
        const first = built.diagnostics.find((d) => d.severity === 'error')!;
        expect(first.range.startLine).toBeGreaterThanOrEqual(1);
        expect(first.range.startLine).toBeLessThanOrEqual(lineCount(sourceOf(c, text)[built.file]));
        if (c.expect) expect(c.expect).toEqual({ refused: built.error });
      } else {
        const parsed = parseManifest(built.input.manifest, built.input.fileName);
        const check = preflight(built.input);
        const trace = simulate(built.input);
        const refusal = parsed.kubectlError ?? parsed.limitError;
        const firstError = parsed.diagnostics.find((d) => d.severity === 'error');
        if (refusal !== undefined) {
          // refused while reading: a diagnostic inside the text says where, and pre-flight agrees
          expect(firstError).toBeDefined();
          expect(firstError!.range.startLine).toBeGreaterThanOrEqual(1);
          expect(firstError!.range.startLine).toBeLessThanOrEqual(lineCount(text));
          expect(check.outcome.verdict).toBe('unreadable');
          expect(check.outcome.line).toBe(firstError!.range.startLine);
        }
        if (c.expect && 'journey' in c.expect) {
          const output = trace.steps
            .at(-1)!
            .terminal.filter((l) => l.terminal === 'apply' && l.stream !== 'command')
            .map((l) => l.text)
            .join('\n');
          expect(trace.result.outcome).toBe(c.expect.journey);
          if (c.expect.output !== undefined) expect(output).toBe(c.expect.output);
          else expect(output).toBe('');
          if (c.expect.preflight)
            expect({ line: check.outcome.line, stage: check.outcome.stage }).toEqual(c.expect.preflight);
          if (c.expect.diagnostic)
            expect({ line: firstError?.range.startLine, message: firstError?.message }).toEqual(c.expect.diagnostic);
          else expect(firstError).toBeUndefined();
        }
      }

      const ms = Math.round(performance.now() - started);
      expect(ms, `${c.id} took ${ms} ms (budget ${c.budgetMs ?? BUDGET_MS} ms)`).toBeLessThanOrEqual(
        c.budgetMs ?? BUDGET_MS,
      );
      expect(polluted().polluted).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    },
    30_000,
  );
});

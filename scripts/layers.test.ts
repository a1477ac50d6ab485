// The layer rule of ARCHITECTURE.md is enforced by ESLint; this proves the rule bites, so a config
// change that silently disables it fails the tests.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rule', () => {
  it.each([
    ['src/sim/x.ts', "import { createActor } from 'xstate';\nexport const a = createActor;\n", 'no-restricted-imports'],
    ['src/sim/x.ts', "import { useState } from 'react';\nexport const a = useState;\n", 'no-restricted-imports'],
    ['src/sim/x.ts', 'export const a = Date.now();\n', 'no-restricted-properties'],
    ['src/sim/x.ts', 'export const a = Math.random();\n', 'no-restricted-properties'],
    ['src/sim/x.ts', 'export const a = () => setTimeout(() => 0, 1);\n', 'no-restricted-globals'],
    ['src/actors/x.ts', "import { create } from 'zustand';\nexport const a = create;\n", 'no-restricted-imports'],
    [
      'src/actors/x.ts',
      "import { KUBERNETES_VERSION } from '../sim/trace';\nexport const a = KUBERNETES_VERSION;\n",
      'no-restricted-imports',
    ],
    ['src/ui/x.ts', "import { main } from '../app/main';\nexport const a = main;\n", 'no-restricted-imports'],
    [
      'src/scenarios/x.ts',
      "import { simulate } from '@actors';\nexport const a = simulate;\n",
      'no-restricted-imports',
    ],
  ])('%s rejects: %s', async (file, code, rule) => {
    expect((await problems(file, code)).some((p) => p.startsWith(rule))).toBe(true);
  });

  it.each([
    ['src/actors/x.ts', "import { KUBERNETES_VERSION } from '@sim';\nexport const a = KUBERNETES_VERSION;\n"],
    ['src/ui/x.ts', "import { simulate } from '@actors';\nexport const a = simulate;\n"],
    ['src/sim/x.ts', "import { createRng } from './random';\nexport const a = createRng;\n"],
  ])('%s allows: %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});

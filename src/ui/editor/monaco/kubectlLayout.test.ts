import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { DEFAULT_MANIFEST } from '@scenarios';
import { formatKubectlYaml, kubectlSequences } from './kubectlLayout';

const scenarioFile = (path: string) => readFileSync(new URL(`../../../scenarios/${path}`, import.meta.url), 'utf8');

describe('kubectlSequences', () => {
  it("moves a completed list to its key's column", () => {
    expect(kubectlSequences('volumes:\n  - name: ')).toBe('volumes:\n- name: ');
    expect(kubectlSequences('tolerations:\n  - ')).toBe('tolerations:\n- ');
  });

  it('moves the items with their content, nested lists too, and stops at the next key', () => {
    expect(kubectlSequences('containers:\n  - name: a\n    ports:\n      - containerPort: 80\nvolumes: []')).toBe(
      'containers:\n- name: a\n  ports:\n  - containerPort: 80\nvolumes: []',
    );
  });

  it('leaves maps, single lines and lists already at the key column alone', () => {
    expect(kubectlSequences('affinity:\n  ')).toBe('affinity:\n  ');
    expect(kubectlSequences('nodeName: ')).toBe('nodeName: ');
    expect(kubectlSequences('args:\n- a\n- b')).toBe('args:\n- a\n- b');
  });
});

describe('formatKubectlYaml', () => {
  it('re-indents with 2 spaces and lists at their key column, keeping comments and flow lists', () => {
    expect(
      formatKubectlYaml(
        'kind: Pod\nmetadata:\n    name: x   # the name\nspec:\n    containers:\n        -   name: a\n            command: ["sh", "-c"]\n',
      ),
    ).toBe(
      'kind: Pod\nmetadata:\n  name: x # the name\nspec:\n  containers:\n  - name: a\n    command: ["sh", "-c"]\n',
    );
  });

  it('keeps every document of a multi-document file', () => {
    expect(formatKubectlYaml('kind: Namespace\n---\n# a node\nkind: Node\nspec:\n  taints:\n    - key: a\n')).toBe(
      'kind: Namespace\n---\n# a node\nkind: Node\nspec:\n  taints:\n  - key: a\n',
    );
  });

  it('keeps the data, every comment and blank line of the default cluster, and is stable', () => {
    const cluster = scenarioFile('clusters/default.yaml');
    const formatted = formatKubectlYaml(cluster) ?? '';
    const data = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as unknown);
    // A comment after `key:` of a block moves to the line below (the yaml printer's place for it).
    const comments = (text: string) => [...text.matchAll(/(?:^|\s)(#.*)$/gm)].map((m) => m[1]);
    const blankLines = (text: string) => text.split('\n').filter((l) => !l.trim()).length;
    expect(data(formatted)).toEqual(data(cluster));
    expect(comments(formatted)).toEqual(comments(cluster));
    expect(blankLines(formatted)).toBe(blankLines(cluster));
    expect(formatKubectlYaml(formatted)).toBe(formatted);
  });

  it('changes nothing in the default manifest and the kubeconfigs, which are written kubectl-style', () => {
    expect(formatKubectlYaml(DEFAULT_MANIFEST)).toBe(DEFAULT_MANIFEST);
    for (const f of readdirSync(new URL('../../../scenarios/kubeconfigs/', import.meta.url))) {
      const text = scenarioFile(`kubeconfigs/${f}`);
      expect(formatKubectlYaml(text), f).toBe(text);
    }
  });

  it('leaves text that does not parse, or holds only comments, as it is', () => {
    expect(formatKubectlYaml('a: [1\n')).toBeUndefined();
    expect(formatKubectlYaml('# only a comment\n')).toBe('# only a comment\n');
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_MANIFEST, PRESETS } from '@scenarios';
import { MANIFEST_LIMITS, parseManifest, rangeOf } from './manifest';
import { lineTooDeep } from './manifestBounds';

const POD = (body: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: example-pod\nspec:\n  containers:\n${body}`;

describe('parseManifest', () => {
  it('reads the default manifest into one JSON document with field ranges', () => {
    const m = parseManifest(DEFAULT_MANIFEST, 'pod.yaml');
    expect(m.diagnostics).toEqual([]);
    expect(m.kubectlError).toBeUndefined();
    expect(m.documents).toHaveLength(1);
    const doc = m.documents[0]!;
    expect(doc.value).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'example-pod', labels: { env: 'story-telling' } },
      spec: {
        containers: [
          { name: 'example-pod', image: 'sonasingh46/node-web-app:latest', ports: [{ containerPort: 8000 }] },
        ],
      },
    });
    expect(doc.ranges['spec.containers[0].image']).toEqual({
      startLine: 10,
      startColumn: 5,
      endLine: 10,
      endColumn: 43,
    });
    // a path that does not exist points at its closest existing parent
    expect(rangeOf(doc, 'spec.containers[0].imagee')).toEqual(doc.ranges['spec.containers[0]']);
  });

  it.each([
    [
      'a nested mapping (the colon line, as go-yaml scans it)',
      POD('  - name: nginx\n    image: nginx: 1.27\n'),
      'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 8: mapping values are not allowed in this context',
      { startLine: 8, startColumn: 12 },
    ],
    [
      'tab indentation',
      'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n',
      'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
      { startLine: 4, startColumn: 1 },
    ],
    [
      'a key indented less than its siblings (go-yaml parser errors report the line before)',
      POD('  - name: nginx\n    image: nginx\n   ports: []\n'),
      'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 8: did not find expected key',
      { startLine: 9, startColumn: 4 },
    ],
    [
      'a key where a block sequence expects its next item',
      POD('    - name: nginx\n      image: nginx\n     ports: []\n'),
      "error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 8: did not find expected '-' indicator",
      { startLine: 9, startColumn: 6 },
    ],
    [
      'a list item indented less than the list',
      'metadata:\n  finalizers:\n    - a\n   - b\n',
      'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 3: did not find expected key',
      { startLine: 4, startColumn: 4 },
    ],
    [
      'an unterminated quoted string',
      'apiVersion: v1\nkind: "Pod\n',
      'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 3: found unexpected end of stream',
      { startLine: 2, startColumn: 7 },
    ],
    [
      'an unknown anchor',
      'apiVersion: v1\nkind: *kind\n',
      "error: error parsing pod.yaml: error converting YAML to JSON: yaml: unknown anchor 'kind' referenced",
      { startLine: 1, startColumn: 1 },
    ],
  ])('%s', (_name, text, kubectlError, start) => {
    const m = parseManifest(text, 'pod.yaml');
    expect(m.kubectlError).toBe(kubectlError);
    expect(m.diagnostics[0]).toMatchObject({
      severity: 'error',
      source: 'kubectl',
      range: expect.objectContaining(start),
    });
  });

  it('counts lines inside each document and places diagnostics in the whole text', () => {
    const text = `${DEFAULT_MANIFEST}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: second\n  labels: {a: b\n`;
    const m = parseManifest(text, 'pod.yaml');
    expect(m.documents).toHaveLength(1);
    expect(m.kubectlError).toBe(
      "error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 5: did not find expected ',' or '}'",
    );
    expect(m.diagnostics[0]!.range.startLine).toBe(19);
  });

  it('splits documents at --- lines (comments allowed) and skips empty ones', () => {
    const m = parseManifest('---\n# only a comment\n--- # next\na: 1\n---\n---\nb: 2\n', 'pod.yaml');
    expect(m.documents.map((d) => [d.index, d.value, d.range.startLine])).toEqual([
      [0, { a: 1 }, 4],
      [1, { b: 2 }, 7],
    ]);
  });

  it('rejects text after a document separator as kubectl does', () => {
    expect(parseManifest('a: 1\n--- b\n', 'pod.yaml').kubectlError).toBe(
      'error: error parsing pod.yaml: invalid Yaml document separator: b',
    );
  });

  it('resolves YAML 1.1 scalars as go-yaml v2 does and keeps the last duplicate key', () => {
    const m = parseManifest('a: yes\nb: 0777\nc: 2001-12-14\nd: 1:20\ne: 1\ne: 2\n', 'pod.yaml');
    expect(m.documents[0]!.value).toEqual({ a: true, b: 511, c: '2001-12-14', d: '1:20', e: 2 });
  });

  const FREEZE = 'so that no text can freeze the page';
  it.each([
    [
      'size',
      'a: 1\nb: "' + 'x'.repeat(MANIFEST_LIMITS.maxBytes) + '"\n',
      2,
      `pod.yaml is 1048587 bytes; this simulator reads at most 1048576 bytes (1 MiB), ${FREEZE}. Line 2 crosses the limit.`,
    ],
    [
      'lines',
      'a: 1\n'.repeat(150_000),
      10_001,
      `pod.yaml has 150000 lines; this simulator reads at most 10000, ${FREEZE}. Line 10001 crosses the limit.`,
    ],
    [
      'documents',
      Array.from({ length: 101 }, (_, i) => `n: ${i}\n`).join('---\n'),
      201,
      `pod.yaml has 101 documents; this simulator reads at most 100 in one apply, ${FREEZE}. Document 101 starts on line 201.`,
    ],
    [
      'aliases',
      'a: &a [1, 2]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c]\n',
      1,
      'This document expands its aliases (*name) more than 100 times; this simulator stops there, so that an alias bomb ("billion laughs") cannot freeze the page.',
    ],
    [
      'flow depth',
      'a: 1\nb: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n',
      2,
      `Line 2 nests mappings and lists more than 100 levels deep; this simulator reads at most 100 levels (a Pod needs about a dozen), ${FREEZE}.`,
    ],
    [
      'block depth',
      Array.from({ length: 101 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n',
      101,
      `Line 101 nests mappings and lists more than 100 levels deep; this simulator reads at most 100 levels (a Pod needs about a dozen), ${FREEZE}.`,
    ],
    [
      'compact sequences',
      'a:\n' + '- '.repeat(5000) + 'x\n',
      2,
      `Line 2 nests mappings and lists more than 100 levels deep; this simulator reads at most 100 levels (a Pod needs about a dozen), ${FREEZE}.`,
    ],
    [
      // a quoted key hides its flow value from the pre-scan; the parsed tree is measured too
      'quoted key',
      '"k": ' + '['.repeat(150) + ']'.repeat(150) + '\n',
      1,
      `Line 1 nests mappings and lists more than 100 levels deep; this simulator reads at most 100 levels (a Pod needs about a dozen), ${FREEZE}.`,
    ],
  ])('bounds the input (%s) and marks the line', (_name, text, line, message) => {
    const m = parseManifest(text, 'pod.yaml');
    expect(m.limitError).toBe(message);
    expect(m.kubectlError).toBeUndefined();
    expect(m.diagnostics.at(-1)).toMatchObject({ severity: 'error', source: 'simulator', message });
    expect(m.diagnostics.at(-1)!.range.startLine).toBe(line);
  });

  it('reads 100 levels, the bound itself', () => {
    const text = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';
    const m = parseManifest(text, 'pod.yaml');
    expect(m.limitError).toBeUndefined();
    expect(m.documents).toHaveLength(1);
  });
});

describe('lineTooDeep (the pre-scan)', () => {
  it.each([
    ['block mappings', 'a:\n  b:\n    c: 1\n', 3],
    ['indentless sequences end at their key', 'a:\n- b: 1\n  c: 2\nd:\n  e: 1\n', 3],
    ['flow inside block', 'a:\n  b: [1, {c: [2]}]\n', 5],
    ['multi-line flow', 'a: [\n  [1,\n   [2]],\n]\n', 4],
    ['brackets in quotes and comments do not count', 'a: "[[[["\nb: \'{{\' # [[[\nc: x[[[\n', 1],
    ['block scalars are text', 'a: |\n  [[[[\n  - - - -\nb: 1\n', 1],
    ['documents are measured one by one', 'a:\n  b: 1\n---\nc: 1\n', 2],
  ])('%s', (_name, text, depth) => {
    expect(lineTooDeep(text, depth)).toBeUndefined();
    expect(lineTooDeep(text, depth - 1)).toBeGreaterThan(0);
  });

  it('measures every preset text within a dozen levels', () => {
    for (const { source } of PRESETS)
      for (const text of [source.manifest, source.cluster, source.kubeconfig])
        expect(lineTooDeep(text, 12)).toBeUndefined();
  });
});

describe('keys written twice', () => {
  it('warn at the later key: kubectl keeps the last value silently (kubernetes#125885)', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.26\n    image: nginx:1.27\n';
    const { documents, diagnostics } = parseManifest(text, 'pod.yaml');
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        message:
          '"image" is written twice in this mapping: kubectl keeps only the last value, without an error (the server never sees the first).',
        source: 'kubectl',
        range: { startLine: 9, startColumn: 5, endLine: 9, endColumn: 10 },
      },
    ]);
    expect((documents[0]!.value as { spec: { containers: { image: string }[] } }).spec.containers[0]!.image).toBe(
      'nginx:1.27',
    );
  });
});

describe('numbers JSON cannot hold', () => {
  it.each([
    ['.inf', '+Inf'],
    ['-.Inf', '-Inf'],
    ['.nan', 'NaN'],
  ])('%s stops kubectl converting the document', (yaml, go) => {
    const m = parseManifest(
      POD(`  - name: web\n    image: nginx:1.27\n    resources:\n      limits:\n        cpu: ${yaml}\n`),
      'pod.yaml',
    );
    expect(m.documents).toEqual([]);
    expect(m.kubectlError).toBe(
      `error: error parsing pod.yaml: error converting YAML to JSON: json: unsupported value: ${go}`,
    );
    expect(m.diagnostics.map((d) => [d.range.startLine, d.message])).toEqual([[11, `json: unsupported value: ${go}`]]);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_MANIFEST } from '@scenarios';
import { highlightLine, highlightYaml, type TokenKind } from './highlightYaml';

const kinds = (line: string) => highlightLine(line).map((t) => [t.kind, t.text] as [TokenKind, string]);

describe('highlightLine', () => {
  it.each<[string, [TokenKind, string][]]>([
    [
      'apiVersion: v1',
      [
        ['key', 'apiVersion'],
        ['punct', ':'],
        ['plain', ' '],
        ['string', 'v1'],
      ],
    ],
    [
      '  name: example-pod',
      [
        ['plain', '  '],
        ['key', 'name'],
        ['punct', ':'],
        ['plain', ' '],
        ['string', 'example-pod'],
      ],
    ],
    [
      'metadata:',
      [
        ['key', 'metadata'],
        ['punct', ':'],
      ],
    ],
    [
      '  - name: example-pod',
      [
        ['plain', '  '],
        ['punct', '-'],
        ['plain', ' '],
        ['key', 'name'],
        ['punct', ':'],
        ['plain', ' '],
        ['string', 'example-pod'],
      ],
    ],
    [
      '    - containerPort: 8000',
      [
        ['plain', '    '],
        ['punct', '-'],
        ['plain', ' '],
        ['key', 'containerPort'],
        ['punct', ':'],
        ['plain', ' '],
        ['number', '8000'],
      ],
    ],
    [
      '    image: sonasingh46/node-web-app:latest',
      [
        ['plain', '    '],
        ['key', 'image'],
        ['punct', ':'],
        ['plain', ' '],
        ['string', 'sonasingh46/node-web-app:latest'],
      ],
    ],
    ['# a comment', [['comment', '# a comment']]],
    [
      '  cpu: "100m" # requests',
      [
        ['plain', '  '],
        ['key', 'cpu'],
        ['punct', ':'],
        ['plain', ' '],
        ['string', '"100m"'],
        ['plain', ' '],
        ['comment', '# requests'],
      ],
    ],
    [
      'hostNetwork: true',
      [
        ['key', 'hostNetwork'],
        ['punct', ':'],
        ['plain', ' '],
        ['keyword', 'true'],
      ],
    ],
    [
      'x: null',
      [
        ['key', 'x'],
        ['punct', ':'],
        ['plain', ' '],
        ['keyword', 'null'],
      ],
    ],
    [
      'command: |',
      [
        ['key', 'command'],
        ['punct', ':'],
        ['plain', ' '],
        ['punct', '|'],
      ],
    ],
    ['---', [['punct', '---']]],
    [
      '- a',
      [
        ['punct', '-'],
        ['plain', ' '],
        ['string', 'a'],
      ],
    ],
    ['', []],
  ])('%j', (line, expected) => {
    expect(kinds(line)).toEqual(expected);
  });

  it('keeps every character, so the preview is the text itself', () => {
    for (const [i, tokens] of highlightYaml(DEFAULT_MANIFEST).entries()) {
      expect(tokens.map((t) => t.text).join('')).toBe(DEFAULT_MANIFEST.split('\n')[i]);
    }
  });
});

/**
 * Reads the hostile corpus: one file per case under `corpus/`. Texts too big to commit (megabytes,
 * 10,000 levels) are `*.recipe.json` files: parts repeated `times` times, `{i}` numbering each copy.
 */
import { readFileSync } from 'node:fs';

interface Recipe {
  about: string;
  parts: { text: string; times?: number }[];
}

const corpusFile = (file: string) => readFileSync(new URL(`./corpus/${file}`, import.meta.url), 'utf8');

function expand(recipe: Recipe): string {
  const out: string[] = [];
  for (const part of recipe.parts) {
    const times = part.times ?? 1;
    if (times > 1 && part.text.length === 1) out.push(part.text.repeat(times));
    else for (let i = 0; i < times; i++) out.push(part.text.replaceAll('{i}', String(i)));
  }
  return out.join('');
}

/** The text of a corpus case, exactly as it would be pasted into the editor. */
export const corpusText = (file: string): string =>
  file.endsWith('.recipe.json') ? expand(JSON.parse(corpusFile(file)) as Recipe) : corpusFile(file);

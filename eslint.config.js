// Lint, including the layer rule of ARCHITECTURE.md: imports point down only, and across layers only
// through a layer's index ('@sim', '@actors', '@ui', '@scenarios'). A violation fails `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const UI_LIBS = [
  'react',
  'react-dom',
  'react-dom/*',
  'react/*',
  '@xstate/react',
  'zustand',
  'zustand/*',
  'framer-motion',
  'framer-motion/*',
  'motion',
  'motion/*',
  'monaco-editor',
  'monaco-editor/*',
  'monaco-yaml',
  'monaco-yaml/*',
];
const relativeInto = (...layers) =>
  layers.flatMap((l) => [`**/${l}`, `**/${l}/**`]).map((g) => `../${g.replace(/^\*\*\//, '**/')}`);

/** One restricted-imports rule per layer: forbidden packages, forbidden layer aliases, no relative paths into other layers. */
function layer(files, { packages = [], aliases = [], relative = [], message }) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(packages.length ? [{ group: packages, message }] : []),
            ...(aliases.length ? [{ group: aliases, message }] : []),
            {
              group: relativeInto(...relative),
              message: 'Import another layer only through its index alias (@sim, @actors, @ui, @scenarios).',
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'reports/**', 'playwright-report/**', 'bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}', 'src/embed/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  layer(['src/sim/**/*.ts'], {
    packages: ['xstate', 'xstate/*', ...UI_LIBS],
    aliases: ['@actors', '@ui', '@scenarios', '@sim'],
    relative: ['actors', 'ui', 'app', 'scenarios'],
    message: 'src/sim is pure TypeScript: no XState, UI libraries or other layers.',
  }),
  {
    // sim is pure: no clock, no randomness, no DOM.
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'setTimeout',
        'setInterval',
        'requestAnimationFrame',
        'performance',
        'localStorage',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time comes from the simulated clock.' },
        { object: 'Math', property: 'random', message: 'Randomness comes from the seeded Rng.' },
      ],
    },
  },
  layer(['src/sim/**/*.test.ts'], {
    packages: ['xstate', 'xstate/*', ...UI_LIBS],
    aliases: ['@actors', '@ui', '@sim'],
    relative: ['actors', 'ui', 'app', 'scenarios'],
    message: 'sim tests may use the scenario presets (@scenarios), nothing above sim.',
  }),
  layer(['src/actors/**/*.ts'], {
    packages: UI_LIBS,
    aliases: ['@ui', '@scenarios', '@actors'],
    relative: ['sim', 'ui', 'app', 'scenarios'],
    message: 'src/actors may import only @sim and xstate.',
  }),
  layer(['src/actors/**/*.test.ts'], {
    packages: UI_LIBS,
    aliases: ['@ui', '@actors'],
    relative: ['sim', 'ui', 'app', 'scenarios'],
    message: 'actor tests may use @sim and @scenarios, nothing above actors.',
  }),
  layer(['src/scenarios/**/*.ts'], {
    packages: ['xstate', 'xstate/*', ...UI_LIBS],
    aliases: ['@actors', '@ui', '@scenarios'],
    relative: ['sim', 'actors', 'ui', 'app'],
    message: 'src/scenarios is preset data: it may import only @sim.',
  }),
  layer(['src/ui/**/*.{ts,tsx}'], {
    aliases: ['@ui'],
    relative: ['sim', 'actors', 'scenarios', 'app'],
    message: 'src/ui must not import src/app.',
  }),
  // src/embed (the embeddable player) is a composition root like src/app.
  layer(['src/app/**/*.{ts,tsx}', 'src/embed/**/*.{ts,tsx}'], {
    relative: ['sim', 'actors', 'scenarios', 'ui', 'app'],
    message: 'src/app and src/embed import the other layers through their index aliases.',
  }),
);

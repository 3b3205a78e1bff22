import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * A relative import that reaches one of these top-level folders. No folder inside core/, cli/,
 * extension/ or sandbox/ has one of these names, so any number of `../` will do. Type-only
 * imports count: a cycle of types is still a cycle for a reader. The exact check, cycles
 * included, is test/architecture/import-graph.test.ts.
 */
const importsOf = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message });
const ADAPTERS = 'cli/ and extension/ are two adapters: what both need belongs in core/.';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'bench/.work/**', 'test/.tmp/**', '**/*.generated.*', 'core/validate/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is a pure library: the editor, the process and the file system belong to its callers.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'core/ must not import vscode: put editor code in extension/.' },
            { name: 'fs', message: 'core/ takes file access from its caller (a WorkspaceHost).' },
            { name: 'node:fs', message: 'core/ takes file access from its caller (a WorkspaceHost).' },
            { name: 'fs/promises', message: 'core/ takes file access from its caller (a WorkspaceHost).' },
            { name: 'node:fs/promises', message: 'core/ takes file access from its caller (a WorkspaceHost).' },
            { name: 'process', message: 'core/ must not touch the process: the CLI owns it.' },
            { name: 'node:process', message: 'core/ must not touch the process: the CLI owns it.' },
          ],
          patterns: [importsOf(['cli', 'extension', 'sandbox'], 'core/ is the library: it imports none of cli/, extension/ or sandbox/.')],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'core/ must not touch the process: the CLI owns it.' }],
    },
  },
  // The adapters and the sandbox; core/'s rule is above, beside its other restrictions.
  ...[
    ['sandbox', ['core', 'cli', 'extension'], 'sandbox/ is a tool beside okra: it imports nothing of okra.'],
    ['cli', ['extension'], ADAPTERS],
    ['extension', ['cli'], ADAPTERS],
  ].map(([folder, forbidden, message]) => ({
    files: [`${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [importsOf(forbidden, message)] }] },
  })),
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'core/ must not touch the process: the CLI owns it.' }],
    },
  },
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

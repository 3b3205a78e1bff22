// Bundles the CLI and the VS Code extension. Type checking is separate (`npm run typecheck`).
import { existsSync, readdirSync } from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** cli/bundles/<name>.ts → dist/okra-<name>.js */
function cliBundles() {
  const names = readdirSync('cli/bundles').filter((f) => f.endsWith('.ts'));
  return Object.fromEntries(names.map((f) => [`okra-${f.slice(0, -3)}`, `cli/bundles/${f}`]));
}

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // js-yaml's ESM build parses about three times slower than its CommonJS build on node 20
  // (measured in bench/README.md), and an `import` would pick the ESM one.
  alias: { 'js-yaml': './node_modules/js-yaml/dist/js-yaml.cjs.js' },
};

const builds = [
  { ...common, entryPoints: ['cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // One bundle per command, of which dist/cli.js loads the one it runs (cli/main.ts).
  { ...common, entryPoints: cliBundles(), outdir: 'dist' },
  // Worker threads of the CLI's AnalysisPool (cli/analysis-pool.ts), which parse files in parallel.
  { ...common, entryPoints: ['cli/analysis-worker.ts'], outfile: 'dist/analysis-worker.js' },
  { ...common, entryPoints: ['core/index.ts'], outfile: 'dist/core.js' },
  // The local Notion-compatible server, loaded by the extension only when a sandbox is started
  // (extension/core.ts), so that neither dist/extension.js nor dist/core.js carries it.
  { ...common, entryPoints: ['sandbox/index.ts'], outfile: 'dist/sandbox.js' },
  // The VS Code extension is bundled once it exists (issue: the extension).
  ...(existsSync('extension/extension.ts')
    ? [{ ...common, entryPoints: ['extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }]
    : []),
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

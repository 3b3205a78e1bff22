/**
 * Runs one benchmark module in a process of its own and prints its result as JSON on stdout
 * (progress on stderr), for bench/run.ts: each benchmark starts from a fresh heap instead of
 * inheriting the 2,000-file workspace the validate benchmark loaded.
 *
 *   node --expose-gc --import tsx bench/run-one.ts render.bench benchRender [quick]
 */
const [file, exportName, quick] = process.argv.slice(2);
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const module = (await import(`./${file}`)) as Record<string, unknown>;
  const bench = module[exportName];
  if (typeof bench !== 'function') throw new Error(`${file} has no ${exportName}() export`);
  const result = await (bench as (o: { quick: boolean; log: typeof log }) => unknown)({ quick: quick === 'quick', log });
  process.stdout.write(JSON.stringify(result));
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
});

import { relative, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import { DateTime } from 'luxon';
import { renderAllDocuments, renderDocuments, type DocumentFormat, type SkippedDocument } from '../../core';
import { withAppContext } from '../app-context';
import { UsageError } from '../errors';
import { findWorkspace } from '../find-workspace';
import { progressBar } from '../progress';
import { withWorkspaceOption } from '../workspace-options';

/** `--date`, checked; undefined (today in the workspace's zone) when not given. */
export function documentDate(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid)
    throw new UsageError(`--date takes a date like 2026-06-01, not "${date}"`);
  return date;
}

export interface RenderCommandOptions {
  person?: string;
  team?: string;
  review?: string;
  retro?: string;
  format: DocumentFormat;
  out: string;
  date?: string;
  workspace?: string;
}

/** `okra render <template> …` on the workspace at `root`; returns the files written (none for stdout). */
export async function runRender(
  root: string,
  template: string,
  options: RenderCommandOptions,
  stdout: NodeJS.WritableStream = process.stdout,
): Promise<string[]> {
  const date = documentDate(options.date);
  const toStdout = options.out === '-';
  const progress = toStdout ? undefined : progressBar('Rendering', 50);
  try {
    const result = await withAppContext(root, (ctx) =>
      renderDocuments(
        ctx,
        { template, person: options.person, team: options.team, review: options.review, retro: options.retro },
        {
          formats: [options.format],
          date,
          outDir: toStdout ? undefined : resolve(process.cwd(), options.out),
          onProgress: progress?.update,
        },
      ),
    );
    if (result.errors > 0)
      process.stderr.write(
        `okra: the workspace has ${result.errors} error${result.errors === 1 ? '' : 's'}; documents may be incomplete (see okra validate)\n`,
      );
    if (toStdout) for (const file of result.files) stdout.write(file.text);
    return result.written;
  } finally {
    progress?.stop();
  }
}

export interface RenderAllOptions {
  /** ISO date the documents are as of; default today in the workspace's zone. */
  date?: string;
  formats?: DocumentFormat[];
}

/**
 * Renders every document of the workspace at `root` into `outDir`: each report's 1:1 agenda,
 * each review's documents per participant, each retrospective (what `okra demo` / `npm start`
 * writes). Items whose template is missing are skipped and returned.
 */
export async function renderAll(
  root: string,
  outDir: string,
  options: RenderAllOptions = {},
): Promise<{ written: string[]; skipped: SkippedDocument[] }> {
  const result = await withAppContext(root, (ctx) => renderAllDocuments(ctx, { formats: options.formats, date: options.date, outDir }));
  return { written: result.written, skipped: result.skipped };
}

export function registerRenderCommand(program: Command): void {
  withWorkspaceOption(
    program
      .command('render')
      .description('write documents from templates: 1:1 agendas, GrowWise reviews, OKR retrospectives')
      .argument('<template>', 'one-on-one, growwise-review, okr-retrospective, or a template from a plugin or the workspace templates_dir'),
  )
    .option('--person <id>', "one-on-one: that person's agenda; growwise-review: only that participant")
    .option('--team <id>', "one-on-one: every member; growwise-review: only its members; okr-retrospective: the team's objectives")
    .option('--review <id>', 'growwise-review: one document per participant of this review')
    .option('--retro <id>', 'okr-retrospective: this retrospective')
    .addOption(
      new Option('-f, --format <format>', 'md (Markdown), html (a printable page) or notion (Notion block JSON, in appends of 100)')
        .choices(['md', 'html', 'notion'])
        .default('md'),
    )
    .option('-o, --out <dir>', 'output folder, or - for stdout', 'out')
    .option('--date <date>', 'prepare the documents as of this day, YYYY-MM-DD (default: today in the workspace time zone)')
    .addHelpText(
      'after',
      '\nFiles: <out>/one-on-one/<person>.md, <out>/growwise-review/<review>/<person>.md, <out>/okr-retrospective/<retro>.md.\n' +
        'Examples:\n  okra render one-on-one --person jonas-berg --date 2026-04-14\n  okra render growwise-review --review growwise-2026-h1 --format html\n  okra render okr-retrospective --retro okr-retro-2026-h1 --out -',
    )
    .action(async (template: string, options: RenderCommandOptions) => {
      const root = findWorkspace(process.cwd(), options.workspace);
      const written = await runRender(root, template, options);
      if (written.length > 0) {
        const shown =
          relative(process.cwd(), written.length === 1 ? written[0] : resolve(options.out))
            .split(sep)
            .join('/') || '.';
        process.stdout.write(written.length === 1 ? `Wrote ${shown}\n` : `Wrote ${written.length} documents to ${shown}/\n`);
      }
    });
}

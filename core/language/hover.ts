import { DateTime } from 'luxon';
import type { Range } from '../diagnostics';
import { referenceFieldAt } from '../model/reference-fields';
import type { WorkspaceModel } from '../model/workspace-model';
import { describeItem } from './describe';
import { KIND_LABEL } from './entities';
import { pathAt } from './path-at';
import { rangeAt } from './position';
import { symbolAt } from './references';

export interface Hover {
  /** Markdown; text from the workspace is escaped. */
  contents: string;
  range: Range;
}

export interface HoverOptions {
  /** The moment that progress status is judged at; now by default. */
  at?: DateTime;
}

/**
 * Markdown about what is under the cursor: the item a reference names (a person's role, team
 * and manager; a team's lead and parent; a KPI's unit, direction and current targets; an
 * objective's or key result's progress, score and status; a tier's staffing, SLA and Erlang C
 * capacity verdict), or the item whose `id:` the cursor is on.
 */
export function hoverAt(model: WorkspaceModel, path: string, offset: number, options: HoverOptions = {}): Hover | undefined {
  const at = options.at ?? DateTime.now();
  const symbol = symbolAt(model, path, offset);
  const file = model.byPath.get(path);
  if (!file) return undefined;
  if (!symbol) {
    // `global` in a KPI scope names no item, but deserves a word.
    const under = pathAt(file, offset);
    if (under?.on === 'value' && under.text === 'global' && referenceFieldAt(file.kind, under.path)?.accepts.form === 'scope') {
      return { contents: '**global** · the whole support organisation', range: rangeAt(file.text, under.start, under.end) };
    }
    return undefined;
  }
  const contents = describeItem(model, symbol.kind, symbol.id, at);
  if (contents === undefined) {
    return {
      contents: `No ${KIND_LABEL[symbol.kind]} with the id \`${symbol.id.replace(/`/g, "'")}\` is defined in this workspace`,
      range: symbol.range,
    };
  }
  return { contents, range: symbol.range };
}

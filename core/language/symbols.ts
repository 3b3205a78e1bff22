/**
 * The outline of one file: objectives → key results; teams, people, vendors; KPIs → targets;
 * tiers; 1:1s; reviews → stages; retrospectives.
 */
import { isMap, isPair, isScalar, type Node } from 'yaml';
import type { DataPath, Range } from '../diagnostics';
import type { ParsedFile } from '../parse/parse-file';
import { findNode } from '../parse/locate';
import { scalarSpan } from './path-at';
import { rangeAt } from './position';

/** What a symbol is; the extension maps these onto its editor's symbol kinds. */
export type DocumentSymbolKind =
  | 'section'
  | 'team'
  | 'person'
  | 'vendor'
  | 'objective'
  | 'key_result'
  | 'kpi'
  | 'target'
  | 'tier'
  | 'one_on_one'
  | 'review'
  | 'stage'
  | 'retrospective';

export interface DocumentSymbol {
  name: string;
  detail: string;
  kind: DocumentSymbolKind;
  /** The whole item. */
  range: Range;
  /** What to reveal and highlight: the item's `id:` value (or its name). */
  selectionRange: Range;
  children: DocumentSymbol[];
}

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : undefined);

interface Shape {
  name: string;
  detail: string;
  kind: DocumentSymbolKind;
  /** The key whose value is the selection range; `id` by default. */
  select?: string;
  children?: (path: DataPath) => DocumentSymbol[];
}

function nodeAt(file: ParsedFile, path: DataPath): Node | undefined {
  const doc = file.document();
  if (!doc) return undefined;
  const found = findNode(doc, path);
  return found.depth === path.length && found.node ? found.node : undefined;
}

function spanOf(node: Node | undefined): [number, number] | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

function makeSymbol(file: ParsedFile, path: DataPath, shape: Shape): DocumentSymbol | undefined {
  const span = spanOf(nodeAt(file, path));
  if (!span) return undefined;
  const selectNode = nodeAt(file, [...path, shape.select ?? 'id']);
  const select = (selectNode && scalarSpan(selectNode, file.text)) ?? [span[0], span[0]];
  return {
    name: shape.name,
    detail: shape.detail,
    kind: shape.kind,
    range: rangeAt(file.text, span[0], span[1]),
    selectionRange: rangeAt(file.text, select[0], select[1]),
    children: shape.children?.(path) ?? [],
  };
}

/** Symbols of the mappings of the list at `path`. */
function listSymbols(file: ParsedFile, path: DataPath, shape: (item: Obj, index: number) => Shape): DocumentSymbol[] {
  let list: unknown = file.data;
  for (const segment of path) list = Array.isArray(list) ? list[segment as number] : rec(list)[String(segment)];
  if (!Array.isArray(list)) return [];
  const out: DocumentSymbol[] = [];
  list.forEach((item, i) => {
    if (rec(item) !== item) return;
    const symbol = makeSymbol(file, [...path, i], shape(item as Obj, i));
    if (symbol) out.push(symbol);
  });
  return out;
}

/** A top-level list as a section (`people`), its items as children. */
function section(
  file: ParsedFile,
  key: string,
  [one, many]: [string, string],
  shape: (item: Obj, index: number) => Shape,
): DocumentSymbol | undefined {
  const doc = file.document();
  const root = doc?.contents;
  if (!isMap(root)) return undefined;
  const pair = root.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  const keySpan = spanOf(pair?.key as Node | undefined);
  if (!pair || !keySpan) return undefined;
  const end = (pair.value as Node | null)?.range?.[1] ?? keySpan[1];
  const children = listSymbols(file, [key], shape);
  return {
    name: key,
    detail: `${children.length} ${children.length === 1 ? one : many}`,
    kind: 'section',
    range: rangeAt(file.text, keySpan[0], end),
    selectionRange: rangeAt(file.text, keySpan[0], keySpan[1]),
    children,
  };
}

const named = (item: Obj, fallback: string): string => str(item.id) ?? fallback;

function orgSymbols(file: ParsedFile): DocumentSymbol[] {
  return [
    section(file, 'teams', ['team', 'teams'], (t, i) => ({ name: named(t, `team #${i + 1}`), detail: str(t.name) ?? '', kind: 'team' })),
    section(file, 'people', ['person', 'people'], (p, i) => ({
      name: named(p, `person #${i + 1}`),
      detail: [str(p.name), str(p.role)].filter(Boolean).join(' · '),
      kind: 'person',
    })),
    section(file, 'vendors', ['vendor', 'vendors'], (v, i) => ({
      name: named(v, `vendor #${i + 1}`),
      detail: str(v.name) ?? '',
      kind: 'vendor',
    })),
  ].filter((s): s is DocumentSymbol => s !== undefined);
}

function objectivesSymbols(file: ParsedFile): DocumentSymbol[] {
  return listSymbols(file, ['objectives'], (o, i) => ({
    name: named(o, `objective #${i + 1}`),
    detail: str(o.title) ?? '',
    kind: 'objective',
    children: (path) =>
      listSymbols(file, [...path, 'key_results'], (kr, j) => ({
        name: named(kr, `key result #${j + 1}`),
        detail: str(kr.title) ?? '',
        kind: 'key_result',
      })),
  }));
}

function kpiSymbols(file: ParsedFile): DocumentSymbol[] {
  return listSymbols(file, ['kpis'], (k, i) => ({
    name: named(k, `KPI #${i + 1}`),
    detail: str(k.name) ?? '',
    kind: 'kpi',
    children: (path) =>
      listSymbols(file, [...path, 'targets'], (t) => ({
        name: `${str(t.scope) ?? 'global'} ${str(t.period) ?? ''}`.trim(),
        detail: [str(t.target) && `target ${str(t.target)}`, str(t.warn) && `amber at ${str(t.warn)}`].filter(Boolean).join(', '),
        kind: 'target',
        select: 'scope',
      })),
  }));
}

function tierSymbols(file: ParsedFile): DocumentSymbol[] {
  return listSymbols(file, ['tiers'], (t, i) => ({
    name: named(t, `tier #${i + 1}`),
    detail: [str(t.name), str(t.level) && `level ${str(t.level)}`].filter(Boolean).join(' · '),
    kind: 'tier',
  }));
}

function reviewCycleSymbols(file: ParsedFile): DocumentSymbol[] {
  return [
    section(file, 'one_on_ones', ['1:1', '1:1s'], (m, i) => {
      const reports = Array.isArray(m.reports) ? m.reports.filter((r): r is string => typeof r === 'string') : [];
      return {
        name: `1:1 ${str(m.manager) ?? `#${i + 1}`}`,
        detail: [reports.join(', '), str(m.cadence)].filter(Boolean).join(' · '),
        kind: 'one_on_one',
        select: 'manager',
      };
    }),
    section(file, 'reviews', ['review', 'reviews'], (r, i) => ({
      name: named(r, `review #${i + 1}`),
      detail: str(r.name) ?? '',
      kind: 'review',
      children: (path) =>
        listSymbols(file, [...path, 'stages'], (s, j) => ({
          name: named(s, `stage #${j + 1}`),
          detail: [str(s.name), str(s.due) && `due ${str(s.due)}`].filter(Boolean).join(' · '),
          kind: 'stage',
        })),
    })),
    section(file, 'retrospectives', ['retrospective', 'retrospectives'], (r, i) => ({
      name: named(r, `retrospective #${i + 1}`),
      detail: [str(r.cycle), str(r.date)].filter(Boolean).join(' · '),
      kind: 'retrospective',
    })),
  ].filter((s): s is DocumentSymbol => s !== undefined);
}

/** The outline of `file`, by its `kind:`; empty for a config file or an unreadable one. */
export function documentSymbols(file: ParsedFile): DocumentSymbol[] {
  switch (file.kind) {
    case 'Org':
      return orgSymbols(file);
    case 'Objectives':
      return objectivesSymbols(file);
    case 'KpiTargets':
      return kpiSymbols(file);
    case 'TierStructure':
      return tierSymbols(file);
    case 'ReviewCycles':
      return reviewCycleSymbols(file);
    default:
      return [];
  }
}

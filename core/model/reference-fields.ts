/**
 * The one table of reference fields: which data paths of which kind of file name another item,
 * and what each accepts. The `ref/unknown-*` rules walk it through {@link forEachReference}; the
 * language service matches the path at the cursor against it with {@link referenceFieldAt}.
 * Both read the same rows, so the editor and `okra validate` cannot disagree about what a
 * reference is.
 */
import type { DataPath } from '../diagnostics';
import { isRecord } from '../util/is-record';
import { entityIndex, ENTITY_KINDS, type EntityIndexKey, type EntityKind } from './entity-kinds';
import type { EntityIndex, WorkspaceModel } from './workspace-model';

/** The kinds of thing a reference can name; each has its own `ref/unknown-<kind>` rule. */
export type RefKind = Extract<EntityKind, 'person' | 'team' | 'kpi' | 'objective' | 'tier' | 'vendor'>;

export const REF_KINDS = ENTITY_KINDS.filter((k) => k.referable).map((k) => k.kind as RefKind);

/**
 * What a field accepts.
 * - `one`: a bare id of one kind (`person/<id>` and the like are accepted too);
 * - `owner`: `person/<id>` or `team/<id>`; a bare id may name either;
 * - `member`: a person, or `team/<id>` (1:1 reports, participants);
 * - `scope`: `global`, or the id of a team, a tier or a vendor.
 */
export type Accepts = { form: 'one'; kind: RefKind } | { form: 'owner' } | { form: 'member' } | { form: 'scope' };

/** Kinds of definition file that hold references. */
export type ReferencingFileKind = 'Org' | 'Objectives' | 'KpiTargets' | 'TierStructure' | 'ReviewCycles';

/** A path pattern: keys, and `*` for any index of a list. */
export type PathPattern = ReadonlyArray<string>;

/** Where a field's items come from in the model (its rows are walked per item of that list). */
export type ReferenceSource = EntityIndexKey | 'objectiveSets' | 'oneOnOnes';

/** What a subject is built from: the item that holds the reference and the record around it. */
export interface SubjectContext {
  /** The id of the item (undefined for items without one: an Objectives file's header, a 1:1). */
  id: string | undefined;
  /** The item: a team, a key result, a 1:1 … */
  item: Record<string, unknown>;
  /** The mapping that holds the reference (a check-in, a KPI target …; the item itself for direct fields). */
  holder: Record<string, unknown>;
  /** Values of the `*` segments of the field, in order. */
  indexes: number[];
}

/** One row of the table. */
export interface ReferenceField {
  /** The kind of file the field is in. */
  fileKind: ReferencingFileKind;
  /** The full data path pattern from the file's root, e.g. `objectives/*\/key_results/*\/kpi`. */
  pattern: PathPattern;
  accepts: Accepts;
  /**
   * Whether a bare id is allowed. `required` for an Objectives file's `owner` (the schema wants
   * `team/<id>` or `person/<id>`); `optional` elsewhere.
   */
  prefix: 'optional' | 'required';
  /** What the field is, for messages: `Owner of key result "cut-cpc"`. */
  subject(ctx: SubjectContext): string;
  /** The model list whose items hold the field (`keyResults` for a KR's `kpi`). */
  readonly source: ReferenceSource;
  /** The field's path inside one of those items (`['check_ins', '*', 'by']`). */
  readonly field: PathPattern;
}

/** Where each model list lives in its file: the base of the full pattern. */
const SOURCES: Record<ReferenceSource, { fileKind: ReferencingFileKind; base: PathPattern }> = {
  objectiveSets: { fileKind: 'Objectives', base: [] },
  oneOnOnes: { fileKind: 'ReviewCycles', base: ['one_on_ones', '*'] },
  ...(Object.fromEntries(ENTITY_KINDS.map((k) => [k.index, { fileKind: k.fileKind, base: k.pattern }])) as Record<
    EntityIndexKey,
    { fileKind: ReferencingFileKind; base: PathPattern }
  >),
};

const one = (kind: RefKind): Accepts => ({ form: 'one', kind });
const OWNER: Accepts = { form: 'owner' };
const MEMBER: Accepts = { form: 'member' };
const SCOPE: Accepts = { form: 'scope' };

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

function row(
  source: ReferenceSource,
  field: PathPattern,
  accepts: Accepts,
  subject: (ctx: SubjectContext) => string,
  prefix: 'optional' | 'required' = 'optional',
): ReferenceField {
  const { fileKind, base } = SOURCES[source];
  return { fileKind, pattern: [...base, ...field], accepts, prefix, subject, source, field };
}

/** Every reference field, in the order the rules report them. */
export const REFERENCE_FIELDS: readonly ReferenceField[] = [
  row('teams', ['lead'], one('person'), ({ id }) => `Lead of team "${id}"`),
  row('teams', ['parent'], one('team'), ({ id }) => `Parent of team "${id}"`),
  row('people', ['team'], one('team'), ({ id }) => `Team of "${id}"`),
  row('people', ['manager'], one('person'), ({ id }) => `Manager of "${id}"`),
  row('people', ['vendor'], one('vendor'), ({ id }) => `Vendor of "${id}"`),
  row(
    'objectiveSets',
    ['owner'],
    OWNER,
    ({ item }) => {
      const cycle = text(item.cycle);
      return cycle ? `Owner of the ${cycle} objectives` : 'Owner of these objectives';
    },
    'required',
  ),
  row('objectives', ['aligns_to'], one('objective'), ({ id }) => `Alignment of objective "${id}"`),
  row('keyResults', ['owner'], OWNER, ({ id }) => `Owner of key result "${id}"`),
  row('keyResults', ['kpi'], one('kpi'), ({ id }) => `KPI of key result "${id}"`),
  row('keyResults', ['check_ins', '*', 'by'], one('person'), ({ id, holder, indexes }) => {
    const date = text(holder.date) ?? `#${indexes[0] + 1}`;
    return `Author of the ${date} check-in on key result "${id}"`;
  }),
  row('kpis', ['owner'], OWNER, ({ id }) => `Owner of KPI "${id}"`),
  row('kpis', ['targets', '*', 'scope'], SCOPE, ({ id, holder }) => {
    const period = text(holder.period);
    return `Scope of the ${period ? `${period} ` : ''}target of KPI "${id}"`;
  }),
  row('kpis', ['actuals', '*', 'scope'], SCOPE, ({ id, holder }) => {
    const period = text(holder.period);
    return `Scope of the ${period ? `${period} ` : ''}actual of KPI "${id}"`;
  }),
  row('tiers', ['staffing', 'vendor'], one('vendor'), ({ id }) => `Staffing vendor of tier "${id}"`),
  row('tiers', ['staffing', 'teams', '*'], one('team'), ({ id }) => `Staffing teams of tier "${id}"`),
  row('tiers', ['escalates_to', '*', 'tier'], one('tier'), ({ id }) => `Escalation from tier "${id}"`),
  row('oneOnOnes', ['manager'], one('person'), () => 'Manager of a 1:1'),
  row('oneOnOnes', ['reports', '*'], MEMBER, ({ item }) => {
    const manager = text(item.manager);
    return manager ? `1:1 reports of "${manager}"` : 'Reports of a 1:1';
  }),
  row('reviews', ['participants', '*'], MEMBER, ({ id }) => `Participants of review "${id}"`),
  row('retrospectives', ['participants', '*'], MEMBER, ({ id }) => `Participants of retrospective "${id}"`),
];

/** The kinds a field accepts, in the order a bare id is resolved. */
export function acceptedKinds(accepts: Accepts): RefKind[] {
  switch (accepts.form) {
    case 'one':
      return [accepts.kind];
    case 'owner':
    case 'member':
      return ['person', 'team'];
    case 'scope':
      return ['team', 'tier', 'vendor'];
  }
}

/** The model's index of one kind. */
export function indexOfKind(model: WorkspaceModel, kind: RefKind): EntityIndex<unknown> {
  return entityIndex(model, kind);
}

function matches(pattern: PathPattern, path: DataPath): boolean {
  if (pattern.length !== path.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i];
    const got = path[i];
    if (want === '*' ? typeof got !== 'number' : String(got) !== want) return false;
  }
  return true;
}

/**
 * The reference field at `path` in a file of `fileKind`, if it is one. Works on the path at
 * the cursor while the user types: the value there may be empty or not yet a string.
 */
export function referenceFieldAt(fileKind: string | undefined, path: DataPath): ReferenceField | undefined {
  return REFERENCE_FIELDS.find((f) => f.fileKind === fileKind && matches(f.pattern, path));
}

/** One reference of the workspace, as written. */
export interface Reference {
  /** The value as written, e.g. `team/frontline`. */
  value: string;
  accepts: Accepts;
  /** The kinds the field accepts. */
  kinds: readonly RefKind[];
  /** What the field is, for messages. */
  subject: string;
  file: string;
  path: DataPath;
  field: ReferenceField;
}

/** Prefixes a value may carry; a prefix the field does not accept is the schema's to report. */
const PREFIXED = /^(person|team|tier|vendor|kpi|objective)\/(.*)$/;

/** A value split into its `team/`-style prefix (if any) and the id. */
export interface ParsedReference {
  /** The kind the prefix names, if the value has one. */
  prefix: RefKind | undefined;
  id: string;
  /** Offset of the id within the value (the length of the prefix and its slash). */
  idOffset: number;
}

export function parseReference(value: string): ParsedReference {
  const m = PREFIXED.exec(value);
  if (!m) return { prefix: undefined, id: value, idOffset: 0 };
  return { prefix: m[1] as RefKind, id: m[2], idOffset: m[1].length + 1 };
}

/**
 * What a value names: its kind and id. A prefix decides the kind; a bare id in a field of one
 * kind is of that kind; in a member field a person; in an owner or scope field the first
 * accepted kind that defines it (an owner that names nothing counts as a person). `undefined`
 * for `global`, a prefix the field does not accept, and a bare scope that names nothing.
 */
export function referenceTarget(model: WorkspaceModel, value: string, accepts: Accepts): { kind: RefKind; id: string } | undefined {
  const kinds = acceptedKinds(accepts);
  const { prefix, id } = parseReference(value);
  if (prefix) return kinds.includes(prefix) ? { kind: prefix, id } : undefined;
  switch (accepts.form) {
    case 'one':
      return { kind: accepts.kind, id };
    case 'member':
      return { kind: 'person', id };
    case 'owner':
      return { kind: kinds.find((k) => indexOfKind(model, k).has(id)) ?? 'person', id };
    case 'scope': {
      if (id === 'global') return undefined;
      const kind = kinds.find((k) => indexOfKind(model, k).has(id));
      return kind && { kind, id };
    }
  }
}

type Obj = Record<string, unknown>;
const isObj = isRecord;

/**
 * Where a value was found: the record that holds it, its path below the item, the `*` indexes.
 * One per scan, updated in place as the walk moves; `toReference` copies what it keeps.
 */
interface FoundValue {
  value: string;
  holder: Obj;
  rel: Array<string | number>;
  indexes: number[];
}

/**
 * Calls `onValue` for each non-empty string at `field` inside `item`, with `found` describing it.
 * A plain walk over the shared stacks of `found`, copying nothing: this runs for every reference
 * field of every item of the workspace (a recursive generator with a new array per level cost a
 * quarter of a warm `okra validate`, and a copy per value was a fifth of a keystroke's garbage).
 */
function visitValues(item: Obj, field: PathPattern, found: FoundValue, stack: Array<string | number>, onValue: () => void): void {
  // Most reference fields are one key of the item (`owner`, `kpi`, `aligns_to`): no walk, and
  // the field itself is the path. `indexes` and `stack` are empty between walks (every push is
  // popped), and never emptied by setting their length, which would drop their storage.
  if (field.length === 1) {
    const value = item[field[0]];
    if (typeof value !== 'string' || value.length === 0) return;
    found.value = value;
    found.holder = item;
    found.rel = field as Array<string | number>;
    onValue();
    return;
  }
  found.rel = stack;
  walkValues(item, item, field, 0, found, onValue);
}

function walkValues(node: unknown, holder: Obj, field: PathPattern, i: number, found: FoundValue, onValue: () => void): void {
  if (i === field.length) {
    if (typeof node === 'string' && node.length > 0) {
      found.value = node;
      found.holder = holder;
      onValue();
    }
    return;
  }
  const segment = field[i];
  if (segment === '*') {
    if (!Array.isArray(node)) return;
    // The last `*` holds strings (reports, participants); an inner one holds mappings.
    for (let k = 0; k < node.length; k++) {
      found.rel.push(k);
      found.indexes.push(k);
      walkValues(node[k], holder, field, i + 1, found, onValue);
      found.rel.pop();
      found.indexes.pop();
    }
    return;
  }
  if (!isObj(node)) return;
  found.rel.push(segment);
  walkValues(node[segment], node, field, i + 1, found, onValue);
  found.rel.pop();
}

/** An item that holds reference fields. */
export interface SourceItem {
  id: string | undefined;
  value: unknown;
  file: string;
  path: DataPath;
}

/** Picks the items to visit from a list or an index (a rule's `itemsToCheck`: by file, without walking the rest). */
export type PickItems = <T extends { file: string }>(list: { readonly all: readonly T[] } | readonly T[]) => readonly T[];

const everyItem: PickItems = (list) => (Array.isArray(list) ? list : (list as { readonly all: readonly never[] }).all);

function itemsOf(model: WorkspaceModel, source: ReferenceSource, pick: PickItems): readonly SourceItem[] {
  switch (source) {
    case 'objectiveSets':
      return pick(model.objectiveSets).map((s) => ({ ...s, id: undefined }));
    case 'oneOnOnes':
      return pick(model.oneOnOnes).map((s) => ({ ...s, id: undefined }));
    default:
      return pick(model[source] as unknown as { readonly all: readonly SourceItem[] });
  }
}

/** Rows grouped by the list they are read from, keeping the table's order. */
const BY_SOURCE: ReadonlyArray<[ReferenceSource, ReferenceField[]]> = (() => {
  const groups = new Map<ReferenceSource, ReferenceField[]>();
  for (const f of REFERENCE_FIELDS) {
    const list = groups.get(f.source);
    if (list) list.push(f);
    else groups.set(f.source, [f]);
  }
  return [...groups];
})();

/**
 * Where `scanReferences` is: the reference under the cursor, read without building anything. A
 * Reference (subject, path) is built only by `toReference()`: most references resolve and are
 * never reported, and building both for each of a workspace's 700,000 was most of the time.
 */
export class ReferenceCursor {
  value = '';
  field!: ReferenceField;
  kinds: readonly RefKind[] = [];
  private item!: SourceItem;
  private found!: FoundValue;

  /** @internal */
  moveTo(field: ReferenceField, kinds: readonly RefKind[], item: SourceItem, found: FoundValue): void {
    this.field = field;
    this.kinds = kinds;
    this.item = item;
    this.found = found;
  }

  get accepts(): Accepts {
    return this.field.accepts;
  }

  /** The reference under the cursor, as a value that outlives the scan. */
  toReference(): Reference {
    const { field, kinds, item, found } = this;
    const itemValue = item.value as Obj;
    return {
      value: found.value,
      accepts: field.accepts,
      kinds,
      subject: field.subject({ id: item.id, item: itemValue, holder: found.holder, indexes: [...found.indexes] }),
      file: item.file,
      path: [...item.path, ...found.rel],
      field,
    };
  }
}

/**
 * Moves one cursor over every reference in the model: every non-empty string at a reference
 * field of every item the model holds (items are the model's, so a view made with `fileView`
 * yields just that file's references; an item the model leaves out for want of an `id` is left
 * out here too). Order: by list, then item, then field. The cursor is reused: keep what it
 * points at with `toReference()`.
 */
export function scanReferences(
  model: WorkspaceModel,
  visit: (cursor: ReferenceCursor) => void,
  /** Picks the items to scan from each list (a rule's `itemsToCheck`); every item by default. */
  pick: PickItems = everyItem,
): void {
  const cursor = new ReferenceCursor();
  const found: FoundValue = { value: '', holder: {}, rel: [], indexes: [] };
  const stack: Array<string | number> = [];
  const onValue = () => {
    cursor.value = found.value;
    visit(cursor);
  };
  for (const [source, fields] of BY_SOURCE) {
    const kindsOf = fields.map((field) => acceptedKinds(field.accepts));
    const items = itemsOf(model, source, pick);
    for (let n = 0; n < items.length; n++) {
      const item = items[n];
      if (!isObj(item.value)) continue;
      for (let f = 0; f < fields.length; f++) {
        cursor.moveTo(fields[f], kindsOf[f], item, found);
        visitValues(item.value, fields[f].field, found, stack, onValue);
      }
    }
  }
}

/** Calls `visit` with every reference in the model (see `scanReferences`), each built whole. */
export function forEachReference(model: WorkspaceModel, visit: (ref: Reference) => void): void {
  scanReferences(model, (cursor) => visit(cursor.toReference()));
}

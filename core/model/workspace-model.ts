import type { DataPath } from '../diagnostics';
import { isRecord } from '../util/is-record';
import { ENTITY_KINDS } from './entity-kinds';
import type { ParsedFile } from '../parse/parse-file';
import type {
  Kpi,
  KeyResult,
  Objective,
  Objectives,
  OkraConfig,
  OneOnOne,
  Person,
  Retrospective,
  Review,
  ReviewCycles,
  Team,
  Tier,
  Vendor,
} from './types.generated';

/** The workspace's config file, at the root of the workspace. */
export const CONFIG_FILE = 'okra.config.yaml';

/** An item of the model with the place it was defined. */
export interface Located<T> {
  value: T;
  file: string;
  path: DataPath;
}

/** An item with an id, indexed per kind across the workspace. */
export interface Entity<T> extends Located<T> {
  id: string;
}

export interface ObjectiveEntity extends Entity<Objective> {
  /** The Objectives file's header: cycle and owner. */
  set: Objectives;
}

export interface KeyResultEntity extends Entity<KeyResult> {
  objective: ObjectiveEntity;
}

/**
 * Items of one kind, by id and by file. Duplicated ids keep every definition (the
 * `id/duplicate` rule reports them). Kept per file so that one edited file can be swapped in
 * without rebuilding the rest.
 */
export class EntityIndex<T> {
  readonly byId = new Map<string, Entity<T>[]>();
  readonly byFile = new Map<string, Entity<T>[]>();
  private flat: Entity<T>[] | undefined;
  private readonly emptied = new Set<string>();

  /** Every item, in file order. */
  get all(): Entity<T>[] {
    if (!this.flat) this.flat = [...this.byFile.values()].flat();
    return this.flat;
  }

  add(entity: Entity<T>): void {
    this.flat = undefined;
    const list = this.byId.get(entity.id);
    if (list) list.push(entity);
    else this.byId.set(entity.id, [entity]);
    const inFile = this.byFile.get(entity.file);
    if (inFile) inFile.push(entity);
    else this.byFile.set(entity.file, [entity]);
  }

  /**
   * Takes a file's items out. An id left with no definition keeps its (empty) entry until
   * `dropEmpty`: an edited file brings most ids back, and deleting then re-adding a key of a Map
   * with 200,000 ids makes V8 rebuild the whole table every few hundred keystrokes.
   */
  removeFile(file: string): void {
    const entities = this.byFile.get(file);
    if (!entities) return;
    this.flat = undefined;
    this.byFile.delete(file);
    for (const entity of entities) {
      const list = this.byId.get(entity.id);
      if (!list) continue;
      removeWhere(list, (e) => e.file === file);
      if (list.length === 0) this.emptied.add(entity.id);
    }
  }

  /** Forgets ids that `removeFile` left without a definition and no `add` gave one back. */
  dropEmpty(): void {
    for (const id of this.emptied) if (this.byId.get(id)?.length === 0) this.byId.delete(id);
    this.emptied.clear();
  }

  get(id: string): Entity<T> | undefined {
    return this.byId.get(id)?.[0];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  ids(): IterableIterator<string> {
    return this.byId.keys();
  }

  /** The same lookups, but `all` lists only one file's items: rules then check just that file. */
  viewOf(file: string): EntityIndex<T> {
    const view = Object.create(this) as EntityIndex<T>;
    const own = this.byFile.get(file) ?? [];
    Object.defineProperty(view, 'all', { get: () => own });
    return view;
  }
}

/** Everything okra knows about a workspace, typed, with where each item came from. */
export interface WorkspaceModel {
  files: readonly ParsedFile[];
  byPath: ReadonlyMap<string, ParsedFile>;
  config: Located<OkraConfig> | undefined;
  /** IANA zone from the config, UTC by default. */
  timezone: string;
  teams: EntityIndex<Team>;
  people: EntityIndex<Person>;
  vendors: EntityIndex<Vendor>;
  objectiveSets: Located<Objectives>[];
  objectives: EntityIndex<Objective> & { all: ObjectiveEntity[] };
  keyResults: EntityIndex<KeyResult> & { all: KeyResultEntity[] };
  kpis: EntityIndex<Kpi>;
  tiers: EntityIndex<Tier>;
  reviewCycleSets: Located<ReviewCycles>[];
  oneOnOnes: Located<OneOnOne>[];
  reviews: EntityIndex<Review>;
  retrospectives: EntityIndex<Retrospective>;
}

/** Removes the items `drop` picks from `list` itself, keeping the order of the rest. */
function removeWhere<T>(list: T[], drop: (item: T) => boolean): void {
  let kept = 0;
  for (let i = 0; i < list.length; i++) if (!drop(list[i])) list[kept++] = list[i];
  list.length = kept;
}

/** Items of a list that are mappings, with their index; anything else was reported by the schema. */
function* records(value: unknown): Generator<[Record<string, unknown>, number]> {
  if (!Array.isArray(value)) return;
  for (let i = 0; i < value.length; i++) if (isRecord(value[i])) yield [value[i] as Record<string, unknown>, i];
}

function addAll<T>(index: EntityIndex<T>, list: unknown, file: string, key: string): void {
  for (const [item, i] of records(list)) {
    if (typeof item.id === 'string') index.add({ id: item.id, value: item as T, file, path: [key, i] });
  }
}

/** An empty model, to which files are added one by one. */
export function emptyModel(): WorkspaceModel {
  return {
    files: [],
    byPath: new Map(),
    config: undefined,
    timezone: 'UTC',
    teams: new EntityIndex(),
    people: new EntityIndex(),
    vendors: new EntityIndex(),
    objectiveSets: [],
    objectives: new EntityIndex() as WorkspaceModel['objectives'],
    keyResults: new EntityIndex() as WorkspaceModel['keyResults'],
    kpis: new EntityIndex(),
    tiers: new EntityIndex(),
    reviewCycleSets: [],
    oneOnOnes: [],
    reviews: new EntityIndex(),
    retrospectives: new EntityIndex(),
  };
}

/**
 * Builds the model from parsed files. Tolerant: files with schema errors still contribute what
 * is recognisable, so workspace rules keep working while a file is being edited.
 */
export function buildModel(files: readonly ParsedFile[]): WorkspaceModel {
  const model = emptyModel();
  model.files = files;
  model.byPath = new Map(files.map((f) => [f.path, f]));
  for (const file of files) addItems(model, file);
  return model;
}

const ENTITY_INDEXES = ENTITY_KINDS.map((k) => k.index);
/** Kinds that are plain lists of their file (`teams:`, `kpis:` …); objectives carry their file's header and key results. */
const LISTED_KINDS = ENTITY_KINDS.filter((k) => k.fileKind !== 'Objectives');

/** Swaps one file's items in the model (or removes them when `file` is undefined). */
export function replaceFile(model: WorkspaceModel, path: string, file: ParsedFile | undefined): void {
  for (const key of ENTITY_INDEXES) (model[key] as EntityIndex<unknown>).removeFile(path);
  // In place: copying the workspace's lists of sets and 1:1s on every keystroke was garbage.
  removeWhere(model.objectiveSets, (s) => s.file === path);
  removeWhere(model.reviewCycleSets, (s) => s.file === path);
  removeWhere(model.oneOnOnes, (s) => s.file === path);
  if (model.config?.file === path) {
    model.config = undefined;
    model.timezone = 'UTC';
  }
  const previous = model.byPath.get(path);
  if (file && previous) {
    // An edit, the editor's every keystroke: the file keeps its place, and nothing holds on to
    // the map (copying 2,000 entries per keystroke was a tenth of the work).
    (model.byPath as Map<string, ParsedFile>).set(path, file);
    const files = [...model.files];
    files[files.indexOf(previous)] = file;
    model.files = files;
  } else {
    const byPath = new Map(model.byPath);
    if (file) byPath.set(path, file);
    else byPath.delete(path);
    model.byPath = byPath;
    model.files = [...byPath.values()];
  }
  if (file) addItems(model, file);
  for (const key of ENTITY_INDEXES) (model[key] as EntityIndex<unknown>).dropEmpty();
}

/**
 * The model as rules should see it to re-check one file: every lookup is global, but lists
 * (`all`, the sets, the 1:1s) hold only that file's items.
 */
export function fileView(model: WorkspaceModel, path: string): WorkspaceModel {
  const view = { ...model };
  for (const key of ENTITY_INDEXES) (view as Record<string, unknown>)[key] = (model[key] as EntityIndex<unknown>).viewOf(path);
  view.objectiveSets = model.objectiveSets.filter((s) => s.file === path);
  view.reviewCycleSets = model.reviewCycleSets.filter((s) => s.file === path);
  view.oneOnOnes = model.oneOnOnes.filter((s) => s.file === path);
  return view;
}

function addItems(model: WorkspaceModel, file: ParsedFile): void {
  const data = file.data;
  if (!isRecord(data)) return;
  const at = file.path;
  switch (file.kind) {
    case 'Config':
      // Only the root config configures the workspace; any other Config file is reported by the loader.
      if (at !== CONFIG_FILE) break;
      model.config = { value: data as unknown as OkraConfig, file: at, path: [] };
      if (typeof data.timezone === 'string' && isValidZone(data.timezone)) model.timezone = data.timezone;
      break;
    case 'Objectives': {
      const set = data as unknown as Objectives;
      model.objectiveSets.push({ value: set, file: at, path: [] });
      for (const [objective, i] of records(data.objectives)) {
        if (typeof objective.id !== 'string') continue;
        const entity: ObjectiveEntity = {
          id: objective.id,
          value: objective as unknown as Objective,
          file: at,
          path: ['objectives', i],
          set,
        };
        model.objectives.add(entity);
        for (const [kr, j] of records(objective.key_results)) {
          if (typeof kr.id !== 'string') continue;
          const krEntity: KeyResultEntity = {
            id: kr.id,
            value: kr as unknown as KeyResult,
            file: at,
            path: ['objectives', i, 'key_results', j],
            objective: entity,
          };
          model.keyResults.add(krEntity);
        }
      }
      break;
    }
    case 'ReviewCycles':
      model.reviewCycleSets.push({ value: data as unknown as ReviewCycles, file: at, path: [] });
      for (const [oneOnOne, i] of records(data.one_on_ones)) {
        model.oneOnOnes.push({ value: oneOnOne as unknown as OneOnOne, file: at, path: ['one_on_ones', i] });
      }
      break;
  }
  for (const { fileKind, pattern, index } of LISTED_KINDS) {
    if (fileKind === file.kind) addAll(model[index] as EntityIndex<unknown>, data[pattern[0]], at, pattern[0]);
  }
}

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

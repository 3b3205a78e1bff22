import type { DataPath } from '../diagnostics';
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

/** Items of one kind, by id. Duplicated ids keep every definition (the `id/duplicate` rule reports them). */
export class EntityIndex<T> {
  readonly all: Entity<T>[] = [];
  readonly byId = new Map<string, Entity<T>[]>();

  add(entity: Entity<T>): void {
    this.all.push(entity);
    const list = this.byId.get(entity.id);
    if (list) list.push(entity);
    else this.byId.set(entity.id, [entity]);
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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

/**
 * Builds the model from parsed files. Tolerant: files with schema errors still contribute what
 * is recognisable, so workspace rules keep working while a file is being edited.
 */
export function buildModel(files: readonly ParsedFile[]): WorkspaceModel {
  const model: WorkspaceModel = {
    files,
    byPath: new Map(files.map((f) => [f.path, f])),
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
  for (const file of files) {
    const data = file.data;
    if (!isRecord(data)) continue;
    const at = file.path;
    switch (file.kind) {
      case 'Config':
        model.config ??= { value: data as unknown as OkraConfig, file: at, path: [] };
        if (typeof data.timezone === 'string' && isValidZone(data.timezone)) model.timezone = data.timezone;
        break;
      case 'Org':
        addAll(model.teams, data.teams, at, 'teams');
        addAll(model.people, data.people, at, 'people');
        addAll(model.vendors, data.vendors, at, 'vendors');
        break;
      case 'Objectives': {
        const set = data as unknown as Objectives;
        model.objectiveSets.push({ value: set, file: at, path: [] });
        for (const [objective, i] of records(data.objectives)) {
          if (typeof objective.id !== 'string') continue;
          const entity: ObjectiveEntity = { id: objective.id, value: objective as unknown as Objective, file: at, path: ['objectives', i], set };
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
      case 'KpiTargets':
        addAll(model.kpis, data.kpis, at, 'kpis');
        break;
      case 'TierStructure':
        addAll(model.tiers, data.tiers, at, 'tiers');
        break;
      case 'ReviewCycles':
        model.reviewCycleSets.push({ value: data as unknown as ReviewCycles, file: at, path: [] });
        for (const [oneOnOne, i] of records(data.one_on_ones)) {
          model.oneOnOnes.push({ value: oneOnOne as unknown as OneOnOne, file: at, path: ['one_on_ones', i] });
        }
        addAll(model.reviews, data.reviews, at, 'reviews');
        addAll(model.retrospectives, data.retrospectives, at, 'retrospectives');
        break;
    }
  }
  return model;
}

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

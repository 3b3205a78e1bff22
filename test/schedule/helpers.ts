import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { stringify } from 'yaml';
import { buildModel, type WorkspaceModel } from '../../core/model/workspace-model';
import type { OneOnOne, Person, Retrospective, Review, Team } from '../../core/model/types.generated';
import { parseFile } from '../../core/parse/parse-file';

export const FIXTURE = join(__dirname, '..', 'fixtures', 'schedule', 'workspace');
export const EXAMPLE = join(__dirname, '..', '..', 'examples', 'support-org');

/** A model built the way okra builds it: YAML text → parseFile → buildModel. */
export function modelOf(files: Record<string, string>): WorkspaceModel {
  return buildModel(Object.entries(files).map(([path, text]) => parseFile(path, text)));
}

/** Every .yaml file below `root`, parsed into a model. */
export function modelOfFolder(root: string): WorkspaceModel {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.yaml')) files[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return modelOf(files);
}

export interface WorkspaceSpec {
  timezone?: string;
  teams?: Team[];
  people?: Partial<Person>[];
  oneOnOnes?: Partial<OneOnOne>[];
  reviews?: Partial<Review>[];
  retrospectives?: Partial<Retrospective>[];
}

/** A small workspace from plain objects, written out as YAML files first. */
export function workspace(spec: WorkspaceSpec): WorkspaceModel {
  const config = { kind: 'Config', version: 1, ...(spec.timezone ? { timezone: spec.timezone } : {}) };
  const org = { kind: 'Org', version: 1, teams: spec.teams ?? [], people: spec.people ?? [] };
  const reviews = {
    kind: 'ReviewCycles',
    version: 1,
    one_on_ones: spec.oneOnOnes ?? [],
    reviews: spec.reviews ?? [],
    retrospectives: spec.retrospectives ?? [],
  };
  return modelOf({
    'okra.config.yaml': stringify(config),
    'org.yaml': stringify(org),
    'reviews.yaml': stringify(reviews),
  });
}

/** People named after their id, with an email at example.com. */
export function person(id: string, extra: Partial<Person> = {}): Partial<Person> {
  return {
    id,
    name: id.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => (dash ? ' ' : '') + c.toUpperCase()),
    email: `${id}@example.com`,
    ...extra,
  };
}

import { DATABASES, type PropertySpec } from './databases';
import type { SyncKind } from './types';

/** One property of a data source schema as okra needs to know it. */
export interface SchemaProperty {
  id: string;
  name: string;
  type: string;
  /** Relation target data source. */
  target?: string;
}

/** How a column differs from what okra created. */
export interface PropertyDrift {
  property: string;
  problem: 'renamed' | 'deleted' | 'retyped';
  /** The column's current name (renamed, retyped). */
  actualName?: string;
  /** The column's id in Notion (renamed, retyped). */
  propertyId?: string;
}

/** The outcome of checking one data source's schema. */
export interface SchemaCheck {
  /** Property ids by okra's property name, for reading pages. */
  propertyIds: Record<string, string>;
  drift: PropertyDrift[];
}

/**
 * Compares a data source's schema with okra's spec. A column is matched by the id okra
 * recorded (so a rename is recognised as one), else by name. Relations must point at the
 * right data source. Columns people added are none of okra's business.
 */
export function checkSchema(
  kind: SyncKind,
  schema: readonly SchemaProperty[],
  knownIds: Readonly<Record<string, string>>,
  dataSourceIds: Partial<Record<SyncKind, string>>,
): SchemaCheck {
  const propertyIds: Record<string, string> = {};
  const drift: PropertyDrift[] = [];
  const fits = (spec: PropertySpec, p: SchemaProperty) =>
    p.type === spec.type && (spec.type !== 'relation' || !spec.target || sameId(p.target, dataSourceIds[spec.target]));
  for (const spec of DATABASES[kind].properties) {
    const known = knownIds[spec.name];
    const byId = known !== undefined ? schema.find((p) => p.id === known) : undefined;
    const byName = schema.find((p) => p.name === spec.name);
    // The title column's id is always "title": Notion only allows renaming it.
    const candidate = spec.type === 'title' ? schema.find((p) => p.type === 'title') : (byId ?? byName);
    if (candidate && fits(spec, candidate)) {
      propertyIds[spec.name] = candidate.id;
      if (candidate.name !== spec.name)
        drift.push({ property: spec.name, problem: 'renamed', actualName: candidate.name, propertyId: candidate.id });
      continue;
    }
    if (candidate) {
      drift.push({ property: spec.name, problem: 'retyped', actualName: candidate.name, propertyId: candidate.id });
      continue;
    }
    drift.push({ property: spec.name, problem: 'deleted' });
  }
  return { propertyIds, drift };
}

function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.replace(/-/g, '').toLowerCase() === b.replace(/-/g, '').toLowerCase();
}

/** Properties whose values are gone after a repair (deleted or retyped columns): every row must rewrite them. */
export function lostProperties(drift: readonly PropertyDrift[]): string[] {
  return drift.filter((d) => d.problem !== 'renamed').map((d) => d.property);
}

import type { WorkspaceModel } from '../../../model/workspace-model';
import {
  indexOfKind as indexOf,
  scanReferences,
  type Accepts,
  type Reference,
  type ReferenceCursor,
  type RefKind,
} from '../../../model/reference-fields';
import type { Location, Report, RuleContext } from '../../../plugins/define-rule';
import { didYouMean } from '../../../util/did-you-mean';

// Which fields are references, and what each accepts, is one table shared with the language
// service: core/model/reference-fields.ts.
export type { RefKind } from '../../../model/reference-fields';

/** A reference that names nothing defined. */
export interface UnknownReference {
  /** The rule it belongs to: the kind it names, or for an ambiguous bare id the kind of the best suggestion. */
  kind: RefKind;
  /** True when the field accepts several kinds and the value did not say which. */
  ambiguous: boolean;
  /** The value as written. */
  value: string;
  /** The id without its `team/`-style prefix. */
  id: string;
  /** What the field is, for the message: `Owner of key result "cut-cpc"`. */
  subject: string;
  /** For ambiguous values: what is wrong with it, for the message (`is not the id of any …`). */
  problem: string;
  /** The value to write instead, with the prefix it had, when one is close enough. */
  suggestion?: string;
  at: Location;
}

const PREFIXED = /^(person|team|tier|vendor|kpi|objective)\/(.+)$/;

const EXPECTED = {
  owner: 'is not the id of any person or team in this workspace',
  member: 'is not the id of any person or team in this workspace',
  scope: 'is neither "global" nor the id of any team, tier or vendor in this workspace',
} as const;

/**
 * Whether any of the things `value` may name passes `test`: a prefixed value names one kind,
 * a bare id the kinds its field accepts. True as well when the value is not this rule's to
 * judge (`global` as a scope, a prefix the field does not take). One definition for the rules
 * and for the workspace outline, which records the same candidates as hashes.
 */
export function someCandidate(
  value: string,
  accepts: Accepts,
  kinds: readonly RefKind[],
  test: (kind: RefKind, id: string) => boolean,
): boolean {
  const prefixed = PREFIXED.exec(value);
  if (prefixed) {
    const kind = prefixed[1] as RefKind;
    return !kinds.includes(kind) || test(kind, prefixed[2]);
  }
  if (accepts.form === 'scope' && value === 'global') return true;
  if (accepts.form === 'one') return test(accepts.kind, value);
  if (accepts.form === 'member') return test('person', value);
  return kinds.some((kind) => test(kind, value));
}

/** True when `value` names something, or is not this rule's to judge. */
function settled(model: WorkspaceModel, value: string, accepts: Accepts, kinds: readonly RefKind[]): boolean {
  return someCandidate(value, accepts, kinds, (kind, id) => indexOf(model, kind).has(id));
}

/** Resolves one value; returns the problem, or `undefined` when it names something (or is not ours to judge). */
function resolve(model: WorkspaceModel, ref: Reference): UnknownReference | undefined {
  const { value, accepts, kinds, subject } = ref;
  const at: Location = { file: ref.file, path: ref.path };
  const prefixed = PREFIXED.exec(value);
  if (prefixed) {
    const kind = prefixed[1] as RefKind;
    // A prefix the field does not accept is a format error: the schema reports it.
    if (!kinds.includes(kind)) return undefined;
    const id = prefixed[2];
    if (indexOf(model, kind).has(id)) return undefined;
    const match = didYouMean(id, indexOf(model, kind).ids());
    return { kind, ambiguous: false, value, id, subject, problem: '', suggestion: match && `${kind}/${match}`, at };
  }
  if (accepts.form === 'scope' && value === 'global') return undefined;
  if (accepts.form === 'one' || accepts.form === 'member') {
    const kind: RefKind = accepts.form === 'one' ? accepts.kind : 'person';
    if (indexOf(model, kind).has(value)) return undefined;
    const match = didYouMean(value, indexOf(model, kind).ids());
    return { kind, ambiguous: false, value, id: value, subject, problem: '', suggestion: match, at };
  }
  if (kinds.some((kind) => indexOf(model, kind).has(value))) return undefined;
  // A bare id that may name several kinds: suggest the closest id of any of them and file the
  // problem under that kind's rule, so exactly one rule reports it.
  const candidates = new Map<string, RefKind>();
  for (const kind of kinds) for (const id of indexOf(model, kind).ids()) if (!candidates.has(id)) candidates.set(id, kind);
  if (accepts.form === 'scope') candidates.set('global', 'team');
  const match = didYouMean(value, candidates.keys());
  const kind = match === undefined ? kinds[0] : candidates.get(match)!;
  return { kind, ambiguous: true, value, id: value, subject, problem: EXPECTED[accepts.form], suggestion: match, at };
}

const cache = new WeakMap<WorkspaceModel, UnknownReference[]>();

/**
 * Every reference in the workspace that names nothing defined, computed once per model and
 * shared by the six `ref/unknown-*` rules.
 */
function unknownReferences(ctx: RuleContext): UnknownReference[] {
  // Each run of the rules has a model object of its own, and so a memo of its own.
  let found = cache.get(ctx.model);
  if (!found) {
    found = collect(ctx);
    cache.set(ctx.model, found);
  }
  return found;
}

function collect({ model, itemsToCheck }: RuleContext): UnknownReference[] {
  const found: UnknownReference[] = [];
  const onReference = (cursor: ReferenceCursor) => {
    if (settled(model, cursor.value, cursor.accepts, cursor.kinds)) return;
    const problem = resolve(model, cursor.toReference());
    if (problem) found.push(problem);
  };
  scanReferences(model, onReference, itemsToCheck);
  return found;
}

/**
 * Messages of the `ref/unknown-*` rules; `what` is the kind in words, `where` the kind of file.
 * `unknownAny` is for a bare id in a field that accepts several kinds; only the person, team,
 * tier and vendor rules can receive one, so only they declare it.
 */
export function referenceMessages(what: string, where: string): { unknown: string };
export function referenceMessages(what: string, where: string, ambiguous: true): { unknown: string; unknownAny: string };
export function referenceMessages(what: string, where: string, ambiguous = false): { unknown: string; unknownAny?: string } {
  const unknown = `{{subject}}: ${what} "{{id}}" is not defined in any ${where} file{{hint}}`;
  return ambiguous ? { unknown, unknownAny: '{{subject}}: "{{id}}" {{problem}}{{hint}}' } : { unknown };
}

/**
 * Reports every unknown reference of `kind`, with "did you mean" and a fix when there is a
 * close id. `M` is the rule's message names: `unknownAny` is only used for kinds that declare it.
 */
export function reportUnknown<M extends 'unknown' | 'unknownAny'>(ctx: RuleContext<M>, kind: RefKind): void {
  for (const ref of unknownReferences(ctx as RuleContext)) {
    if (ref.kind !== kind) continue;
    const r: Report<M> = {
      message: (ref.ambiguous ? 'unknownAny' : 'unknown') as M,
      data: { subject: ref.subject, id: ref.id, problem: ref.problem, hint: ref.suggestion ? `; did you mean "${ref.suggestion}"?` : '' },
      at: ref.at,
    };
    if (ref.suggestion) r.fix = { title: `Replace with "${ref.suggestion}"`, edits: [{ at: ref.at, newText: ref.suggestion }] };
    ctx.report(r);
  }
}

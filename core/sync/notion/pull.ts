import { DateTime } from 'luxon';
import type { WorkspaceModel } from '../../model/workspace-model';
import type { DataPath } from '../../diagnostics';
import { PULLED } from './databases';
import { canonicalJson } from './hash';
import type { RemoteSnapshot, SyncPlan } from './plan';
import type { SyncState } from './state';
import { KIND_NOUN, type LocalRow, type NormalValue, type RemoteRow, type SyncKind } from './types';

/** The check-in a pull appends to a key result's `check_ins`. */
export interface PulledCheckIn {
  date: string;
  value?: number;
  done?: boolean;
  confidence?: number;
  by?: string;
  note: string;
}

/** What a pull changes in one key result of the YAML. */
export interface PullEdit {
  kind: SyncKind;
  okraId: string;
  key: string;
  pageId: string;
  /** The workspace file and the key result's data path in it. */
  file: string;
  path: DataPath;
  /** Scalars of the key result to set. */
  set: { current?: number; confidence?: number; done?: boolean };
  checkIn: PulledCheckIn;
  /** The Notion columns taken, with their values in Notion. */
  pulled: Record<string, NormalValue>;
  /** Hash of the row's content in Notion: recorded as written once the YAML has the edit. */
  remoteHash: string;
  /** The pulled columns as Notion holds them now: the new baseline of the state. */
  baseline: Record<string, NormalValue>;
}

/** A column edited in Notion and changed in the YAML since the last sync: reported, never written. */
export interface PullConflict {
  kind: SyncKind;
  okraId: string;
  key: string;
  property: string;
  notion: NormalValue;
  yaml: NormalValue;
}

/** Edits in Notion to columns okra does not pull (YAML-owned): reported only. */
export interface NotPulled {
  kind: SyncKind;
  okraId: string;
  key: string;
  properties: string[];
}

/** A row whose pulled columns were changed in Notion and in the YAML to the same values: nothing to write, only to record. */
export interface PullAgreed {
  key: string;
  pageId: string;
  remoteHash: string;
  baseline: Record<string, NormalValue>;
}

export interface PullPlan {
  edits: PullEdit[];
  conflicts: PullConflict[];
  notPulled: NotPulled[];
  agreed: PullAgreed[];
}

export interface PullOptions {
  /** The workspace time zone: a check-in's date is the day of the Notion edit there. */
  zone: string;
  /** Notion user ids by lower-cased email (as `usersByEmail` gives them): finds `by`. */
  userIdByEmail: ReadonlyMap<string, string>;
  /** The check-in note (default "from Notion"). */
  note?: string;
}

const equal = (a: NormalValue | undefined, b: NormalValue | undefined) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** The pulled columns that apply to a key result of this type. */
function applicable(type: unknown): Set<string> {
  return new Set(type === 'metric' ? ['Current', 'Confidence'] : ['Confidence', 'Done']);
}

/**
 * Works out what `okra sync --pull` brings back from Notion, from the push plan (`plan`, which
 * already tells rows edited in Notion from the hash okra wrote) and what Notion holds.
 *
 * For a key result edited in Notion, each pulled column (Current, Confidence, Done) is compared
 * with what okra last wrote into it (the state's `values`) and with the YAML's value:
 * - edited in Notion only → pulled: the key result's `current` / `confidence` / `done` are set
 *   and a check-in is appended (date of the edit in the workspace zone, `by` the editor when
 *   their email matches a person, note "from Notion");
 * - edited in Notion and changed in the YAML to another value → a conflict: nothing of that key
 *   result is pulled, and the push leaves its row alone;
 * - other columns edited in Notion are YAML-owned: listed in `notPulled`.
 * Without a recorded baseline (an old or rebuilt state), a row whose YAML changed counts as
 * changed in every column that differs: a conflict rather than a guess.
 */
export function planPull(
  model: WorkspaceModel,
  local: readonly LocalRow[],
  remote: RemoteSnapshot,
  plan: SyncPlan,
  state: SyncState,
  options: PullOptions,
): PullPlan {
  const out: PullPlan = { edits: [], conflicts: [], notPulled: [], agreed: [] };
  const localByKey = new Map(local.map((r) => [r.key, r]));
  const remoteByPage = new Map(remote.rows.map((r) => [compact(r.pageId), r]));
  const personByUser = personOfUser(model, options.userIdByEmail);
  const candidates: Array<{ key: string; pageId: string; localChanged: boolean; remoteHash?: string }> = [];
  for (const op of plan.rows) {
    if (op.op === 'unchanged' && op.remoteEdited && !op.retained)
      candidates.push({ key: op.key, pageId: op.pageId, localChanged: false, remoteHash: op.remoteHash });
  }
  for (const c of plan.conflicts) candidates.push({ key: c.key, pageId: c.pageId, localChanged: true, remoteHash: c.remoteHash });

  for (const candidate of candidates) {
    const row = localByKey.get(candidate.key);
    const page = remoteByPage.get(compact(candidate.pageId));
    if (!row || !page) continue;
    const pulledNames = PULLED[row.kind];
    if (!pulledNames) {
      if (!candidate.localChanged) reportNotPulled(out, row, page, []);
      continue;
    }
    const entity = row.kind === 'keyResults' ? model.keyResults.get(row.okraId) : undefined;
    if (!entity) continue;
    const kr = entity.value;
    const usable = applicable(kr.type);
    const base = state.rows[row.key]?.values;
    const take: string[] = [];
    const conflicts: PullConflict[] = [];
    const ignored: string[] = [];
    let same = 0;
    for (const name of pulledNames) {
      const r = page.values[name];
      const l = row.values[name];
      const known = base !== undefined && name in base;
      const remoteChanged = known ? !equal(r, base[name]) : !equal(r, l);
      if (!remoteChanged) continue;
      const localChanged = known ? !equal(l, base[name]) : candidate.localChanged;
      if (!usable.has(name) || (name !== 'Done' && typeof r !== 'number')) {
        // Done of a metric, Current of a milestone, a cleared number: nothing a check-in can say.
        if (!equal(r, l)) ignored.push(name);
        continue;
      }
      if (localChanged) {
        if (!equal(r, l))
          conflicts.push({ kind: row.kind, okraId: row.okraId, key: row.key, property: name, notion: r ?? null, yaml: l ?? null });
        else same++;
        continue;
      }
      take.push(name);
    }
    if (!candidate.localChanged) reportNotPulled(out, row, page, ignored);
    else if (ignored.length > 0) out.notPulled.push({ kind: row.kind, okraId: row.okraId, key: row.key, properties: ignored });
    if (conflicts.length > 0) {
      out.conflicts.push(...conflicts);
      continue;
    }
    const baseline: Record<string, NormalValue> = {};
    for (const name of pulledNames) baseline[name] = page.values[name] ?? null;
    if (take.length === 0) {
      // Both sides made the same change: the YAML already says what Notion says.
      if (same > 0 && candidate.remoteHash)
        out.agreed.push({ key: row.key, pageId: page.pageId, remoteHash: candidate.remoteHash, baseline });
      continue;
    }
    if (!candidate.remoteHash) continue;

    const pulled: Record<string, NormalValue> = {};
    for (const name of take) pulled[name] = page.values[name] ?? null;
    const set: PullEdit['set'] = {};
    if ('Current' in pulled) set.current = pulled.Current as number;
    if ('Confidence' in pulled) set.confidence = pulled.Confidence as number;
    if ('Done' in pulled) set.done = pulled.Done === true;
    const checkIn: PulledCheckIn = { date: editDay(page.lastEditedTime, options.zone), note: '' };
    const current = page.values.Current;
    const confidence = page.values.Confidence;
    if (kr.type === 'metric' && typeof current === 'number') checkIn.value = current;
    if (kr.type !== 'metric') checkIn.done = page.values.Done === true;
    if (typeof confidence === 'number') checkIn.confidence = confidence;
    const by = page.lastEditedBy ? personByUser.get(compact(page.lastEditedBy)) : undefined;
    if (by) checkIn.by = by;
    checkIn.note = options.note ?? 'from Notion';
    out.edits.push({
      kind: row.kind,
      okraId: row.okraId,
      key: row.key,
      pageId: page.pageId,
      file: entity.file,
      path: entity.path,
      set,
      checkIn,
      pulled,
      remoteHash: candidate.remoteHash,
      baseline,
    });
  }
  return out;
}

/** Non-pulled columns that differ between Notion and an unchanged YAML row: edits in Notion. */
function reportNotPulled(out: PullPlan, row: LocalRow, page: RemoteRow, extra: string[]): void {
  const pulled = new Set(PULLED[row.kind] ?? []);
  const names = [...extra];
  for (const [name, value] of Object.entries(row.values)) {
    if (pulled.has(name) || !(name in page.values)) continue;
    if (!equal(value, page.values[name])) names.push(name);
  }
  if (names.length > 0) out.notPulled.push({ kind: row.kind, okraId: row.okraId, key: row.key, properties: names });
}

/**
 * Records a pull in the state: each pulled row's Notion content counts as written by okra (so
 * the push that follows neither reports it as a conflict nor reverts it) and the pulled columns'
 * baseline becomes what Notion holds.
 */
export function acceptPull(state: SyncState, pull: PullPlan): void {
  for (const edit of [...pull.edits, ...pull.agreed]) {
    const row = (state.rows[edit.key] ??= { pageId: edit.pageId, hash: '', lastEditedTime: '' });
    row.hash = edit.remoteHash;
    row.values = { ...edit.baseline };
  }
}

/** The day of an ISO instant in a zone. */
function editDay(iso: string, zone: string): string {
  const at = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  return at.isValid ? (at.toISODate() as string) : iso.slice(0, 10);
}

/** Person ids by compact Notion user id, through the people's emails. */
function personOfUser(model: WorkspaceModel, userIdByEmail: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const person of model.people.all) {
    const email = person.value.email;
    if (typeof email !== 'string') continue;
    const user = userIdByEmail.get(email.trim().toLowerCase());
    if (user && !out.has(compact(user))) out.set(compact(user), person.id);
  }
  return out;
}

function compact(id: string): string {
  return id.replace(/-/g, '').toLowerCase();
}

const show = (v: NormalValue) => (v === null ? 'empty' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * The pull as lines: `< pull key-result X: Current 4.41, Confidence 0.6 (check-in 2026-03-16 by ada)`,
 * `! conflict key-result X: Current edited in Notion (4.41) and in the YAML (4.5); left as it is`,
 * `  key-result X: edited in Notion, not pulled: Name`.
 */
export function formatPull(pull: PullPlan): string {
  const lines: string[] = [];
  for (const e of pull.edits) {
    const what = Object.entries(e.pulled)
      .map(([k, v]) => `${k} ${show(v)}`)
      .join(', ');
    lines.push(
      `< pull ${KIND_NOUN[e.kind]} ${e.okraId}: ${what} (check-in ${e.checkIn.date}${e.checkIn.by ? ` by ${e.checkIn.by}` : ''}, ${e.file})`,
    );
  }
  for (const c of pull.conflicts) {
    lines.push(
      `! conflict ${KIND_NOUN[c.kind]} ${c.okraId}: ${c.property} edited in Notion (${show(c.notion)}) and in the YAML (${show(c.yaml)}); left as it is`,
    );
  }
  for (const n of pull.notPulled)
    lines.push(`  ${KIND_NOUN[n.kind]} ${n.okraId}: edited in Notion, not pulled: ${n.properties.join(', ')}`);
  lines.push(
    `Pull: ${pull.edits.length} key result${pull.edits.length === 1 ? '' : 's'} to update from Notion, ${pull.conflicts.length} in conflict${pull.notPulled.length ? `, ${pull.notPulled.length} with edits not pulled` : ''}.`,
  );
  return lines.join('\n') + '\n';
}

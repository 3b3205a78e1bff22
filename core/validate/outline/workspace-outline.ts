import { chainLoops } from '../rules/lib/graph';
import { HashTable } from './hash-table';
import { idHash } from './id-hash';
import type { FileOutline } from './file-outline';

/**
 * The cross-file facts of a whole workspace, gathered from each file's outline as the files are
 * checked, without keeping the files: which ids are defined where, which references resolve,
 * where alignment loops. Files are numbered by the caller (their place in path order).
 *
 * Its answers are used to pick the files okra's own cross-file rules must see in full: every
 * file that defines an id also defined elsewhere, that holds a reference naming nothing, or
 * that defines an objective on an alignment loop. Those rules then run on those files and on
 * the files of the kinds they read in full, and report exactly what they report on the whole
 * workspace. Hashes can collide: a collision adds a file to look at (never a false finding),
 * or, about once in 10⁹ workspaces of 10,000 files, lets an unknown reference pass.
 */
export class WorkspaceOutline {
  /** An id's hash → the lowest-numbered file that defines it. */
  private readonly defs = new HashTable();
  /** An objective's hash → what its first definition aligns to (0 for nothing). */
  private readonly aligns = new HashTable(true);
  private readonly references = new Map<string, { candidates: number[]; files: number[] }>();
  private readonly objectiveIdsByFile: string[][] = [];
  /** Files that define an id defined more than once. */
  private readonly duplicates = new Set<number>();

  add(file: number, outline: FileOutline): void {
    for (const hash of outline.defs) {
      const first = this.defs.get(hash);
      if (first === undefined) {
        this.defs.set(hash, file);
        continue;
      }
      this.duplicates.add(first).add(file);
      if (file < first) this.defs.set(hash, file);
    }
    // Only the first definition's link counts, as in okr/alignment-loop; files come in any order.
    const { aligns } = outline;
    for (let i = 0; i < aligns.length; i += 2) if (this.defs.get(aligns[i]) === file) this.aligns.set(aligns[i], aligns[i + 1]);
    for (const candidates of outline.references) {
      const key = candidates.join(' ');
      const entry = this.references.get(key);
      if (entry) entry.files.push(file);
      else this.references.set(key, { candidates, files: [file] });
    }
    this.objectiveIdsByFile[file] = outline.objectiveIds;
  }

  hasObjective(id: string): boolean {
    return this.defs.has(idHash('objective', id));
  }

  /** Every objective id, in the order a whole-workspace model would list them (repeats after the first are harmless to "did you mean"). */
  *objectiveIds(): Generator<string> {
    for (const ids of this.objectiveIdsByFile) if (ids) yield* ids;
  }

  /** The files okra's cross-file rules must see in full (see the class comment). */
  involvedFiles(): Set<number> {
    const files = new Set(this.duplicates);
    for (const { candidates, files: from } of this.references.values()) {
      if (candidates.some((hash) => this.defs.has(hash))) continue;
      for (const file of from) files.add(file);
    }
    for (const member of this.loopMembers()) files.add(this.defs.get(member)!);
    return files;
  }

  /** Objectives on an alignment loop, found as `okr/alignment-loop` finds them. */
  private loopMembers(): number[] {
    const starts: number[] = [];
    this.aligns.forEach((hash) => starts.push(hash));
    // A node is an objective with a first definition; what it aligns to leads on only if it is one too.
    const next = (hash: number) => {
      const to = this.aligns.get(hash);
      return to === undefined || to === 0 || !this.aligns.has(to) ? undefined : to;
    };
    return chainLoops(starts, next, new HashTable()).flat();
  }
}

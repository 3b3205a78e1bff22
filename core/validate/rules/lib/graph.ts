import type { Location } from '../../../plugins/define-rule';

/** A directed edge of a hierarchy (manager, parent team, alignment, escalation), where it was written. */
export interface Edge {
  from: string;
  to: string;
  at: Location;
}

/**
 * Every loop of a directed graph, once each: one per strongly connected component that has a
 * cycle, as the shortest path from its first node (in `nodes` order) back to itself. Reporting
 * per component rather than per elementary cycle keeps the count linear where a dense tangle of
 * escalations would otherwise give exponentially many loops.
 */
export function findLoops(nodes: readonly string[], edges: readonly Edge[]): Edge[][] {
  const order = new Map<string, number>();
  for (const n of nodes) if (!order.has(n)) order.set(n, order.size);
  const out = new Map<string, Edge[]>();
  for (const e of edges) {
    if (!order.has(e.from) || !order.has(e.to)) continue;
    const list = out.get(e.from);
    if (list) list.push(e);
    else out.set(e.from, [e]);
  }

  const components = stronglyConnected([...order.keys()], out);
  const loops: Edge[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const start = component.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b));
    const self = (out.get(start) ?? []).find((e) => e.to === start);
    if (component.length === 1) {
      if (self) loops.push([self]);
      continue;
    }
    const path = shortestCycle(start, members, out);
    if (path) loops.push(path);
  }
  loops.sort((a, b) => order.get(a[0].from)! - order.get(b[0].from)!);
  return loops;
}

/**
 * The strongly connected components of a directed graph (Tarjan's algorithm), iterative: a long
 * management chain must not overflow the stack. Exported for test/architecture/folder-cycles.ts.
 */
export function stronglyConnected(nodes: readonly string[], out: ReadonlyMap<string, ReadonlyArray<{ to: string }>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const successors = out.get(frame.node) ?? [];
      if (frame.next < successors.length) {
        const to = successors[frame.next++].to;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        result.push(component);
      }
    }
  }
  return result;
}

/** Breadth-first search inside one component for the shortest way from `start` back to it. */
function shortestCycle(start: string, members: ReadonlySet<string>, out: ReadonlyMap<string, Edge[]>): Edge[] | undefined {
  const via = new Map<string, Edge>();
  const queue: string[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const edge of out.get(node) ?? []) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [edge];
        for (let at = node; at !== start; at = via.get(at)!.from) path.unshift(via.get(at)!);
        return path;
      }
      if (!via.has(edge.to)) {
        via.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
  }
  return undefined;
}

/** `a → b → c → a`, for a message. */
export function describeLoop(loop: readonly Edge[]): string {
  return [...loop.map((e) => e.from), loop[0].from].join(' → ');
}

/** Which walk first reached a node: a Map, or the outline's hash table. */
export interface WalkMarks<N> {
  get(node: N): number | undefined;
  set(node: N, walk: number): void;
}

/**
 * The loops of a graph where each node leads to at most one other (`aligns_to`): one walk per
 * chain from each start, each node visited once, so every loop reachable from the starts is
 * found exactly once, in the order it was entered. The one decision of what an alignment loop
 * is, for `okr/alignment-loop` over objectives and for the workspace outline over their hashes.
 */
export function chainLoops<N>(starts: Iterable<N>, next: (node: N) => N | undefined, marks: WalkMarks<N>): N[][] {
  const loops: N[][] = [];
  let walk = 0;
  for (const start of starts) {
    if (marks.get(start) !== undefined) continue;
    walk++;
    const chain: N[] = [];
    let current: N | undefined = start;
    while (current !== undefined && marks.get(current) === undefined) {
      marks.set(current, walk);
      chain.push(current);
      current = next(current);
    }
    if (current !== undefined && marks.get(current) === walk) loops.push(chain.slice(chain.indexOf(current)));
  }
  return loops;
}

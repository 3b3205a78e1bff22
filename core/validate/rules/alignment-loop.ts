import type { Entity } from '../../model/workspace-model';
import type { Objective } from '../../model/types.generated';
import { defineRule } from '../../plugins/define-rule';
import { OUTLINE_RULE } from '../outline/outline-rule';
import { chainLoops, describeLoop, type Edge } from './lib/graph';
import { obj, str } from './lib/fields';

/** File order, then position in the file: the first member of a loop in this order reports it. */
function before(a: Entity<Objective>, b: Entity<Objective>): boolean {
  if (a.file !== b.file) return a.file < b.file;
  return Number(a.path[1]) < Number(b.path[1]);
}

/**
 * Alignment leads from a team's objective up to the organisation's; a loop has no top, so
 * roll-ups and the Notion relation tree would never end.
 *
 * Each objective aligns to at most one other, so following `aligns_to` from an objective either
 * reaches the top or runs into a loop; checking one file only walks from that file's objectives
 * (the editor's path), never the whole workspace's graph.
 */
export default defineRule({
  id: 'okr/alignment-loop',
  severity: 'error',
  ...OUTLINE_RULE,
  description: 'Following `aligns_to` from any objective never comes back to it.',
  docs: 'Each loop is reported once, on the `aligns_to` of its first objective in file order, with the whole loop in the message and the other links as related locations. With duplicated ids, the first definition counts.',
  messages: {
    loop: 'These objectives align to each other in a loop: {{loop}}; alignment must lead up to a higher objective, never back',
    self: 'Objective "{{id}}" aligns to itself; align it to a higher objective or remove `aligns_to`',
  },
  check(ctx) {
    const { objectives } = ctx.model;
    const next = (entity: Entity<Objective>) => {
      const to = str(obj(entity.value).aligns_to);
      return to === undefined ? undefined : objectives.get(to);
    };
    // Walks start from the objectives to check (their first definitions): a loop that reaches
    // one of them is found, and reported on its first member in file order.
    const starts = ctx.itemsToCheck(objectives).filter((entity) => objectives.get(entity.id) === entity);
    for (const loop of chainLoops(starts, next, new Map())) {
      const headIndex = loop.reduce((best, member, i) => (before(member, loop[best]) ? i : best), 0);
      const ordered = [...loop.slice(headIndex), ...loop.slice(0, headIndex)];
      const edges: Edge[] = ordered.map((member, i) => ({
        from: member.id,
        to: ordered[(i + 1) % ordered.length].id,
        at: { file: member.file, path: [...member.path, 'aligns_to'] },
      }));
      const [head, ...rest] = edges;
      ctx.report({
        message: ordered.length === 1 ? 'self' : 'loop',
        data: { loop: describeLoop(edges), id: head.from },
        at: head.at,
        related: rest.map((e) => ({ at: e.at, message: `"${e.from}" aligns to "${e.to}"` })),
      });
    }
  },
});

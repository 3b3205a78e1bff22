import type { Entity } from '../../model/workspace-model';
import type { Objective } from '../../model/types.generated';
import { defineRule } from '../../plugins/define-rule';
import { OUTLINE_RULE } from '../outline/outline-rule';
import { describeLoop, type Edge } from './lib/graph';
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
    // Objectives known to lead to the top (or to an unknown id), so later walks stop early.
    const leadsUp = new Set<Entity<Objective>>();
    for (const start of ctx.itemsToCheck(objectives)) {
      if (objectives.get(start.id) !== start || leadsUp.has(start)) continue;
      const chain: Entity<Objective>[] = [];
      const seen = new Set<Entity<Objective>>();
      let current: Entity<Objective> | undefined = start;
      while (current !== undefined && !seen.has(current) && !leadsUp.has(current)) {
        seen.add(current);
        chain.push(current);
        current = next(current);
      }
      if (current === undefined || leadsUp.has(current)) {
        for (const entity of chain) leadsUp.add(entity);
        continue;
      }
      const loop = chain.slice(chain.indexOf(current));
      // Objectives that lead into a loop without being on it are not reported: the loop is.
      if (!loop.includes(start) || loop.some((member) => before(member, start))) continue;
      const edges: Edge[] = loop.map((member, i) => ({
        from: member.id,
        to: loop[(i + 1) % loop.length].id,
        at: { file: member.file, path: [...member.path, 'aligns_to'] },
      }));
      const [head, ...rest] = edges;
      ctx.report({
        message: loop.length === 1 ? 'self' : 'loop',
        data: { loop: describeLoop(edges), id: head.from },
        at: head.at,
        related: rest.map((e) => ({ at: e.at, message: `"${e.from}" aligns to "${e.to}"` })),
      });
    }
  },
});

import { defineRule } from '../../plugins/define-rule';
import { describeLoop, findLoops, type Edge } from './lib/graph';
import { obj, str } from './lib/fields';

/**
 * Alignment leads from a team's objective up to the organisation's; a loop has no top, so
 * roll-ups and the Notion relation tree would never end.
 */
export default defineRule({
  id: 'okr/alignment-loop',
  severity: 'error',
  description: 'Following `aligns_to` from any objective never comes back to it.',
  docs: 'Each loop is reported once, on the `aligns_to` of its first objective in file order, with the whole loop in the message and the other links as related locations. With duplicated ids, the first definition counts.',
  messages: {
    loop: 'These objectives align to each other in a loop: {{loop}}; alignment must lead up to a higher objective, never back',
    self: 'Objective "{{id}}" aligns to itself; align it to a higher objective or remove `aligns_to`',
  },
  check(ctx) {
    const nodes: string[] = [];
    const edges: Edge[] = [];
    for (const [id, [first]] of ctx.model.objectives.byId) {
      nodes.push(id);
      const to = str(obj(first.value).aligns_to);
      if (to) edges.push({ from: id, to, at: { file: first.file, path: [...first.path, 'aligns_to'] } });
    }
    for (const loop of findLoops(nodes, edges)) {
      const [head, ...rest] = loop;
      ctx.report({
        message: loop.length === 1 ? 'self' : 'loop',
        data: { loop: describeLoop(loop), id: head.from },
        at: head.at,
        related: rest.map((e) => ({ at: e.at, message: `"${e.from}" aligns to "${e.to}"` })),
      });
    }
  },
});

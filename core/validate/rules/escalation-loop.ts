import { defineRule } from '../../plugins/define-rule';
import { describeLoop, findLoops, type Edge } from './lib/graph';
import { obj, records, str } from './lib/fields';

/**
 * An escalation path must end at a last tier; in a loop a contact can be handed back and forth
 * and every hand-off time restarts.
 */
export default defineRule({
  id: 'tier/escalation-loop',
  severity: 'error',
  kinds: ['TierStructure'],
  description: 'Following `escalates_to` from any tier never leads back to it.',
  docs: 'Tiers that escalate to each other in any way (A → B → A, or A → B → C → A, whatever the categories) form one loop, reported once on the first tier of it in file order with the shortest such path in the message.',
  messages: {
    loop: 'Contacts can be escalated in a circle: {{loop}}; an escalation path must end at a last tier',
    self: 'Tier "{{id}}" escalates to itself; escalate to another tier or remove the entry',
  },
  check(ctx) {
    // A loop is reported on a tier: a re-checked file that defines none gets none.
    if (ctx.itemsToCheck(ctx.model.tiers).length === 0) return;
    const nodes: string[] = [];
    const edges: Edge[] = [];
    for (const [id, [first]] of ctx.model.tiers.byId) {
      nodes.push(id);
      for (const [escalation, j] of records(obj(first.value).escalates_to)) {
        const to = str(escalation.tier);
        if (to) edges.push({ from: id, to, at: { file: first.file, path: [...first.path, 'escalates_to', j, 'tier'] } });
      }
    }
    for (const loop of findLoops(nodes, edges)) {
      const [head, ...rest] = loop;
      ctx.report({
        message: loop.length === 1 ? 'self' : 'loop',
        data: { loop: describeLoop(loop), id: head.from },
        at: head.at,
        related: rest.map((e) => ({ at: e.at, message: `"${e.from}" escalates to "${e.to}"` })),
      });
    }
  },
});

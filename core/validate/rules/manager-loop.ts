import type { Entity, EntityIndex, WorkspaceModel } from '../../model/workspace-model';
import { defineRule } from '../../plugins/define-rule';
import { describeLoop, findLoops, type Edge } from './lib/graph';
import { obj, str } from './lib/fields';

/** `person/<id>` is accepted where a bare person id is expected; the loop is about the id. */
function bare(reference: string, kind: string): string {
  return reference.startsWith(`${kind}/`) ? reference.slice(kind.length + 1) : reference;
}

function edgesOf(entities: Map<string, Entity<unknown>[]>, field: string, kind: string): { nodes: string[]; edges: Edge[] } {
  const nodes: string[] = [];
  const edges: Edge[] = [];
  for (const [id, [first]] of entities) {
    nodes.push(id);
    const to = str(obj(first.value)[field]);
    if (to) edges.push({ from: id, to: bare(to, kind), at: { file: first.file, path: [...first.path, field] } });
  }
  return { nodes, edges };
}

/** The two hierarchies the rule walks: people by `manager`, teams by `parent`. */
const HIERARCHIES = [
  {
    index: (m: WorkspaceModel): EntityIndex<unknown> => m.people,
    field: 'manager',
    kind: 'person',
    self: 'selfManager',
    loop: 'managerLoop',
    verb: 'reports to',
  },
  {
    index: (m: WorkspaceModel): EntityIndex<unknown> => m.teams,
    field: 'parent',
    kind: 'team',
    self: 'selfParent',
    loop: 'teamLoop',
    verb: 'sits under',
  },
] as const;

/**
 * A management chain must end at someone (the head of support reports outside the workspace);
 * a loop breaks org charts, 1:1 agendas and review routing. Team `parent` chains are checked
 * by the same rule because they are the same kind of hierarchy.
 */
export default defineRule({
  id: 'org/manager-loop',
  severity: 'error',
  kinds: ['Org'],
  description: 'Following `manager` from any person, or `parent` from any team, never comes back to where it started.',
  docs: 'Each loop is reported once, on the first person (or team) of the loop in file order, with the whole loop in the message. Unknown managers are left to `ref/unknown-person`.',
  messages: {
    managerLoop: 'These people manage each other in a loop: {{loop}}; someone in it must report to a manager outside the loop',
    selfManager: '"{{id}}" is their own manager; set the person they report to, or remove `manager`',
    teamLoop: "These teams are each other's parents in a loop: {{loop}}; one of them must sit under a team outside the loop, or at the top",
    selfParent: 'Team "{{id}}" is its own parent; set the team it belongs to, or remove `parent`',
  },
  check(ctx) {
    for (const h of HIERARCHIES) {
      const entities = h.index(ctx.model);
      // A loop is reported on a person (or team): a re-checked file that defines none gets none.
      if (ctx.itemsToCheck(entities).length === 0) continue;
      const { nodes, edges } = edgesOf(entities.byId, h.field, h.kind);
      for (const loop of findLoops(nodes, edges)) {
        const [head, ...rest] = loop;
        ctx.report({
          message: loop.length === 1 ? h.self : h.loop,
          data: { loop: describeLoop(loop), id: head.from },
          at: head.at,
          related: rest.map((e) => ({ at: e.at, message: `"${e.from}" ${h.verb} "${e.to}"` })),
        });
      }
    }
  },
});

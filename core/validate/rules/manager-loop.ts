import type { Entity } from '../../model/workspace-model';
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

/**
 * A management chain must end at someone (the head of support reports outside the workspace);
 * a loop breaks org charts, 1:1 agendas and review routing. Team `parent` chains are checked
 * by the same rule because they are the same kind of hierarchy.
 */
export default defineRule({
  id: 'org/manager-loop',
  severity: 'error',
  description: 'Following `manager` from any person, or `parent` from any team, never comes back to where it started.',
  docs: 'Each loop is reported once, on the first person (or team) of the loop in file order, with the whole loop in the message. Unknown managers are left to `ref/unknown-person`.',
  messages: {
    managerLoop: 'These people manage each other in a loop: {{loop}}; someone in it must report to a manager outside the loop',
    selfManager: '"{{id}}" is their own manager; set the person they report to, or remove `manager`',
    teamLoop: 'These teams are each other\'s parents in a loop: {{loop}}; one of them must sit under a team outside the loop, or at the top',
    selfParent: 'Team "{{id}}" is its own parent; set the team it belongs to, or remove `parent`',
  },
  check(ctx) {
    // A loop is reported on a person (or team): a re-checked file that defines none gets none.
    const people = ctx.model.people.all.length > 0 ? edgesOf(ctx.model.people.byId, 'manager', 'person') : { nodes: [], edges: [] };
    for (const loop of findLoops(people.nodes, people.edges)) {
      const [head, ...rest] = loop;
      ctx.report({
        message: loop.length === 1 ? 'selfManager' : 'managerLoop',
        data: { loop: describeLoop(loop), id: head.from },
        at: head.at,
        related: rest.map((e) => ({ at: e.at, message: `"${e.from}" reports to "${e.to}"` })),
      });
    }
    const teams = ctx.model.teams.all.length > 0 ? edgesOf(ctx.model.teams.byId, 'parent', 'team') : { nodes: [], edges: [] };
    for (const loop of findLoops(teams.nodes, teams.edges)) {
      const [head, ...rest] = loop;
      ctx.report({
        message: loop.length === 1 ? 'selfParent' : 'teamLoop',
        data: { loop: describeLoop(loop), id: head.from },
        at: head.at,
        related: rest.map((e) => ({ at: e.at, message: `"${e.from}" sits under "${e.to}"` })),
      });
    }
  },
});

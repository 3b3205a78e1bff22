import { capitalLabel, entityIndex, ENTITY_KINDS } from '../../model/entity-kinds';
import { defineRule, type Location } from '../../plugins/define-rule';
import { OUTLINE_RULE } from '../outline/outline-rule';

/** "this file" when both places are in one file: a path there would only make the reader look twice. */
function where(file: string, from: string): string {
  return file === from ? 'this file' : file;
}

/**
 * Ids are unique per kind across the workspace: a duplicate makes every reference to the id
 * ambiguous, and sync would map two items onto one Notion row.
 */
export default defineRule({
  id: 'id/duplicate',
  severity: 'error',
  ...OUTLINE_RULE,
  description: 'An id is used once per kind across the whole workspace (a team and a person may share one, two teams may not).',
  docs: 'Every definition is reported: the later ones point back at the first, and the first points at all the others, so the problem shows up in both places whichever file is open.',
  messages: {
    duplicate:
      '{{kind}} id "{{id}}" is already used in {{first}}; ids must be unique per kind across the workspace, or references to it are ambiguous',
    first:
      '{{kind}} id "{{id}}" is used again in {{others}}; ids must be unique per kind across the workspace, or references to it are ambiguous',
  },
  check(ctx) {
    for (const { kind } of ENTITY_KINDS) {
      const label = capitalLabel(kind);
      const entities = entityIndex(ctx.model, kind);
      // Walked from the items to check, not `byId`: when one file is re-checked, the whole
      // workspace's ids need not be visited on every keystroke.
      const seen = new Set<string>();
      for (const { id } of ctx.itemsToCheck(entities)) {
        const definitions = entities.byId.get(id);
        if (!definitions || definitions.length < 2 || seen.has(id)) continue;
        seen.add(id);
        const places: Location[] = definitions.map((d) => ({ file: d.file, path: [...d.path, 'id'] }));
        const [first, ...others] = places;
        const otherFiles = [...new Set(others.map((o) => where(o.file, first.file)))].join(', ');
        ctx.report({
          message: 'first',
          data: { kind: label, id, others: otherFiles },
          at: first,
          related: others.map((at) => ({ at, message: 'also defined here' })),
        });
        for (const at of others) {
          ctx.report({
            message: 'duplicate',
            data: { kind: label, id, first: where(first.file, at.file) },
            at,
            related: [{ at: first, message: 'first defined here' }],
          });
        }
      }
    }
  },
});

import { defineRule } from '../../plugins/define-rule';
import { OUTLINE_RULE } from '../outline/outline-rule';
import { referenceMessages, reportUnknown } from './lib/references';

/** Every reference to a person names a person defined in an Org file. */
export default defineRule({
  id: 'ref/unknown-person',
  severity: 'error',
  ...OUTLINE_RULE,
  description: 'Every reference to a person names a person defined in an Org file.',
  docs: `Checks team leads, managers, owners (\`person/<id>\`), check-in authors, 1:1 managers and reports, and review and retrospective participants. A bare id in an owner field may name a person or a team; when it names neither, the closest id decides which rule reports it.`,
  messages: referenceMessages('person', 'Org', true),
  check(ctx) {
    reportUnknown(ctx, 'person');
  },
});

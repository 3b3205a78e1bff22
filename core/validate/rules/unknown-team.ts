import { defineRule } from '../../plugins/define-rule';
import { OUTLINE_RULE } from '../outline/outline-rule';
import { referenceMessages, reportUnknown } from './lib/references';

/** Every reference to a team names a team defined in an Org file. */
export default defineRule({
  id: 'ref/unknown-team',
  severity: 'error',
  ...OUTLINE_RULE,
  description: 'Every reference to a team names a team defined in an Org file.',
  docs: `Checks team parents, people's teams, owners (\`team/<id>\`), 1:1 reports and participants given as \`team/<id>\`, and KPI target and actual scopes. A scope that is neither \`global\` nor any team, tier or vendor is reported here unless a tier or vendor id is closer.`,
  messages: referenceMessages('team', 'Org', true),
  check(ctx) {
    reportUnknown(ctx, 'team');
  },
});

import { parseDate } from '../../compute/date';
import { defineRule } from '../../plugins/define-rule';
import { obj, str } from './lib/fields';

/**
 * A 1:1 series that ends before it starts has no meetings: its agendas and calendar events
 * vanish without a word. Almost always the year of `ends` mistyped.
 */
export default defineRule({
  id: 'review/one-on-one-ends',
  severity: 'error',
  scope: 'file',
  description: 'A 1:1 series does not end before it starts.',
  docs: '`ends` is the last day a 1:1 of the series may fall on; the same day as `starts` is a series of one meeting. A series that ends before it starts would have no meetings, so no agendas and no calendar events.',
  messages: {
    endsBeforeStart:
      'The 1:1s of {{manager}} end on {{ends}}, before they start on {{starts}}: the series has no meetings, so no agendas and no calendar events',
  },
  check(ctx) {
    const zone = ctx.model.timezone;
    for (const series of ctx.model.oneOnOnes) {
      const s = obj(series.value);
      const starts = parseDate(s.starts, zone);
      const ends = parseDate(s.ends, zone);
      if (!starts || !ends || ends >= starts) continue;
      ctx.report({
        message: 'endsBeforeStart',
        data: { manager: str(s.manager) ?? 'this manager', ends: ends.toISODate() ?? '', starts: starts.toISODate() ?? '' },
        at: { file: series.file, path: [...series.path, 'ends'] },
        related: [{ at: { file: series.file, path: [...series.path, 'starts'] }, message: 'the series starts here' }],
      });
    }
  },
});

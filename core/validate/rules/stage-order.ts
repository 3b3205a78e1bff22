import { parseDate } from '../../compute/date';
import { defineRule } from '../../plugins/define-rule';
import { obj, records, str } from './lib/fields';

/**
 * Review stages are done in the order listed (self review → manager review → calibration);
 * a stage due before the one it depends on, or before the period under review has begun, is
 * almost always a typo that would put the wrong deadline in everyone's calendar.
 */
export default defineRule({
  id: 'review/stage-order',
  severity: 'warning',
  scope: 'file',
  description: "A review's stages are due in the order they are listed, and none before the review period starts.",
  docs: 'Two stages may be due on the same day. Each stage is compared with the latest due date above it, so one early date is reported once, where it is. Stages may be due after the period ends (calibration usually is).',
  messages: {
    beforeStart: 'Stage "{{stage}}" of review "{{review}}" is due on {{due}}, before the review period starts on {{start}}',
    beforePrevious:
      'Stage "{{stage}}" of review "{{review}}" is due on {{due}}, before stage "{{previous}}" listed above it ({{previousDue}}); stages are due in the order they are listed',
  },
  check(ctx) {
    const zone = ctx.model.timezone;
    for (const review of ctx.model.reviews.all) {
      const r = obj(review.value);
      const start = parseDate(obj(r.period).start, zone);
      let latest: { id: string; due: NonNullable<ReturnType<typeof parseDate>> } | undefined;
      for (const [stage, i] of records(r.stages)) {
        const due = parseDate(stage.due, zone);
        if (!due) continue;
        const name = str(stage.id) ?? `#${i + 1}`;
        const at = { file: review.file, path: [...review.path, 'stages', i, 'due'] };
        const dueText = due.toISODate() ?? '';
        if (start && due < start) {
          ctx.report({
            message: 'beforeStart',
            data: { stage: name, review: review.id, due: dueText, start: start.toISODate() ?? '' },
            at,
          });
        } else if (latest && due < latest.due) {
          ctx.report({
            message: 'beforePrevious',
            data: { stage: name, review: review.id, due: dueText, previous: latest.id, previousDue: latest.due.toISODate() ?? '' },
            at,
          });
        }
        if (!latest || due > latest.due) latest = { id: name, due };
      }
    }
  },
});

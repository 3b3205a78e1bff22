import { isMap } from '../../parse/yaml-library';
import type { DataPath } from '../../diagnostics';
import type { WorkspaceModel } from '../../model/workspace-model';
import { defineRule, type FixSpec } from '../../plugins/define-rule';
import { formatNumber, num, obj, records, str } from './lib/fields';

const TOLERANCE = 1e-9;

/**
 * A fix that adds `weight: <w>` under a key result's `id`. The new line needs the indentation
 * of the `id` key, which only the document knows; a flow mapping (`{ id: a, … }`) gets no fix
 * rather than a broken one.
 */
function addWeightFix(model: WorkspaceModel, file: string, path: DataPath, kr: string, weight: string): FixSpec | undefined {
  const parsed = model.byPath.get(file);
  const doc = parsed?.document();
  if (!parsed || !doc) return undefined;
  const node = doc.getIn(path, true);
  if (!isMap(node) || node.flow) return undefined;
  const idNode = node.get('id', true) as { range?: [number, number, number] } | undefined;
  if (!idNode?.range) return undefined;
  const indent = ' '.repeat(parsed.locate([...path, 'id'], 'key').start.character);
  const idText = parsed.text.slice(idNode.range[0], idNode.range[1]);
  return {
    title: `Set the weight of "${kr}" to ${weight}`,
    edits: [{ at: { file, path: [...path, 'id'] }, newText: `${idText}\n${indent}weight: ${weight}` }],
  };
}

/**
 * Scales every weight by 1 / sum, keeping their proportions. Four decimals each, the last one
 * taking what is left, so the new weights add up to 1 exactly as the rule checks it.
 */
function scaleWeightsFix(file: string, weights: ReadonlyArray<{ path: DataPath; weight: number }>, sum: number): FixSpec {
  let given = 0;
  const edits = weights.map(({ path, weight }, i) => {
    const scaled = i === weights.length - 1 ? 1 - given : Number((weight / sum).toFixed(4));
    given += scaled;
    return { at: { file, path }, newText: formatNumber(scaled) };
  });
  return { title: `Scale the weights so they add up to 1 (${edits.map((e) => e.newText).join(' + ')})`, edits };
}

/**
 * Weights say how much each key result counts towards its objective. Either none has one
 * (equal weights) or all have one and they add up to 1; anything else makes progress and
 * score depend on a guess.
 */
export default defineRule({
  id: 'okr/weights-sum',
  severity: 'error',
  scope: 'file',
  description: 'When any key result of an objective has a weight, all of them have one and the weights add up to 1.',
  docs: 'Tolerance is 1e-9, so `0.1 + 0.2 + 0.7` passes. When exactly one key result lacks a weight and the others add up to less than 1, the quick fix gives it the remainder; when all have one and they add up to another number, the quick fix scales them to add up to 1.',
  messages: {
    missing:
      'Key result "{{kr}}" has no weight, but other key results of objective "{{objective}}" have one (together {{given}}); give every key result a weight, or remove them all for equal weights',
    sum: 'The weights of the key results of objective "{{objective}}" add up to {{sum}} ({{weights}}); they must add up to 1',
  },
  check(ctx) {
    for (const objective of ctx.model.objectives.all) {
      const krs = [...records(obj(objective.value).key_results)];
      const weighted = krs.filter(([kr]) => kr.weight !== undefined && kr.weight !== null);
      if (weighted.length === 0) continue;
      // A weight that is not a number is a schema error; any sum would be made up.
      if (weighted.some(([kr]) => num(kr.weight) === undefined)) continue;
      const sum = weighted.reduce((total, [kr]) => total + (kr.weight as number), 0);
      const missing = krs.filter(([kr]) => kr.weight === undefined || kr.weight === null);
      if (missing.length > 0) {
        const remainder = 1 - sum;
        for (const [kr, j] of missing) {
          const path = [...objective.path, 'key_results', j];
          const name = str(kr.id) ?? `#${j + 1}`;
          const fix =
            missing.length === 1 && remainder > TOLERANCE && str(kr.id)
              ? addWeightFix(ctx.model, objective.file, path, name, formatNumber(remainder))
              : undefined;
          ctx.report({
            message: 'missing',
            data: { kr: name, objective: objective.id, given: formatNumber(sum) },
            at: { file: objective.file, path },
            ...(fix ? { fix } : {}),
          });
        }
        continue;
      }
      if (Math.abs(sum - 1) > TOLERANCE) {
        const weights = weighted.map(([kr, j]) => ({ path: [...objective.path, 'key_results', j, 'weight'], weight: kr.weight as number }));
        ctx.report({
          message: 'sum',
          data: {
            objective: objective.id,
            sum: formatNumber(sum),
            weights: weighted.map(([kr, j]) => `${str(kr.id) ?? `#${j + 1}`} ${formatNumber(kr.weight as number)}`).join(' + '),
          },
          at: { file: objective.file, path: [...objective.path, 'key_results'], target: 'key' },
          ...(sum > TOLERANCE ? { fix: scaleWeightsFix(objective.file, weights, sum) } : {}),
        });
      }
    }
  },
});

import type { Rule } from './define-rule';
import alignmentLoop from '../validate/rules/alignment-loop';
import dateOutsideCycle from '../validate/rules/date-outside-cycle';
import duplicateId from '../validate/rules/duplicate-id';
import escalationLoop from '../validate/rules/escalation-loop';
import managerLoop from '../validate/rules/manager-loop';
import oneOnOneEnds from '../validate/rules/one-on-one-ends';
import stageOrder from '../validate/rules/stage-order';
import targetEqualsStart from '../validate/rules/target-equals-start';
import thresholdSide from '../validate/rules/threshold-side';
import tierCapacity from '../validate/rules/tier-capacity';
import unknownKpi from '../validate/rules/unknown-kpi';
import unknownObjective from '../validate/rules/unknown-objective';
import unknownPerson from '../validate/rules/unknown-person';
import unknownTeam from '../validate/rules/unknown-team';
import unknownTier from '../validate/rules/unknown-tier';
import unknownVendor from '../validate/rules/unknown-vendor';
import weightsSum from '../validate/rules/weights-sum';

/** The built-in workspace rules, in the order the SPEC lists them (also the order they run in). */
export const builtinRules: ReadonlyArray<Rule<string>> = [
  duplicateId,
  unknownPerson,
  unknownTeam,
  unknownKpi,
  unknownObjective,
  unknownTier,
  unknownVendor,
  weightsSum,
  targetEqualsStart,
  dateOutsideCycle,
  alignmentLoop,
  thresholdSide,
  escalationLoop,
  tierCapacity,
  managerLoop,
  stageOrder,
  oneOnOneEnds,
];

/** The built-in plugin's name: its rule ids are not namespaced. */
export const BUILTIN_PLUGIN_NAME = 'okra-builtin';

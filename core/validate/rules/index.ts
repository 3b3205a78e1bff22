import type { Rule } from '../../plugins/define-rule';
import alignmentLoop from './alignment-loop';
import dateOutsideCycle from './date-outside-cycle';
import duplicateId from './duplicate-id';
import duplicateTarget from './duplicate-target';
import escalationLoop from './escalation-loop';
import managerLoop from './manager-loop';
import oneOnOneEnds from './one-on-one-ends';
import stageOrder from './stage-order';
import targetEqualsStart from './target-equals-start';
import thresholdSide from './threshold-side';
import tierCapacity from './tier-capacity';
import tierHandoffHours from './tier-handoff-hours';
import tierHeadcount from './tier-headcount';
import unknownKpi from './unknown-kpi';
import unknownObjective from './unknown-objective';
import unknownPerson from './unknown-person';
import unknownTeam from './unknown-team';
import unknownTier from './unknown-tier';
import unitRange from './unit-range';
import unknownVendor from './unknown-vendor';
import weightsSum from './weights-sum';

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
  duplicateTarget,
  unitRange,
  escalationLoop,
  tierCapacity,
  tierHeadcount,
  tierHandoffHours,
  managerLoop,
  stageOrder,
  oneOnOneEnds,
];

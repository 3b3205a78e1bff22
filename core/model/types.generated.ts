/* PLACEHOLDER — to be replaced by `npm run generate` from schemas/ (json-schema-to-typescript). */
export type Cycle = string;
export type IsoDate = string;
export type Duration = string;
export interface OkraConfig { kind: 'Config'; version: 1; include?: string[]; timezone?: string; plugins?: string[]; rules?: { [rule: string]: 'error' | 'warning' | 'info' | 'off' }; templates_dir?: string; notion?: { parent_page?: string; [k: string]: unknown } }
export interface Team { id: string; name: string; lead?: string; parent?: string }
export interface Person { id: string; name: string; email?: string; role?: string; team?: string; manager?: string; location?: string; timezone?: string; employment?: 'employee' | 'contractor' | 'vendor'; vendor?: string }
export interface Vendor { id: string; name: string; sites?: string[]; contract?: string }
export interface Org { kind: 'Org'; version: 1; teams?: Team[]; people?: Person[]; vendors?: Vendor[] }
export interface CheckIn { date: IsoDate; value?: number; done?: boolean; confidence?: number; note?: string; by?: string }
export interface KeyResult { id: string; title: string; type: 'metric' | 'milestone' | 'boolean'; owner?: string; weight?: number; confidence?: number; kpi?: string; unit?: string; start?: number; target?: number; current?: number; due?: IsoDate; done?: boolean; check_ins?: CheckIn[] }
export interface Objective { id: string; title: string; description?: string; aligns_to?: string; key_results: KeyResult[] }
export interface Objectives { kind: 'Objectives'; version: 1; cycle: Cycle; owner: string; objectives?: Objective[] }
export interface KpiTarget { scope: string; period: string; target: number; warn?: number }
export interface KpiActual { period: string; scope?: string; value: number }
export interface Kpi { id: string; name: string; definition?: string; unit: string; direction: 'higher_is_better' | 'lower_is_better'; owner?: string; targets?: KpiTarget[]; actuals?: KpiActual[] }
export interface KpiTargets { kind: 'KpiTargets'; version: 1; kpis?: Kpi[] }
export interface ServiceLevel { target: number; within: Duration }
export interface Escalation { tier: string; when?: string[]; handoff_within?: Duration }
export interface Tier { id: string; name: string; level: number; staffing?: { model?: 'in_house' | 'bpo' | 'mixed'; vendor?: string; headcount?: number; peak_agents?: number; shrinkage?: number; locations?: string[]; languages?: string[]; coverage?: string }; channels?: string[]; skills?: string[]; sla?: { first_response?: Duration; resolution?: Duration; service_level?: ServiceLevel }; forecast?: { contacts_per_hour?: number; aht?: Duration }; escalates_to?: Escalation[] }
export interface TierStructure { kind: 'TierStructure'; version: 1; tiers?: Tier[] }
export interface OneOnOne { manager: string; reports: string[]; cadence: 'weekly' | 'biweekly' | 'monthly'; weekday?: string; time?: string; starts: IsoDate; ends?: IsoDate; template?: string }
export interface ReviewStage { id: string; name?: string; due: IsoDate }
export interface Review { id: string; name: string; type: 'performance' | 'probation' | 'pip'; period: { start: IsoDate; end: IsoDate }; participants: string[]; stages?: ReviewStage[]; template?: string }
export interface Retrospective { id: string; cycle: Cycle; date: IsoDate; participants?: string[]; template?: string }
export interface ReviewCycles { kind: 'ReviewCycles'; version: 1; one_on_ones?: OneOnOne[]; reviews?: Review[]; retrospectives?: Retrospective[] }

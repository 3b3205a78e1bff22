// Hand-written types for the generated validators.js (ajv standalone code, see scripts/generate-lib.mjs).
import type { ErrorObject, Format } from 'ajv';

/** A precompiled ajv validator: returns whether `data` is valid and leaves its errors on itself. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const Config: StandaloneValidator;
export declare const Org: StandaloneValidator;
export declare const Objectives: StandaloneValidator;
export declare const KpiTargets: StandaloneValidator;
export declare const TierStructure: StandaloneValidator;
export declare const ReviewCycles: StandaloneValidator;

/** The built-in kinds, in schema order. */
export declare const kinds: readonly string[];
/** The formats the validators use (ajv-formats' plus `timezone`), for a runtime Ajv to share. */
export declare const formats: Readonly<Record<string, Format>>;
/** Per kind, the keys allowed in each mapping by instance location (`/objectives/[]`). */
export declare const allowedKeys: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/**
 * The probe's diagnosis table: pure functions from what the session driver observed to step
 * results and diagnoses, one module per part of the session.
 */
export type { DiagnosisContext } from './context';
export * from './session';
export * from './passive';
export * from './active';

/**
 * The single call site of the reason tables (core-reasons' lib/bounce/reasons.ts). Format modules
 * and the classifier go through here so the reason engine can change behind one import.
 */
export { findReason } from './reasons';
export type { ReasonFacts } from './reasons';

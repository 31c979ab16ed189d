/** Public API of the classification core. */
export { classifyNotice } from './classify';
export { decideKind, isPermanent, isSenderProblem, SENDER_PROBLEM_REASONS } from './severity';
export { FORMATS } from './formats';
export type { FormatModule, ParsedRecipient } from './format-types';
export * from './types';

/** Public API of the classification core. */
export { classifyNotice } from './classify';
export { decideKind, isPermanent, isSenderProblem, SENDER_PROBLEM_REASONS } from './severity';
export { FORMATS } from './formats';
export { NOTICE_SENDER_LOCAL_PARTS, NOTICE_SENDER_NAMES, NOTICE_SUBJECT_OPENINGS } from './envelope-markers';
export type { FormatModule, ParsedRecipient } from './format-types';
export * from './types';

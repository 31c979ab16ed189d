/**
 * The one registry of format modules, in the order they are tried. A family module claims a notice
 * by its own markers and returns null otherwise; rfc3464 reads any standard DSN; generic reads the
 * prose of whatever is left. Adding a format = one file in formats/ + one line here + its tests.
 */
import type { FormatModule } from './format-types';
import { rfc3464 } from './formats/rfc3464';
import { generic } from './formats/generic';

export const FORMATS: readonly FormatModule[] = [rfc3464, generic];

export type { FormatModule, ParsedRecipient } from './format-types';

/**
 * What the store keeps beside each tally (schema v4): the summary under today's policy, the group
 * it files the address in, and the day that summary stops being true with no new bounce. Pure: the
 * store calls it in the same transaction as the write that changes a tally.
 */
import { DEFAULT_POLICY, createSummariser, dayOf, normaliseSettings, type AddressSummary, type AddressTally, type PolicySettings } from '../policy';
import type { AddressRecord, ListGroup } from './db';

/** '~' sorts after every ISO day: "never" in the by-resummarise index. */
export const NEVER_RESUMMARISE = '~';

/** The group a summary files its address in. The user's decision wins over the bounces. */
export function listGroupOf(summary: Pick<AddressSummary, 'verdict' | 'decision'>): ListGroup {
  if (summary.decision === 'removed' || summary.verdict === 'removed') return 'done';
  if (summary.decision === 'kept' || summary.verdict === 'kept') return 'kept';
  switch (summary.verdict) {
    case 'remove':
    case 'remove-repeated-soft':
      return 'remove';
    case 'watch':
      return 'watch';
    case 'sender-problem':
      return 'sender';
    default:
      return 'clear';
  }
}

const DAY_MS = 86_400_000;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The first day after `today` on which a day still inside the window leaves it (lib/policy.ts
 * judge: a day counts while today - day < windowDays). Hard bounces never expire.
 */
export function resummariseDay(tally: AddressTally, windowDays: number, today: string): string {
  let next = NEVER_RESUMMARISE;
  for (const days of [tally.softDays, tally.senderProblemDays, tally.undeterminedDays]) {
    for (const day of days) {
      const leaves = addDays(day, windowDays);
      if (leaves > today && leaves < next) next = leaves;
    }
  }
  return next;
}

/** Where an event was seen: its webmail and, from a webmail's notice key, the account. */
export function sourceOf(event: { webmail: string; noticeKey?: string }): string {
  // Events written before v2 may carry no notice key.
  const parts = (event.noticeKey ?? '').split(':');
  if (parts.length === 3 && parts[0] === encodeURIComponent(event.webmail) && parts[1]) {
    try {
      return `${event.webmail}:${decodeURIComponent(parts[1])}`;
    } catch {
      return event.webmail;
    }
  }
  return event.webmail;
}

export function sourcesOf(events: ReadonlyArray<{ webmail: string; noticeKey?: string }>): string[] {
  return [...new Set(events.map(sourceOf))].sort();
}

export type SummaryFields = Pick<AddressRecord, 'summary' | 'group' | 'bounceTotal' | 'resummariseOn'>;

/** summaryFields for many tallies under one policy and one `now` (one summariser, one today). */
export function createFieldSummariser(settings: PolicySettings | undefined, now: Date): (tally: AddressTally) => SummaryFields {
  const policy = normaliseSettings(settings ?? DEFAULT_POLICY);
  const summarise = createSummariser(policy, now);
  const today = dayOf(now.toISOString());
  return (tally) => {
    const summary = summarise(tally);
    return {
      summary,
      group: listGroupOf(summary),
      bounceTotal: tally.hardCount + tally.softCount + tally.senderProblemCount + tally.undeterminedCount,
      resummariseOn: resummariseDay(tally, policy.windowDays, today),
    };
  };
}

export function summaryFields(tally: AddressTally, settings: PolicySettings | undefined, now: Date): SummaryFields {
  return createFieldSummariser(settings, now)(tally);
}

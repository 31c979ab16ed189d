/**
 * The popup's remote control of a sweep (issue #11): the popup sends one command to the webmail tab
 * (browser.tabs.sendMessage), where the sweep runs (it has the cookies and the page). Only the
 * extension's own pages may send it: the content script checks the sender, and every payload.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { SweepStatus } from '../../messaging';
import type { TidyStatus } from './tidy';

export interface SweepCommand {
  /** 'tidy': move the sweep's read notices out of the inbox (issue #11, ./tidy.ts). */
  action: 'start' | 'pause' | 'resume' | 'cancel' | 'status' | 'tidy';
  query?: string;
}

export interface SweepTabProtocol {
  sweepCommand(command: SweepCommand): { status: SweepStatus | null; phase: 'idle' | 'collecting' | 'reading'; tidy?: TidyStatus };
}

export const SweepCommandSchema = v.object({
  action: v.picklist(['start', 'pause', 'resume', 'cancel', 'status', 'tidy']),
  query: v.optional(v.pipe(v.string(), v.maxLength(1000))),
});

const bus = defineExtensionMessaging<SweepTabProtocol>();
export const sendSweepCommand = bus.sendMessage;
export const onSweepCommand = bus.onMessage;

/** A command is believed only from this extension's own pages (the popup, also when open in a tab; never a content script). */
export function isFromExtensionPage(sender: { id?: string; url?: string }, self: { id: string; origin: string }): boolean {
  return sender.id === self.id && (sender.url ?? '').startsWith(self.origin);
}

/**
 * The one message protocol between content scripts, extension pages and the background.
 * Content scripts are untrusted (they run inside a hostile page): they may only report notices and
 * ask about addresses. Everything else is for the extension's own pages; the background enforces
 * this and validates every payload (issue #3).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ClassifiedNotice, FailedRecipient } from './bounce/types';
import type { AddressSummary, PolicySettings, UserDecision } from './policy';

export type WebmailId = 'gmail' | 'outlook' | 'import';

/** A notice as a content script reports it. */
export interface NoticeReport {
  webmail: WebmailId;
  /** Account the notice was seen in (Gmail: the /u/N/ index or user email; Outlook: mailbox address), or ''. */
  account: string;
  /** The webmail's own id for the message (Gmail legacy message id, Outlook item/conversation id), or ''. */
  messageId: string;
  /** URL that reopens this notice in the webmail. */
  url: string;
  /** Raw RFC 5322 source (Gmail "Show original"), when it could be read. */
  raw?: string;
  /** Rendered view, used when raw is absent. */
  rendered?: { subject: string; from: string; text: string; date?: string };
}

/** What the background answers to a report: the classification and where each address now stands. */
export interface NoticeResult {
  noticeKey: string;
  notice: Pick<ClassifiedNotice, 'isBounce' | 'category' | 'format' | 'subject' | 'notes'> & {
    recipients: FailedRecipient[];
  };
  /** True when this notice had already been recorded (nothing changed). */
  duplicate: boolean;
  addresses: AddressSummary[];
}

export interface BackupFile {
  format: 'bounce-sweeper-backup';
  version: number;
  exportedAt: string;
  [key: string]: unknown;
}

export interface ImportResult {
  noticesAdded: number;
  noticesSkipped: number;
  eventsAdded: number;
}

interface ProtocolMap {
  // Content scripts (untrusted) ------------------------------------------------------------
  reportNotice(report: NoticeReport): NoticeResult;
  lookupAddresses(request: { addresses: string[] }): AddressSummary[];
  /**
   * The banner's "Mark removed" / "Keep anyway" (issue #4). Narrow on purpose: one address, two
   * decisions, and only for an address the background already has on record (else updated: 0).
   */
  decideFromPage(request: { address: string; decision: 'removed' | 'kept' }): { updated: number };
  // Extension pages only -------------------------------------------------------------------
  listAddresses(): { addresses: AddressSummary[]; settings: PolicySettings };
  setDecision(request: { addresses: string[]; decision: UserDecision }): { updated: number };
  forgetAddresses(request: { addresses: string[] }): { removed: number };
  clearAll(): { cleared: true };
  getSettings(): PolicySettings;
  setSettings(settings: PolicySettings): PolicySettings;
  exportBackup(): BackupFile;
  importBackup(backup: BackupFile): ImportResult;
  /** Notices classified in the options page's import worker (an .mbox or .eml files). */
  importNotices(request: { notices: Array<{ key: string; notice: ClassifiedNotice }> }): ImportResult;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
export type { ProtocolMap };

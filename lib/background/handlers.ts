/**
 * What the background does for each message, on payloads already validated and senders already
 * checked (./router.ts). Pure of `browser`: the store, the classifier and the clock are passed in,
 * so the same handlers run under Vitest and in the service worker.
 */
import type { ClassifiedNotice, NoticeInput } from '../bounce/types';
import { ProtocolError, type MessageType, type NoticeResult, type ProtocolMap, type SenderRole, type ValidPayload } from '../messaging';
import { MANUAL_WEBMAIL, normaliseAddress, type AddressSummary } from '../policy';
import type { AddressRecord } from '../store/db';
import { recipientsOf, type RecordResult, type TallyStore } from '../store/tally';
import { createFloodGuard, type FloodGuard } from './flood-guard';
import { noticeKeyOf } from '../notice-key';
import { confirmedStaleNames, describeSelectorHealth } from './selector-health';
import { createSweepHandlers } from '../sweep/background';
import type { SweepQueue } from '../store/sweep-queue';

export interface BackgroundDeps {
  store: TallyStore;
  classify: (input: NoticeInput) => Promise<ClassifiedNotice>;
  now?: () => Date;
  /** Called after anything that may change the number of addresses waiting (the badge). */
  onTallyChanged?: () => void;
  /** Per-tab ceiling on reports from webmail pages (default: REPORTS_PER_TAB on the real clock). */
  floodGuard?: FloodGuard;
  /** The sweep queue (issue #11; default: one over the tally's default database). */
  sweeps?: SweepQueue;
}

export type Handlers = {
  [T in MessageType]: (data: ValidPayload<T>, sender: SenderRole) => Promise<ReturnType<ProtocolMap[T]>>;
};

/**
 * The reporting account's own mailbox (NoticeReport.account, when it is an address) is never a
 * bounced recipient: some NDR layouts print "Sender Address: <you>", and a misread would put the
 * user's own address on the removal list. Such a recipient is left out before anything is recorded.
 */
export function withoutOwnAddress(notice: ClassifiedNotice, account: string): ClassifiedNotice {
  const own = normaliseAddress(account);
  if (!own) return notice;
  const recipients = notice.recipients.filter((recipient) => normaliseAddress(recipient.address) !== own);
  if (recipients.length === notice.recipients.length) return notice;
  return { ...notice, recipients, notes: [...notice.notes, 'left out the account\'s own address: it is the sender, not a bounced recipient'] };
}

/**
 * An address the user put on the list by hand, as a notice of its own: a hard event marked
 * `manual`, so the tally, the exports and the backup treat it like any other, and every place that
 * shows it says "added by you" (lib/vocabulary.ts) rather than inventing a bounce.
 */
function manualNotice(address: string, at: Date): ClassifiedNotice {
  return {
    isBounce: true,
    category: 'bounce',
    format: MANUAL_WEBMAIL,
    recipients: [{ address, kind: 'hard', reason: 'undefined', status: '', replyCode: '', diagnostic: '', action: 'failed', remoteMta: '' }],
    subject: '',
    from: '',
    messageId: '',
    date: at.toISOString(),
    notes: [],
  };
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { store, classify } = deps;
  const now = deps.now ?? (() => new Date());
  const changed = () => deps.onTallyChanged?.();
  const floodGuard = deps.floodGuard ?? createFloodGuard();

  // The store keeps each summary current (lib/store/summary.ts): nothing is folded here.
  const summarise = (records: readonly AddressRecord[], sender?: SenderRole): AddressSummary[] => {
    return records.map(({ summary }) => {
      // A webmail page learns no link into another webmail (it would name that account).
      if (sender?.role === 'content' && summary.lastNoticeUrl && !summary.lastNoticeUrl.startsWith(`${sender.origin}/`)) {
        return { ...summary, lastNoticeUrl: '' };
      }
      return summary;
    });
  };

  const toNoticeResult = async (recorded: RecordResult, sender: SenderRole, notice?: ClassifiedNotice): Promise<NoticeResult> => {
    return {
      noticeKey: recorded.noticeKey,
      notice: notice
        ? { isBounce: notice.isBounce, category: notice.category, format: notice.format, subject: notice.subject, notes: notice.notes, recipients: notice.recipients }
        : { isBounce: recorded.category === 'bounce', category: recorded.category, format: recorded.format, subject: '', notes: [], recipients: recipientsOf(recorded.events) },
      duplicate: recorded.duplicate,
      addresses: summarise(recorded.addresses, sender),
      ...(recorded.unverified ? { unverified: recorded.unverified } : {}),
    };
  };

  return {
    ...createSweepHandlers({ store, sweeps: deps.sweeps }),
    async reportNotice(report, sender) {
      if (sender.role === 'content') {
        if (report.webmail !== sender.webmail) {
          throw new ProtocolError(`reportNotice: a ${sender.webmail} page cannot report a ${report.webmail} notice`);
        }
        if (report.url && new URL(report.url).origin !== sender.origin) {
          throw new ProtocolError(`reportNotice: the notice URL must be on ${sender.origin}`);
        }
      }
      const key = await noticeKeyOf(report);
      // Seen before (a re-render, another tab): answer from the store without classifying again.
      const known = await store.findRecorded(key);
      if (known) return toNoticeResult(known, sender);
      // Only new notices count toward a tab's ceiling: answering a re-render writes nothing.
      if (sender.role === 'content' && !floodGuard.allow(sender.tabId)) {
        throw new ProtocolError('reportNotice refused: too many reports from this tab, try again in a few minutes');
      }
      const input: NoticeInput =
        report.raw !== undefined
          ? { view: 'raw', source: report.raw }
          : { view: 'rendered', subject: '', from: '', text: '', ...report.rendered };
      const notice = withoutOwnAddress(await classify(input), report.account);
      const recorded = await store.recordNotice({ key, webmail: report.webmail, account: report.account, webmailMessageId: report.messageId, url: report.url, notice });
      if (!recorded.duplicate) changed();
      return toNoticeResult(recorded, sender, notice);
    },

    async lookupAddresses(request, sender) {
      return summarise(await store.lookup(request.addresses), sender);
    },

    async decideFromPage(request, sender) {
      // Only for an address on record, and (from a webmail page) one this webmail reported.
      const webmails = await store.webmailsOf(request.address);
      if (webmails.size === 0) return { updated: 0 };
      if (sender.role === 'content' && !webmails.has(sender.webmail)) {
        throw new ProtocolError(`decideFromPage: ${sender.webmail} has not reported a bounce for this address`);
      }
      const updated = await store.setDecision([request.address], request.decision);
      if (updated) changed();
      return { updated };
    },

    async reportLifeSigns(request) {
      const updated = await store.noteLifeSigns(request.signs);
      if (updated) changed();
      return { updated };
    },

    async reportSelectorHealth(report, sender) {
      if (sender.role === 'content' && report.webmail !== sender.webmail) {
        throw new ProtocolError(`reportSelectorHealth: a ${sender.webmail} page cannot report for ${report.webmail}`);
      }
      const names = confirmedStaleNames(report.webmail, report.names);
      await store.putSelectorHealth({ webmail: report.webmail, reportedAt: now().toISOString(), names });
      return { recorded: names.length };
    },

    async getDiagnostics() {
      return { selectors: describeSelectorHealth(await store.selectorHealth()) };
    },

    async listAddresses(request) {
      const [page, settings, unverified] = await Promise.all([store.listPage(request), store.getSettings(), store.unverifiedCount()]);
      return { ...page, settings, unverified };
    },

    async filterOptions() {
      return store.filterOptions();
    },

    async listVerdicts(request) {
      return { verdicts: await store.listVerdicts(request ?? {}) };
    },

    async listSends() {
      return { sends: await store.sendReports() };
    },

    async setSentTo(request) {
      await store.setSentTo(request.key, request.count);
      return { saved: true as const };
    },

    async listUnverified() {
      return { notices: await store.listUnverified() };
    },

    async settleUnverified(request) {
      const settled = await store.settleUnverified(request.keys, request.count);
      if (settled) changed();
      return { settled };
    },

    async previewPolicies(request) {
      return { remove: await store.previewRemovals(request.policies) };
    },

    async rescueBackup() {
      return store.rescueBackup();
    },

    async resetStore() {
      await store.reset();
      changed();
      return { reset: true as const };
    },

    async setDecision(request) {
      const updated = await store.setDecision(request.addresses, request.decision);
      if (updated) changed();
      return { updated };
    },

    async forgetAddresses(request) {
      const removed = await store.forget(request.addresses);
      if (removed) changed();
      return { removed };
    },

    async addAddresses(request) {
      let added = 0;
      for (const address of new Set(request.addresses)) {
        // One key per address: adding it again changes nothing.
        const recorded = await store.recordNotice({ key: `${MANUAL_WEBMAIL}:${address}`, webmail: MANUAL_WEBMAIL, account: '', webmailMessageId: '', url: '', notice: manualNotice(address, now()) });
        if (!recorded.duplicate) added += 1;
      }
      if (added) changed();
      return { added };
    },

    async clearAll() {
      await store.clear();
      changed();
      return { cleared: true as const };
    },

    async getSettings() {
      return store.getSettings();
    },

    async setSettings(settings) {
      const saved = await store.setSettings(settings);
      changed();
      return saved;
    },

    async exportBackup() {
      return store.exportBackup();
    },

    async importBackup(backup) {
      const result = await store.importBackup({
        ...backup,
        events: backup.events.map((event) => ({ ...event, day: event.day ?? '' })),
      });
      changed();
      return result;
    },

    async importNotices(request) {
      const result = await store.importNotices(
        request.notices.map(({ key, notice }) => ({ key, webmail: 'import', account: '', webmailMessageId: '', url: '', notice })),
      );
      if (result.noticesAdded) changed();
      return result;
    },
  };
}

/**
 * The background's side of a sweep (issue #11): the sweep* messages over the queue in the store
 * (lib/store/sweep-queue.ts). Payloads are validated and senders vouched for by the router first;
 * here a webmail page is held to its own webmail's sweeps, and "read" is believed only when the
 * tally really holds the notice (it went through reportNotice).
 */
import type { Handlers } from '../background/handlers';
import { ProtocolError, type NoticeResult, type SenderRole } from '../messaging';
import { noticeKeyOf } from '../notice-key';
import { SweepQueue, type SweepStatus } from '../store/sweep-queue';
import { recipientsOf, type TallyStore } from '../store/tally';

type SweepHandlers = Pick<Handlers, 'sweepBegin' | 'sweepAdd' | 'sweepTake' | 'sweepMark' | 'sweepControl' | 'sweepStatus' | 'lookupNotices' | 'sweepReadItems'>;

export function createSweepHandlers(deps: { store: TallyStore; sweeps?: SweepQueue }): SweepHandlers {
  const { store } = deps;
  let queue = deps.sweeps;
  const sweeps = (): SweepQueue => {
    queue ??= new SweepQueue();
    return queue;
  };

  /** A page may touch only its own webmail's sweeps. */
  async function owned(sweepId: string, sender: SenderRole, type: string): Promise<SweepStatus> {
    const status = await sweeps().status(sweepId).catch(() => {
      throw new ProtocolError(`${type}: no such sweep`);
    });
    if (sender.role === 'content' && status.webmail !== sender.webmail) {
      throw new ProtocolError(`${type}: a ${sender.webmail} page cannot touch a ${status.webmail} sweep`);
    }
    return status;
  }

  const keyOf = (status: SweepStatus, messageId: string) =>
    noticeKeyOf({ webmail: status.webmail as 'gmail', account: status.account, messageId });

  return {
    async sweepBegin(request, sender) {
      if (sender.role === 'content' && request.webmail !== sender.webmail) {
        throw new ProtocolError(`sweepBegin: a ${sender.webmail} page cannot sweep ${request.webmail}`);
      }
      return sweeps().begin(request);
    },

    async sweepAdd(request, sender) {
      const status = await owned(request.sweepId, sender, 'sweepAdd');
      // Notices the tally already holds (read when opened, or by an earlier sweep) are never requested.
      const recorded = new Set<string>();
      for (const item of request.items) if (await store.findRecorded(await keyOf(status, item.messageId))) recorded.add(item.messageId);
      return sweeps().add(request.sweepId, request.items, recorded, { pages: request.pages, collected: request.collected });
    },

    async sweepTake(request, sender) {
      const status = await owned(request.sweepId, sender, 'sweepTake');
      if (status.state !== 'running') return { item: null, capReached: false, status };
      return sweeps().take(request.sweepId);
    },

    async sweepMark(request, sender) {
      const status = await owned(request.sweepId, sender, 'sweepMark');
      if (request.state === 'failed') return sweeps().mark(request.sweepId, request.messageId, { state: 'failed', error: request.error });
      const recorded = await store.findRecorded(await keyOf(status, request.noticeId ?? request.messageId));
      if (!recorded) throw new ProtocolError('sweepMark: that notice was not recorded (report it first)');
      const bounce = recorded.category === 'bounce';
      return sweeps().mark(request.sweepId, request.messageId, { state: 'read', bounce, addresses: recorded.events.map((event) => event.address) });
    },

    async sweepControl(request, sender) {
      const status = await owned(request.sweepId, sender, 'sweepControl');
      switch (request.action) {
        case 'pause':
          return status.state === 'running' ? sweeps().setState(request.sweepId, 'paused') : status;
        case 'resume':
          return sweeps().begin({ webmail: status.webmail, account: status.account, query: status.query });
        case 'stop':
          return sweeps().setState(request.sweepId, 'stopped', request.reason ?? '');
        case 'done':
          return sweeps().setState(request.sweepId, 'done');
        case 'cancel':
          return sweeps().setState(request.sweepId, 'stopped', request.reason ?? '', { cancelled: true });
      }
    },

    async lookupNotices(request, sender) {
      if (sender.role === 'content' && request.webmail !== sender.webmail) {
        throw new ProtocolError(`lookupNotices: a ${sender.webmail} page cannot look up ${request.webmail} notices`);
      }
      const answers: Array<NoticeResult | null> = [];
      for (const messageId of request.messageIds) {
        const recorded = await store.findRecorded(await noticeKeyOf({ webmail: request.webmail, account: request.account, messageId }));
        if (!recorded) {
          answers.push(null);
          continue;
        }
        answers.push({
          noticeKey: recorded.noticeKey,
          notice: { isBounce: recorded.category === 'bounce', category: recorded.category, format: recorded.format, subject: '', notes: [], recipients: recipientsOf(recorded.events) },
          duplicate: true,
          // A webmail page learns no link into another webmail (as lookupAddresses answers).
          addresses: recorded.addresses.map(({ summary }) =>
            sender.role === 'content' && summary.lastNoticeUrl && !summary.lastNoticeUrl.startsWith(`${sender.origin}/`) ? { ...summary, lastNoticeUrl: '' } : summary,
          ),
        });
      }
      return answers;
    },

    async sweepReadItems(request, sender) {
      const status = await owned(request.sweepId, sender, 'sweepReadItems');
      // Read in this sweep AND in the tally now: a notice forgotten since, or never recorded, is not offered.
      const items: Array<{ messageId: string; rowId?: string }> = [];
      for (const item of await sweeps().items(request.sweepId)) {
        if (item.state !== 'read') continue;
        if (!(await store.findRecorded(await keyOf(status, item.messageId)))) continue;
        items.push({ messageId: item.messageId, ...(item.rowId ? { rowId: item.rowId } : {}) });
      }
      return { items };
    },

    async sweepStatus(request, sender) {
      if (sender.role === 'content' && request.webmail !== sender.webmail) {
        throw new ProtocolError(`sweepStatus: a ${sender.webmail} page cannot read ${request.webmail} sweeps`);
      }
      return sweeps().latest(request.webmail, request.account);
    },
  };
}

/**
 * The real background for page tests: the handlers, the router's checks and the tally store (on
 * fake-indexeddb) behind a Transport, as an extension page would reach them, minus the message bus.
 */
import { classifyNotice } from '../../lib/bounce/classify';
import { createHandlers } from '../../lib/background/handlers';
import { dispatch } from '../../lib/background/router';
import type { Transport } from '../../lib/pages/transport';
import { TallyStore } from '../../lib/store/tally';
import { freshIndexedDb } from '../store/notices';

const SELF = { id: 'bounce-sweeper-test', origin: 'chrome-extension://bounce-sweeper-test/' };
const FROM_OPTIONS_PAGE = { id: SELF.id, url: `${SELF.origin}options.html` };

export interface RealBackground {
  transport: Transport;
  store: TallyStore;
  /** Records raw notices (.eml text) as if Gmail had reported them. */
  seed(raws: string[]): Promise<void>;
}

export function createRealBackground(now: () => Date = () => new Date()): RealBackground {
  freshIndexedDb();
  const store = new TallyStore({ now });
  const handlers = createHandlers({ store, classify: classifyNotice, now });
  const transport = ((type: string, request?: unknown) => dispatch(handlers, SELF, type as never, request, FROM_OPTIONS_PAGE)) as Transport;
  return {
    transport,
    store,
    async seed(raws) {
      const gmail = { id: SELF.id, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 1, url: 'https://mail.google.com/mail/u/0/#inbox' } };
      for (const [index, raw] of raws.entries()) {
        await dispatch(handlers, SELF, 'reportNotice', { webmail: 'gmail', account: '0', messageId: `seed-${index}`, url: '', raw }, gmail);
      }
    },
  };
}

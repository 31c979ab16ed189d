import { FIRST_LIST_REQUEST } from '../../lib/pages/first-list';
import { extensionTransport, type Transport } from '../../lib/pages/transport';

// `npm run bench` (scripts/bench/popup.ts) reads these marks: the page's script runs, the list is asked for and
// arrives, the rows are in the DOM, they are painted.
performance.mark('popup-script-start');
let listed = false;
const transport: Transport = async (type, ...request) => {
  if (type === 'listAddresses' && !listed) performance.mark('popup-list-sent');
  const response = await extensionTransport(type, ...request);
  if (type === 'listAddresses' && !listed) {
    listed = true;
    performance.mark('popup-list-received');
  }
  return response;
};

// The first list is asked before the rest of the popup loads (./app.tsx: Preact, the components and
// their styles), so the background answers while the page loads them. A failure is the first
// load's to show.
const firstReply = transport('listAddresses', FIRST_LIST_REQUEST);
firstReply.catch(() => undefined);
void import('./app').then(({ mountPopup }) => mountPopup(transport, firstReply));

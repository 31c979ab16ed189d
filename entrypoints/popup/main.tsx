import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import { createPopupState } from '../../lib/pages/popup-state';
import { createSweepState } from '../../lib/pages/sweep-state';
import { extensionTransport, type Transport } from '../../lib/pages/transport';
import { copyText, downloadFile } from '../../lib/pages/browser-actions';

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
const state = createPopupState(transport);
const sweep = createSweepState(extensionTransport);
// Asked before the first render: Preact runs the component's effects only after a frame is painted.
void state.start();

render(
  <PopupApp
    state={state}
    sweep={sweep}
    download={downloadFile}
    copy={copyText}
    onOpenOptions={() => void browser.runtime.openOptionsPage()}
    onFirstCommit={() => performance.mark('popup-first-commit')}
    onFirstRender={() => performance.mark('popup-first-render')}
  />,
  document.getElementById('app')!,
);

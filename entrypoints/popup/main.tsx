import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import { createPopupState } from '../../lib/pages/popup-state';
import { createSweepState } from '../../lib/pages/sweep-state';
import { extensionTransport, type Transport } from '../../lib/pages/transport';
import { copyText, downloadFile } from '../../lib/pages/browser-actions';

// `npm run bench` (scripts/bench/popup.ts) reads three marks: the list arrived, the rows are in the DOM, they are painted.
let listed = false;
const transport: Transport = async (type, ...request) => {
  const response = await extensionTransport(type, ...request);
  if (type === 'listAddresses' && !listed) {
    listed = true;
    performance.mark('popup-list-received');
  }
  return response;
};
const state = createPopupState(transport);
const sweep = createSweepState(extensionTransport);

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

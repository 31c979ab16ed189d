import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import { createPopupState } from '../../lib/ui/popup-state';
import { extensionTransport, type Transport } from '../../lib/ui/transport';
import { copyText, downloadFile } from '../../lib/ui/browser-actions';

// `npm run bench` (scripts/bench/popup.ts) reads two marks: the list arrived, the list is on screen.
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

render(
  <PopupApp
    state={state}
    download={downloadFile}
    copy={copyText}
    onOpenOptions={() => void browser.runtime.openOptionsPage()}
    onFirstRender={() => performance.mark('popup-first-render')}
  />,
  document.getElementById('app')!,
);

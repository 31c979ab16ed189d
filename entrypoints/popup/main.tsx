import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import { createPopupState } from '../../lib/ui/popup-state';
import { extensionTransport } from '../../lib/ui/transport';
import { copyText, downloadFile } from '../../lib/ui/browser-actions';

const state = createPopupState(extensionTransport);

render(
  <PopupApp
    state={state}
    download={downloadFile}
    copy={copyText}
    onOpenOptions={() => void browser.runtime.openOptionsPage()}
    // `npm run bench` reads this mark (scripts/bench/popup.ts).
    onFirstRender={() => performance.mark('popup-first-render')}
  />,
  document.getElementById('app')!,
);

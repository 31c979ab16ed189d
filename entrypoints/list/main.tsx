import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import { createPopupState } from '../../lib/pages/popup-state';
import { extensionTransport } from '../../lib/pages/transport';
import { copyText, downloadFile } from '../../lib/pages/browser-actions';

// The full-page list: the popup's state and components in a tab, for long lists.
render(
  <PopupApp state={createPopupState(extensionTransport)} download={downloadFile} copy={copyText} onOpenOptions={() => void browser.runtime.openOptionsPage()} fullPage />,
  document.getElementById('app')!,
);

/// <reference types="vite/client" />
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import './style.css';
import { PopupApp } from '../../components/PopupApp';
import type { ListReply } from '../../lib/messaging';
import { createPopupState } from '../../lib/pages/popup-state';
import { createSweepState } from '../../lib/pages/sweep-state';
import { extensionTransport, type Transport } from '../../lib/pages/transport';
import { copyText, downloadFile } from '../../lib/pages/browser-actions';

/** The popup itself, loaded by ./main.tsx once the first list has been asked for. */
export function mountPopup(transport: Transport, firstReply: Promise<ListReply>): void {
  const state = createPopupState(transport, undefined, undefined, firstReply);
  const sweep = createSweepState(extensionTransport);
  // Started before the first render: Preact runs the component's effects only after a frame is painted.
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
}

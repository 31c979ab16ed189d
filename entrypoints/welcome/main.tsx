import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WelcomePage } from '../../components/WelcomePage';

render(<WelcomePage openSettings={() => void browser.runtime.openOptionsPage()} />, document.getElementById('app')!);

import { render } from 'preact';

render(<p>Bounce Sweeper</p>, document.getElementById('app')!);

import { defineWebExtConfig } from 'wxt';

// `npm run dev` must not try to open a desktop browser on machines that have none;
// `npm start` (scripts/demo.mjs) launches Chromium itself with the demo mailbox.
export default defineWebExtConfig({ disabled: true });

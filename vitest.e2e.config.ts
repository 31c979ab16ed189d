import { defineConfig } from 'vitest/config';

// Browser tests: real headless Chromium (Debian's) driving the built extension in .output/chrome-mv3.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});

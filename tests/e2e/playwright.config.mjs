import { defineConfig } from '@playwright/test';
import { launchOptions } from './chromium.mjs';

const PORT = 8099;

// The release build in ../../dist, served on loopback by serve.mjs.
export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  reporter: [['list']],
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    launchOptions,
  },
  webServer: {
    command: `node serve.mjs ${process.env.DIST_DIR ?? '../../dist'} ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
  },
});

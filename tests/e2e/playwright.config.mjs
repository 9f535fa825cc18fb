import { defineConfig } from '@playwright/test';
import { launchOptions } from './chromium.mjs';
import { PORTS, origin } from './ports.mjs';

const PORT = PORTS.app;
const DIST = process.env.DIST_DIR ?? '../../dist';

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
    // The app follows the browser's languages: the specs expect English unless they say otherwise.
    locale: 'en-US',
    launchOptions,
  },
  webServer: [
    // The app.
    { command: `node serve.mjs ${DIST} ${PORT}`, url: `http://127.0.0.1:${PORT}/`, reuseExistingServer: false },
    // The app again, under the strict Content-Security-Policy.
    { command: `node serve.mjs ${DIST} ${PORTS.csp} --csp`, url: `${origin(PORTS.csp)}/`, reuseExistingServer: false },
    // An example host page on another origin, embedding the app (from wherever it is served).
    {
      command: `node serve.mjs host ${PORTS.host} --app-origin ${origin(PORT)}`,
      url: `${origin(PORTS.host)}/`,
      reuseExistingServer: false,
    },
  ],
});

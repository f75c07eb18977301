/**
 * Playwright configuration for the Galata UI tests.
 *
 * Based on the JupyterLab extension template's, adapted to machines without
 * Playwright's own browser downloads: it drives the system (Debian) Chromium.
 */
const baseConfig = require('@jupyterlab/galata/lib/playwright-config');

// Same variable as jupyter_server_test_config.py.
const port = process.env.NFDI_UI_TEST_PORT || '8888';
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Specs that drive the standalone JupyterLab: they share its user settings,
 * so they run one at a time. Every other spec starts local hubs of its own
 * (each with its own state folder, ports and user settings) and may run
 * beside them.
 */
const STANDALONE = [
  '**/settings.spec.ts',
  '**/launcher-tiles.spec.ts',
  '**/cross-origin.spec.ts'
];

module.exports = {
  ...baseConfig,
  // Two files at a time (much of a UI test is waiting for servers); the
  // tests of one file run in order, in one worker.
  workers: 2,
  fullyParallel: false,
  projects: [
    { name: 'standalone', testMatch: STANDALONE, workers: 1 },
    { name: 'hubs', testIgnore: STANDALONE }
  ],
  // A JupyterLab start-up takes ~15 s on two cores; leave room for slow runs.
  timeout: 120 * 1000,
  expect: { timeout: 15 * 1000 },
  // A test that fails has to be looked at, not retried into passing.
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    ...baseConfig.use,
    baseURL,
    launchOptions: {
      executablePath: process.env.NFDI_UI_TEST_CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        // Without these, Chromium floods the closed network with refused
        // connections (component updates, sync, safe browsing, ...).
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ],
      // Playwright turns the popup blocker off by default; keep it on, as for
      // a real user (the launch flow opens servers with window.open).
      ignoreDefaultArgs: ['--disable-popup-blocking']
    },
    // Galata's default 'retain-on-failure' needs Playwright's ffmpeg
    // download, which is not available here.
    video: 'off',
    // No retries, so keep traces of failures (traces need no download).
    trace: 'retain-on-failure'
  },
  webServer: {
    command: 'jlpm start',
    url: `${baseURL}/lab`,
    timeout: 120 * 1000,
    reuseExistingServer: !process.env.CI,
    // Stop JupyterLab cleanly, so it removes its temporary folders.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10 * 1000 }
  }
};

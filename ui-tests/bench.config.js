/**
 * Playwright configuration of the benchmark (`bash scripts/bench.sh`), not
 * part of the UI tests: the same browser and standalone JupyterLab as
 * playwright.config.js, the bench files of bench/ (`*.bench.ts`, which the
 * UI tests' default file pattern does not match), one at a time. The bench
 * records figures into a JSON file and asserts nothing about time.
 */
// The UI tests' projects split their spec files; the bench has its own.
const { projects, ...testConfig } = require('./playwright.config');

module.exports = {
  ...testConfig,
  testDir: './bench',
  testMatch: '**/*.bench.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 10 * 60 * 1000,
  reporter: [['list']],
  outputDir: 'test-results/bench',
  use: {
    ...testConfig.use,
    // Nothing that slows the browser down while it is being timed.
    trace: 'off',
    video: 'off',
    screenshot: 'off'
  }
};

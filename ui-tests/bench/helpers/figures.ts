/**
 * The bench's results file: every bench test adds its figures (raw samples
 * and details) under a key; `scripts/bench_table.py` turns it into a table.
 * The bench runs one test at a time, so read-modify-write is safe.
 */
import * as fs from 'fs';
import * as path from 'path';

import { REPO_ROOT } from '../../tests/helpers/localhub';

/** Where the figures go (`NFDI_BENCH_OUT`, else `.bench-results/figures.json`). */
export const FIGURES_FILE =
  process.env.NFDI_BENCH_OUT ||
  path.join(REPO_ROOT, '.bench-results', 'figures.json');

/** Store `value` under `key` (replacing what a previous run stored there). */
export function recordFigure(key: string, value: unknown): void {
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(fs.readFileSync(FIGURES_FILE, 'utf-8'));
  } catch {
    // first figure of the run
  }
  all[key] = value;
  fs.mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  fs.writeFileSync(FIGURES_FILE, JSON.stringify(all, null, 2) + '\n');
}

/** Wait `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

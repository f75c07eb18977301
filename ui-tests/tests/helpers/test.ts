/**
 * Playwright's `test`, with the request guard on in every test: every spec
 * takes `test` from here (or from `galata.ts`).
 */
import { test as base } from '@playwright/test';

import { guardFixtures, IGuardFixtures } from './guardFixture';

export { expect } from '@playwright/test';

/** Playwright's `test`; after each test, no hub token may have gone astray. */
export const test = base.extend<IGuardFixtures>(guardFixtures);

/**
 * Galata's `test`, with the request guard on in every test (see `test.ts`).
 */
import { test as base } from '@jupyterlab/galata';

import { guardFixtures, IGuardFixtures } from './guardFixture';

export { expect } from '@jupyterlab/galata';

/** Galata's `test`; after each test, no hub token may have gone astray. */
export const test = base.extend<IGuardFixtures>(guardFixtures);

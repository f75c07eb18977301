/**
 * The token field is registered with the Settings Editor's form renderers.
 */
import { FormRendererRegistry } from '@jupyterlab/ui-components';

import { hubPlugin } from '../../plugins/hub';
import { tokenFieldPlugin } from '../../plugins/tokenField';

describe('the token field plugin', () => {
  it("is registered for the settings' token property", () => {
    const registry = new FormRendererRegistry();
    tokenFieldPlugin.activate({} as any, registry, null);
    // `<settings plugin id>.<property>`, as the Settings Editor looks it up.
    expect(hubPlugin.id).toBe('jupyterlab-nfdi-launcher:plugin');
    const renderer = registry.getRenderer(`${hubPlugin.id}.token`);
    expect(renderer?.fieldRenderer).toBeInstanceOf(Function);
    // Without a Settings Editor, nothing to do.
    expect(() =>
      tokenFieldPlugin.activate({} as any, null, null)
    ).not.toThrow();
  });
});

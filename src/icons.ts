/**
 * The extension's icons.
 */
import { LabIcon } from '@jupyterlab/ui-components';

import eyeOffSvgstr from '../style/icons/eye-off.svg';
import eyeSvgstr from '../style/icons/eye.svg';
import nfdiSvgstr from '../style/icons/nfdi.svg';

/** The NFDI launcher icon (settings, sidebar, launcher tiles). */
export const nfdiIcon = new LabIcon({
  name: 'jupyterlab-nfdi-launcher:nfdi',
  svgstr: nfdiSvgstr
});

/** Show a secret (the token field's toggle, while the token is hidden). */
export const showSecretIcon = new LabIcon({
  name: 'jupyterlab-nfdi-launcher:show-secret',
  svgstr: eyeSvgstr
});

/** Hide a secret (the token field's toggle, while the token is shown). */
export const hideSecretIcon = new LabIcon({
  name: 'jupyterlab-nfdi-launcher:hide-secret',
  svgstr: eyeOffSvgstr
});

/**
 * The extension's icons.
 */
import { LabIcon } from '@jupyterlab/ui-components';

import nfdiSvgstr from '../style/icons/nfdi.svg';

/** The NFDI launcher icon (settings, sidebar, launcher tiles). */
export const nfdiIcon = new LabIcon({
  name: 'jupyterlab-nfdi-launcher:nfdi',
  svgstr: nfdiSvgstr
});

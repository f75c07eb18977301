#!/usr/bin/env python
"""Run the local Jupyter4NFDI-like hub: ``python hub/localhub.py --help``.

See hub/README.md.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from nfdi_local_hub.cli import main  # noqa: E402

if __name__ == "__main__":
    main()

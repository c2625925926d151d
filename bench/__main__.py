"""``python -m bench``: see bench.harness."""

import sys

from .harness import main

sys.exit(main())

"""`python -m slq_desk` runs the same entry point as the `slq-desk` console script."""

import sys

from slq_desk.cli import main

sys.exit(main())

"""`python -m slq_desk` runs the same entry point as the `slq-desk` console script."""

import multiprocessing
import sys

from slq_desk.cli import main

if __name__ == "__main__":
    # A frozen bundle re-executes itself for the reader and render processes.
    multiprocessing.freeze_support()
    sys.exit(main())

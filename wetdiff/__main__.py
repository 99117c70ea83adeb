import sys

from wetdiff.cli import main

sys.exit(main())

"""``python -m engine`` does exactly what the ``rolematch`` command does."""

import sys

from engine.cli import main

sys.exit(main())

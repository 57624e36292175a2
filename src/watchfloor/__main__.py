"""``python -m watchfloor``: the same as the ``watchfloor`` command."""

from watchfloor.cli import main

main()

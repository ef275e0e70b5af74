"""`python -m incidentkit ...` is the `incidentkit` command."""
import sys

from .cli import main

sys.exit(main())

"""`python -m radpair <command>`: the operator commands of radpair.cli."""

import sys

from radpair.cli import main

sys.exit(main())

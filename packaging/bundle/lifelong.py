"""The bundle's `lifelong` command (the same as the wheel's console script).

`freeze_support` comes first, as in the window's entry script: should a command start a child process
("spawn"), the frozen executable started for it runs the child's work and exits.
"""

import sys

from lifelong_desktop.forking import freeze_support

if __name__ == "__main__":
    freeze_support()
    from lifelong_desktop.cli import main

    sys.exit(main())

"""The bundle's `lifelong` command (the same as the wheel's console script)."""

import sys

from lifelong_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())

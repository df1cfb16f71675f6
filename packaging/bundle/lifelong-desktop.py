"""The bundle's `lifelong-desktop` window (the same as the wheel's gui script)."""

import sys

from lifelong_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())

"""The bundle's `lifelong-desktop` window (the same as the wheel's gui script).

`freeze_support` comes first: the window computes pinyin keys in a child process ("spawn"), and on Windows
reads most of a large programme's rows in one while it starts (services/rows_ahead); in a frozen app such a
child starts this same executable, and the call runs that child's work there and exits.
"""

import sys

from lifelong_desktop.forking import freeze_support

if __name__ == "__main__":
    freeze_support()
    from lifelong_desktop.__main__ import main

    sys.exit(main())

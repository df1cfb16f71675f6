"""`python -m lifelong_desktop [DB]` and the `lifelong-desktop` GUI script."""

from __future__ import annotations

import sys


def main() -> int:
    from lifelong_desktop.app import main as app_main
    from lifelong_desktop.services import collation

    collation.use_helper_process()  # pypinyin's tables stay out of the window (services/pinyin_child.py)
    return app_main(sys.argv)


if __name__ == "__main__":
    sys.exit(main())

"""lifelong-desktop: offline planner for the National Lifelong Learning Activity Week programme."""

__version__ = "0.1.0"
APP_NAME = "lifelong-desktop"
APP_AUTHOR = "lifelong-desktop"

"""The window's shell: the application, the main window, its actions, settings and the interface language."""

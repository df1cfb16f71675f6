"""Helpers the tests share: programmes to test on, hostile workbooks, mounts, the xlsx package checker."""

"""Generic SpreadsheetML (.xlsx) writing: a streaming writer and its fixed parts; knows nothing of the domain."""

"""Reading an untrusted workbook: the safety scan, the cell reader and validation against the format."""

"""Read files and tables, recognise their columns, build the Portfolio."""

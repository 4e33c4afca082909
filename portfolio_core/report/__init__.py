"""Charts, workbook, deck and CSV files: values and codes become words here."""

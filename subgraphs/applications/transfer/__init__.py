"""Export of applications to CSV, XLSX and JSON files, and import from CSV and XLSX (README: Export)."""

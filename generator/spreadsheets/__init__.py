"""Spreadsheets in and out: import an existing matrix, record sign-offs, the matrix as .xlsx."""

"""Number and date formats where the city's usage differs from Django's defaults."""

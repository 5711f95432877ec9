"""SQLite whose writers take turns (the `ENGINE` of the settings when the database is
SQLite; see `base`)."""

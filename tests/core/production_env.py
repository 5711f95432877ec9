"""The environment of a production process started by a test, free of test settings."""

import os
import secrets


def production_env(**overrides) -> dict[str, str]:
    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LIVINGLAB_", "DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_"))
    }
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "livinglab.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        **overrides,
    }

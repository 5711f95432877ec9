"""Settings for the test suite: the real settings, with fast hashing and tasks run inline."""

import os

os.environ.setdefault("LIVINGLAB_TESTING", "true")
os.environ.setdefault("LIVINGLAB_HTTPS", "false")

from livinglab.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405

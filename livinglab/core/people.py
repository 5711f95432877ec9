"""How a person is named on pages, reports and mails: the name they go by, not their login."""


def display_name(user) -> str:
    """林書記 rather than `secretary`; the login name only when no display name is set."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()

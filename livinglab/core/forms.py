"""What a form refused, for callers without a page to show it beside the fields."""


def form_errors(form) -> str:
    """A form's refusals in one sentence each, named by their field (the API's 400s)."""
    messages = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        messages += [f"{label}: {error}" if label else str(error) for error in errors]
    return " ".join(messages)

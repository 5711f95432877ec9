"""What a secretary reads when a file of minutes cannot be read: in their language, naming
the file, and saying what to do about it (the reader's own reason is English, for logs
and the command line)."""

from django.utils.translation import gettext as _

from livinglab.minutes import MinutesError, Problem


def explain(filename: str, error: MinutesError) -> str:
    messages = {
        Problem.CANNOT_OPEN: _("%(file)s could not be opened. Check the file and upload it again."),
        Problem.TOO_LARGE: _(
            "%(file)s is larger than 20 MB. Split the minutes into several files, or save "
            "them as plain text (.txt), and upload again."
        ),
        Problem.UNSUPPORTED: _(
            "%(file)s is not in a format the platform reads. Upload minutes as .txt, "
            ".docx, .odt or .pdf."
        ),
        Problem.NOT_TEXT: _(
            "%(file)s holds no readable text (binary content or an unknown encoding). "
            "Save it as .docx or as UTF-8 text and upload again."
        ),
        Problem.CORRUPT: _(
            "%(file)s is damaged and cannot be opened. Open it in your word processor, save "
            "it again, and upload the new copy."
        ),
        Problem.UNSAFE: _(
            "%(file)s was refused for safety: it unpacks to far more data than minutes "
            "hold, or it carries XML entity declarations. Save it again from your word "
            "processor and upload that copy."
        ),
        Problem.ENCRYPTED: _(
            "%(file)s is protected by a password. Remove the protection and upload again."
        ),
        Problem.SCANNED: _(
            "%(file)s is a scanned PDF without a text layer. Run text recognition (OCR) on "
            "it, or upload the original .docx or .odt."
        ),
    }
    message = messages.get(error.problem, messages[Problem.CORRUPT])
    return message % {"file": filename}

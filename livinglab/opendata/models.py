from django.db import models
from django.utils.translation import gettext_lazy as _


class DatasetFile(models.Model):
    """One dataset written in one format, kept until its data change.

    `stamp` is what the dataset's sources looked like when the file was written; a
    download compares it with their present stamp and rewrites the file only if they
    differ (or the file is older than the longest age the settings allow).
    """

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        JSON = "json", "JSON"

    dataset = models.CharField(_("dataset"), max_length=50)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    file = models.FileField(_("file"), upload_to="opendata/")
    stamp = models.CharField(max_length=64)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    generated_at = models.DateTimeField(_("generated at"))

    class Meta:
        verbose_name = _("dataset file")
        verbose_name_plural = _("dataset files")
        constraints = [
            models.UniqueConstraint(fields=["dataset", "format"], name="one_file_per_format")
        ]

    def __str__(self):
        return f"{self.dataset}.{self.format}"

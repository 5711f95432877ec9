"""The seed record of the four-city working group (../shared/seeds/004_…), shared by the
tests that import it, and what a careful reader sees at its end."""

from io import StringIO

from django.core.management import call_command

from tests.conftest import seeds_or_skip

SEED_NAME = "004_485b4fef11a00f44.txt"
BODY = "基北北桃合作交流平臺產業民生組"
STILL_TRACKED = {
    "青創交流合作",
    "新興能源經驗交流合作案",
    "山區捕獸鋏及山豬吊宣導及清除交流",
    "瑞芳工業區事業廢棄物清運案",
}


def seed_path():
    return seeds_or_skip() / SEED_NAME


def import_working_group(body: str = BODY) -> None:
    """Import the seven records with --create-body --confirm, as the acceptance asks."""
    path = seed_path()
    call_command(
        "import_minutes", "--body", body, "--create-body", "--confirm", str(path), stdout=StringIO()
    )

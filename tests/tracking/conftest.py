import pytest

from livinglab.minutes import MinutesError


class FakeReader:
    """Stands in for read_minutes: each file's bytes name the Document to return."""

    def __init__(self) -> None:
        self.documents = {}

    def add(self, content: bytes, document) -> tuple[str, bytes]:
        self.documents[content] = document
        return (document.source, content)

    def __call__(self, data, *, filename=None, directory=None, members=None):
        if data not in self.documents:
            raise MinutesError(filename, "not a meeting record the test knows")
        return self.documents[data]


@pytest.fixture
def reader(monkeypatch) -> FakeReader:
    fake = FakeReader()
    monkeypatch.setattr("livinglab.tracking.services.importing.read_minutes", fake)
    return fake

"""Stands in for the desktop notification service where a test is about scheduling or keys;
test_desktop_delivery proves the real path over a real D-Bus."""


class Desktop:
    """A Sender (plumbline.notify.sender) that keeps what it was given."""

    def __init__(self):
        self.notes = []
        self.answered = None

    @property
    def got(self):
        return [(note.title, note.message) for note in self.notes]

    async def open(self, answered):
        self.answered = answered
        return "recorder"

    async def send(self, note):
        self.notes.append(note)

    def close(self):
        pass

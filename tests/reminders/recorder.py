"""Stands in for the desktop notification service where a test is about scheduling or keys;
test_desktop_delivery proves the real path over a real D-Bus."""


class Desktop:
    def __init__(self):
        self.got = []

    async def send(self, title, message):
        self.got.append((title, message))
        return "recorder"

    async def probe(self):
        return "recorder"

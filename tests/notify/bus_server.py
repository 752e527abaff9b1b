"""What every test D-Bus server does: export its interfaces, own its name, say "ready", serve."""

from dbus_fast import RequestNameReply
from dbus_fast.aio import MessageBus
from dbus_fast.service import ServiceInterface


async def serve(address: str, name: str, path: str, *interfaces: ServiceInterface) -> None:
    bus = await MessageBus(bus_address=address).connect()
    for interface in interfaces:
        bus.export(path, interface)
    if await bus.request_name(name) is not RequestNameReply.PRIMARY_OWNER:
        raise SystemExit(f"could not own {name}")
    print("ready", flush=True)
    await bus.wait_for_disconnect()

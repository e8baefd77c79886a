import asyncio

async def worker(name, delay, out):
    await asyncio.sleep(delay)
    out.append(name)
    return name.upper()

async def main():
    out = []
    res = await asyncio.gather(worker("b", 0.2, out), worker("a", 0.1, out), worker("c", 0.3, out))
    print(res, out)
    t = asyncio.create_task(worker("t", 0, out))
    print(await t, t.done())
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.05)
    except asyncio.TimeoutError:
        print("wait_for timeout")
    q = asyncio.Queue()
    async def prod():
        for i in range(3):
            await q.put(i)
        await q.put(None)
    async def cons():
        s = 0
        while (x := await q.get()) is not None:
            s += x
        return s
    print(await asyncio.gather(prod(), cons()))
    async def handle(reader, writer):
        data = await reader.readline()
        writer.write(data.upper())
        await writer.drain()
        writer.close()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"ping\n")
    print(await reader.readline())
    writer.close()
    server.close()
    await server.wait_closed()
    ev = asyncio.Event()
    asyncio.get_running_loop().call_later(0.01, ev.set)
    await ev.wait()
    print("event", ev.is_set())

asyncio.run(main())

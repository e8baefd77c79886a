"""Where await and async comprehensions are allowed: CPython 3.11's symbol table marks
scopes as coroutines, the code generator checks them."""

def show(src, mode="exec", filename="<s>"):
    try:
        c = compile(src, filename, mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text), len(e.args))
        return None
    print("OK", walk(c))
    return c


def walk(c):
    out = []
    for k in c.co_consts:
        if hasattr(k, "co_flags"):
            out.append((k.co_name, k.co_varnames, k.co_cellvars, k.co_freevars, hex(k.co_flags & 0x3a0)))
            out.extend(walk(k))
    return out


cases = [
 "async def f():\n    return [await x for x in y]\n",
 "async def f():\n    return {await x for x in y}\n",
 "async def f():\n    return {k: await x for x in y}\n",
 "async def f():\n    def g():\n        return (await x for x in y)\n",
 "def g():\n    return (await x for x in y)\n",
 "def g():\n    return [await x for x in y]\n",
 "def g():\n    return [x async for x in y]\n",
 "def g():\n    return (x async for x in y)\n",
 "def g():\n    return [[x async for x in y] for z in w]\n",
 "async def g():\n    return [[await x for x in y] for z in w]\n",
 "def g():\n    return ([await x for x in y] for z in w)\n",
 "def g():\n    return [(await x for x in y) for z in w]\n",
 "def g():\n    return lambda: [await x for x in y]\n",
 "async def g():\n    return lambda: [await x for x in y]\n",
 "async def g():\n    return lambda: (await x for x in y)\n",
 "[await x for x in y]\n",
 "(await x for x in y)\n",
 "class C:\n    [await x for x in y]\n",
 "async def f():\n    class C:\n        [await x for x in y]\n",
 "async def f():\n    class C:\n        (await x for x in y)\n",
 "def f():\n    return [x for x in await y]\n",
 "async def f():\n    return [x for x in await y]\n",
 "def f():\n    return [x for x in y if await z]\n",
 "def f():\n    return {await x: 1 for x in y}\n",
 "async def f():\n    return [x async for x in y]\n",
 "async def f():\n    return [x for y in z async for x in y]\n",
 "def f():\n    return [x for y in z async for x in y]\n",
 "def f():\n    return (x for y in z async for x in y)\n",
 "def f():\n    return [x for y in z for x in (await q for q in y)]\n",
 "def f():\n    return [x for x in (await q for q in y)]\n",
 "def f():\n    return [x for x in [await q for q in y]]\n",
 "async def f():\n    return [x for x in [await q for q in y]]\n",
 "def f():\n    yield [await x for x in y]\n",
 "async def f():\n    yield [await x for x in y]\n",
 "async def f():\n    return [x for x in y if await x]\n",
 "async def f():\n  return [(x := await y) for y in z], x\n",
 "[x async for x in y]\n",
 "def f():\n  (yield)\n  [x for x in await y]\n",
 "def f():\n  return (x for x in await y)\n",
 "async def f():\n  return (x for x in await y)\n",
 "async def f():\n  async with a: [x async for x in y]\n",
 "async def f():\n  def g():\n    async with a: pass\n",
 "async def f():\n  lambda: await x\n",
 "def f():\n  async for x in y: pass\n  await z\n",
]
for src in cases:
    show(src)

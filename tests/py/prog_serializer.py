# Program: a small JSON-like serializer and parser with pretty printing.
def dumps(obj, indent=None, level=0):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = ", " if indent is None else ","
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, (int, float)):
        return repr(obj)
    if isinstance(obj, str):
        out = ['"']
        for ch in obj:
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ch == "\n":
                out.append("\\n")
            elif ord(ch) < 0x20 or ord(ch) > 0x7e:
                out.append("\\u%04x" % ord(ch) if ord(ch) < 0x10000 else "".join("\\u%04x" % u for u in surrogates(ord(ch))))
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        return "[" + sep.join(pad + dumps(v, indent, level + 1) for v in obj) + end + "]"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = (pad + dumps(str(k)) + ": " + dumps(v, indent, level + 1) for k, v in obj.items())
        return "{" + sep.join(items) + end + "}"
    raise TypeError(f"Object of type {type(obj).__name__} is not serializable")
def surrogates(cp):
    cp -= 0x10000
    return 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF)
def loads(s):
    pos = 0
    def ws():
        nonlocal pos
        while pos < len(s) and s[pos] in " \n\t\r":
            pos += 1
    def value():
        nonlocal pos
        ws()
        c = s[pos]
        if c == "{":
            pos += 1
            result = {}
            ws()
            if s[pos] == "}":
                pos += 1
                return result
            while True:
                ws()
                k = value()
                ws()
                assert s[pos] == ":", f"expected ':' at {pos}"
                pos += 1
                result[k] = value()
                ws()
                if s[pos] == ",":
                    pos += 1
                    continue
                assert s[pos] == "}", f"expected '}}' at {pos}"
                pos += 1
                return result
        if c == "[":
            pos += 1
            result = []
            ws()
            if s[pos] == "]":
                pos += 1
                return result
            while True:
                result.append(value())
                ws()
                if s[pos] == ",":
                    pos += 1
                    continue
                pos += 1
                return result
        if c == '"':
            pos += 1
            out = []
            while s[pos] != '"':
                if s[pos] == "\\":
                    pos += 1
                    esc = s[pos]
                    if esc == "u":
                        out.append(chr(int(s[pos + 1:pos + 5], 16)))
                        pos += 4
                    else:
                        out.append({"n": "\n", '"': '"', "\\": "\\"}[esc])
                else:
                    out.append(s[pos])
                pos += 1
            pos += 1
            return "".join(out)
        for lit, val in (("null", None), ("true", True), ("false", False)):
            if s.startswith(lit, pos):
                pos += len(lit)
                return val
        start = pos
        while pos < len(s) and s[pos] in "+-0123456789.eE":
            pos += 1
        text = s[start:pos]
        return float(text) if any(ch in text for ch in ".eE") else int(text)
    return value()
data = {"name": "Widget \"Pro\"", "tags": ["a", "b\\c", "é"], "price": 12.5, "stock": 0, "active": True,
        "dims": {"w": 1.25, "h": 2e-7, "big": 10 ** 20}, "notes": None, "empty": [], "nested": [[1, [2, [3]]], {}]}
text = dumps(data)
print(text)
print(dumps(data, indent=2))
back = loads(text)
print(back == data, back["tags"], back["dims"])
print(dumps(["line\nbreak", "tab\t", "snow☃"]))
try:
    dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
print(loads('  [1, -2.5e3, "x", {"k": [true, false, null]}]  '))

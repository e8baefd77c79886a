# SyntaxError messages of f-string expressions (3.11 parses them apart) and mixed literals
tests = ["f'{lambda x:x}'", "f'{a $ b}'", "f'{!r}'", "f'{)}'", "f'{:x}'", "f'{(}'", "f'{x!}'",
         "f'{\"a\" \"b\" b\"c\"}'", "f'{}'", "b'a' 'b'", "'a' b'b'", "f'{a:{b:{c}}}'", "f'{3)+(4}'"]
for t in tests:
    try:
        compile(t, "<string>", "eval")
        print(t, "ok")
    except SyntaxError as e:
        print(t, "->", e.msg)

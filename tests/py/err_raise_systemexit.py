# raise SystemExit with a non-integer, non-None code: printed to stderr, status 1.
print("raising SystemExit([1, 2])")
raise SystemExit([1, 2])

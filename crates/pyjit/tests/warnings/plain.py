import sys
print(sys.warnoptions, file=sys.stderr)
compile("1 is 1", "<s>", "exec")

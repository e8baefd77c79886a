# Uncaught UnicodeDecodeError.
data = b"caf\xe9"
print(data)
print(data.decode("utf-8"))

def boom(i):
    return [][i]
excs = []
for i in range(2):
    try:
        boom(i)
    except IndexError as e:
        excs.append(e)
raise ExceptionGroup("collected", excs)

def g1(x):
    for count in [0, 1]:
        count2 = 0
        while count2 < 20:
            count2 += 10
            try:
                return count + count2
            finally:
                if x:
                    break
    return 'end', count, count2
print(g1(False), g1(True))
def g2(x):
    for count in [0, 1]:
        for count2 in [10, 20]:
            try:
                return count + count2
            finally:
                if x:
                    break
    return 'end', count, count2
print(g2(False), g2(True))
def g3(x):
    for count in [0, 1]:
        for count2 in [10, 20]:
            try:
                return count + count2
            finally:
                if x:
                    continue
    return 'end', count, count2
print(g3(False), g3(True))
def g4():
    for i in range(3):
        try:
            return i
        finally:
            try:
                if i < 2:
                    continue
            finally:
                pass
    return "done"
print(g4())

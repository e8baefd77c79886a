# finally with return/break/continue and exception overriding.
def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(ret_in_finally())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed exception"
print(swallow())
def break_in_finally():
    for i in range(5):
        try:
            raise KeyError(i)
        finally:
            break
    return i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def finally_sees_value():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("finally ran, x =", x)
print(finally_sees_value())
def mutable_return():
    lst = [1]
    try:
        return lst
    finally:
        lst.append(2)
print(mutable_return())
def replaced():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except Exception as e:
        return type(e).__name__, str(e), type(e.__context__).__name__
print(replaced())
def nested_finally():
    log = []
    try:
        try:
            try:
                log.append(1)
                return log
            finally:
                log.append(2)
        finally:
            log.append(3)
    finally:
        log.append(4)
print(nested_finally())
def loop_return():
    for i in range(10):
        try:
            if i == 3:
                return i
        finally:
            if i == 3:
                print("cleanup at", i)
print(loop_return())
def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n > 3:
                break
        finally:
            print("iteration", n)
    return n
print(while_finally())

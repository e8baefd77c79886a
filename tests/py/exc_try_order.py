# try/except/else/finally execution order.
def run(mode):
    log = []
    try:
        log.append("try")
        if mode == "raise":
            raise ValueError("v")
        if mode == "other":
            raise KeyError("k")
        if mode == "return":
            return log + ["returned-from-try"]
    except ValueError as e:
        log.append("except ValueError " + str(e))
    except (KeyError, IndexError) as e:
        log.append("except tuple " + type(e).__name__)
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
for m in ["ok", "raise", "other", "return"]:
    print(m, run(m))
def uncaught():
    log = []
    try:
        try:
            log.append("inner try")
            raise TypeError("t")
        except ValueError:
            log.append("wrong handler")
        finally:
            log.append("inner finally")
    except TypeError:
        log.append("outer caught")
    return log
print(uncaught())
def bare():
    try:
        1 / 0
    except:
        return "bare except caught"
print(bare())
def first_match():
    try:
        raise KeyError("x")
    except LookupError:
        return "LookupError matched first"
    except KeyError:
        return "KeyError"
print(first_match())
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    pass
except Exception:
    print("no")
else:
    print("else without exception")
x = 0
for i in range(3):
    try:
        x += 1
        if i == 1:
            continue
    finally:
        x += 10
print(x)
def name_cleared():
    try:
        raise ValueError("gone")
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError as e2:
        return "UnboundLocalError: " + str(e2)
print(name_cleared())

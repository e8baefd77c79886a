# Exceptions interacting with loops, comprehensions and generators.
results = []
for v in ["1", "x", "3", None, "5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append("bad")
        continue
    except TypeError:
        results.append("none")
        break
    finally:
        results.append("|")
print(results)
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield float("inf")
print(list(safe_div([(1, 2), (1, 0), (3, 4)])))
try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print("comprehension raised", e)
count = 0
while True:
    try:
        count += 1
        if count == 3:
            raise StopIteration
    except StopIteration:
        print("stopped at", count)
        break
attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise ConnectionError(f"attempt {attempts} failed")
    return "success"
for _ in range(5):
    try:
        print(flaky())
        break
    except ConnectionError as e:
        print("retry after:", e)
def find_first_negative(rows):
    class Found(Exception):
        pass
    try:
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v < 0:
                    raise Found((r, c))
    except Found as f:
        return f.args[0]
    return None
print(find_first_negative([[1, 2], [3, -4], [-5, 6]]), find_first_negative([[1]]))

# print() with sep, end, file and flush.
import sys
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=", ", end="!\n")
print("no newline", end="")
print(" <- continued")
print(1, 2.5, None, [1], sep="|")
print(*range(5), sep="-")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print("explicit stdout", file=sys.stdout)
print("sep None", "end None", sep=None, end=None)
print("multi\nline")
print("", end="")
print("tab\tseparated", "x", sep="\t")
print("unicode ☃ 😀 日本")
class S:
    def __str__(self):
        return "S.__str__"
print(S(), [S()][0])
for bad in [dict(sep=5), dict(end=[]), dict(file=5), dict(flush=1, nope=2)]:
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
class Collect:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
c = Collect()
print("into", "object", sep="+", end="$", file=c, flush=True)
print(c.parts)
print(None, file=None)
sys.stdout.write("direct write\n")
n = sys.stdout.write("returns length\n")
print(n)
sys.stderr.write("last line on stderr\n")

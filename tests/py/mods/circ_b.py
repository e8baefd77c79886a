print("circ_b: start")
import circ_a
print("circ_b: sees circ_a.A_EARLY =", circ_a.A_EARLY, "has A_LATE:", hasattr(circ_a, "A_LATE"))
B_VALUE = "b-value"
try:
    from circ_a import A_LATE
except ImportError as e:
    print("circ_b: ImportError:", str(e).split(" (/")[0])
print("circ_b: end")

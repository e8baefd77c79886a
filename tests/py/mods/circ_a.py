print("circ_a: start")
A_EARLY = "a-early"
import circ_b
A_LATE = "a-late"
def from_b():
    return circ_b.B_VALUE
print("circ_a: end, circ_b.B_VALUE =", circ_b.B_VALUE)

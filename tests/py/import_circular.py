# Circular imports: partially initialised modules.
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "mods"))
import circ_a
print(circ_a.A_LATE, circ_a.from_b(), sys.modules["circ_b"].B_VALUE)
print(sys.modules["circ_a"] is circ_a, "circ_b" in sys.modules)

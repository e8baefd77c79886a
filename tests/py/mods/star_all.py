__all__ = ["public_a", "_semi_private"]
public_a = "A"
public_b = "B (not in __all__)"
_semi_private = "listed in __all__"

"""A future import after another statement."""
import sys
from __future__ import annotations
print("never")

"""A script that asks for braces."""
from __future__ import braces

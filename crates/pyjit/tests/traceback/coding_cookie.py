# -*- coding: latin-1 -*-
s = "é"; t = s + 1

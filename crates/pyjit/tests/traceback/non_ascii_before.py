s = "héllo wörld"; t = s + 1

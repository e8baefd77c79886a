# Case mappings of non-ASCII text (no per-call char vectors): final sigma depends on the
# text around it, in lower, capitalize, title and swapcase.
words = ["ΣΑΣ", "ΟΔΟΣ ΣΟΦΟΣ.", "Σ", "AΣ", "AΣb", "A\u0345Σ", "AΣ\u0345", "AΣ\u0345b", "ΣA", "-Σ-", "A'Σ'", "café NAÏVE ΣΣ",
         "ǅungla ǈ ß ﬁx", "İstanbul", "ÉTÉ", "mixed ΑΒΓ abc ΣΣ xyz"]
for w in words:
    print(ascii(w.lower()), ascii(w.capitalize()), ascii(w.title()), ascii(w.swapcase()), ascii(w.upper()), ascii(w.casefold()))
class S(str):
    pass
print(ascii(S("ΟΔΟΣ").lower()), type(S("x").lower()).__name__, type(S("ÀB").capitalize()).__name__)

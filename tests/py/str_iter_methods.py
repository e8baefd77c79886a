# More methods: count overlapping, ljust chains, str.index loops, word counting.
text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(text.title(), text.capitalize())
print(text.count("the"), text.count("o"), "aaaa".count("aa"))
pos = -1
found = []
while True:
    pos = text.find("the", pos + 1)
    if pos < 0:
        break
    found.append(pos)
print(found)
print([w[::-1] for w in text.split()[:4]], " ".join(w.capitalize() for w in text.split()))
print(text.upper().isupper(), text.replace(" ", "").isalpha(), "".join(sorted(set(text.replace(" ", "")))))
vowels = sum(1 for c in text if c in "aeiou")
print(vowels, len(text), text[4:9], text[-3:])
print("-".join(text.split()[::2]))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in text)
print(caesar)

# Program: text statistics (word frequencies, letter histogram, formatting tables).
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair, we had everything before us, we had nothing before us."""
words = [w.strip(".,").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
print(f"{'word':<10}|{'count':>6}|{'share':>8}")
print("-" * 26)
for w, c in top:
    print(f"{w:<10}|{c:>6}|{c / len(words):>8.2%}")
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
peak = max(letters.values())
for ch in sorted(letters)[:10]:
    print(ch, "*" * round(letters[ch] * 30 / peak), letters[ch])
lines = text.splitlines()
print(len(lines), [len(l) for l in lines], max(lines, key=len)[:20])
print(sum(len(w) for w in words) / len(words), len(set(words)), sorted(set(words), key=len)[-3:])
sentences = text.replace("\n", " ").split(", ")
print(len(sentences), sentences[3], sentences[-1])
acronym = "".join(w[0].upper() for w in lines[0].split()[:6])
print(acronym, text.count("it was"), text.lower().count("it was"), text.find("Light"), text.rfind("was"))
print(" ".join(w.capitalize() for w in "the spring of hope".split()), "the spring of hope".title())
centered = [f"[{w:^12}]" for w in ("best", "worst", "wisdom")]
print("".join(centered))

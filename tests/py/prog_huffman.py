# Program: Huffman coding with deterministic tie-breaking, encode and decode.
text = "this is an example of a huffman tree, abracadabra!"
freq = {}
for ch in text:
    freq[ch] = freq.get(ch, 0) + 1
nodes = [(f, i, ch) for i, (ch, f) in enumerate(sorted(freq.items()))]
counter = len(nodes)
while len(nodes) > 1:
    nodes.sort(key=lambda n: (n[0], n[1]))
    a, b = nodes.pop(0), nodes.pop(0)
    nodes.append((a[0] + b[0], counter, (a, b)))
    counter += 1
codes = {}
def walk(node, prefix):
    payload = node[2]
    if isinstance(payload, str):
        codes[payload] = prefix or "0"
    else:
        walk(payload[0], prefix + "0")
        walk(payload[1], prefix + "1")
walk(nodes[0], "")
for ch in sorted(codes, key=lambda c: (len(codes[c]), c)):
    print(repr(ch), freq[ch], codes[ch])
encoded = "".join(codes[ch] for ch in text)
print(len(encoded), len(text) * 8, round(len(encoded) / (len(text) * 8), 4))
decode_map = {v: k for k, v in codes.items()}
out, cur = [], ""
for bit in encoded:
    cur += bit
    if cur in decode_map:
        out.append(decode_map[cur])
        cur = ""
print("".join(out) == text, encoded[:64])
packed = int(encoded, 2).to_bytes((len(encoded) + 7) // 8, "big")
print(packed.hex(), len(packed))

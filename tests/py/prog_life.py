# Program: Conway's game of life on a small torus, printed as text.
W, H = 12, 8
def step(cells):
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = ((x + dx) % W, (y + dy) % H)
                    counts[key] = counts.get(key, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in cells)}
def show(cells):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(W)) for y in range(H))
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
blinker = {(8, 4), (9, 4), (10, 4)}
cells = glider | blinker
for gen in range(5):
    print(f"generation {gen}: {len(cells)} cells")
    print(show(cells))
    cells = step(cells)
history = []
cells = glider
for gen in range(60):
    history.append(sorted(cells))
    cells = step(cells)
print(history[0] == history[48], len({tuple(h) for h in history}))

# Program: inventory report with sorting, grouping, formatting and validation errors.
raw = """sku,name,category,qty,price
A100,Bolt M3,hardware,500,0.05
A101,Nut M3,hardware,450,0.03
B200,Cable 1m,electronics,35,2.50
B201,Cable 2m,electronics,0,3.75
C300,Glue,supplies,12,4.99
C301,Tape,supplies,80,1.25
B202,Adapter,electronics,7,12.00
X999,Broken,misc,-3,1.00
Y000,BadPrice,misc,5,abc"""
class ValidationError(ValueError):
    pass
def parse(text):
    lines = text.splitlines()
    header = lines[0].split(",")
    items, errors = [], []
    for n, line in enumerate(lines[1:], start=2):
        row = dict(zip(header, line.split(",")))
        try:
            qty = int(row["qty"])
            if qty < 0:
                raise ValidationError(f"line {n}: negative quantity {qty}")
            row["qty"] = qty
            row["price"] = float(row["price"])
        except ValidationError as e:
            errors.append(str(e))
            continue
        except ValueError as e:
            errors.append(f"line {n}: {e}")
            continue
        items.append(row)
    return items, errors
items, errors = parse(raw)
print(len(items), "items;", len(errors), "errors")
for e in errors:
    print("  error:", e)
by_cat = {}
for it in items:
    by_cat.setdefault(it["category"], []).append(it)
for cat in sorted(by_cat):
    group = sorted(by_cat[cat], key=lambda i: (-i["qty"] * i["price"], i["sku"]))
    value = sum(i["qty"] * i["price"] for i in group)
    print(f"{cat.upper():<12} {len(group):>2} items  value {value:>8.2f}")
    for it in group:
        flag = " (OUT)" if it["qty"] == 0 else " (LOW)" if it["qty"] < 10 else ""
        print(f"    {it['sku']} {it['name']:<10} {it['qty']:>4} x {it['price']:>6.2f} = {it['qty'] * it['price']:>7.2f}{flag}")
total = sum(i["qty"] * i["price"] for i in items)
print(f"TOTAL {total:.2f}", f"{total:,.3f}", round(total, 1))
cheapest = min(items, key=lambda i: i["price"])
priciest = max(items, key=lambda i: i["price"])
print(cheapest["name"], priciest["name"], [i["sku"] for i in items if i["qty"] == 0])

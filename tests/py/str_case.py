# Case conversions including non-ASCII.
words = ["hello", "HELLO", "Hello World", "ß", "straße", "İstanbul", "ǅ", "ﬀ", "ΣΑΣ", "όσος",
         "Ǳ", "ŉ", "hello wORLD 123abc", "they're bill's friends", "ÀÉÎÕÜ", "日本", "", "a1b2", "ĳ"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.casefold()), repr(w.swapcase()),
          repr(w.title()), repr(w.capitalize()))
print("ß".upper() == "SS", "ß".casefold() == "ss", "Straße".casefold() == "STRASSE".casefold())
print("ΣΑΣ ΣΑΣ".lower())
print("a.b-c d_e".title(), "3rd place".title(), "o'neil".capitalize(), "ABC".capitalize())
print("ǆemal".title(), "ǆemal".capitalize())

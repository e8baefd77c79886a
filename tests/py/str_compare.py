# String comparison and ordering.
words = ["apple", "Apple", "banana", "", "a", "ab", "abc", "B", "é", "z", "Z", "😀", "日本", "10", "9", " "]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, reverse=True))
print("a" < "b", "a" < "ab", "ab" < "b", "" < "a", "A" < "a", "Z" < "a", "abc" == "abc", "abc" != "abd")
print("a" <= "a", "b" >= "a", max(words), min(words))
print("abc" * 2 == "abcabc", "x" != None)
s1 = "".join(["hel", "lo"])
print(s1 == "hello", hash(s1) == hash("hello"))

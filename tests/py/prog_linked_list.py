# Program: a doubly linked list implementing the sequence protocols.
class Node:
    __slots__ = ("value", "prev", "next")
    def __init__(self, value):
        self.value, self.prev, self.next = value, None, None
class LinkedList:
    def __init__(self, items=()):
        self.head = self.tail = None
        self.size = 0
        for it in items:
            self.append(it)
    def append(self, v):
        n = Node(v)
        if self.tail is None:
            self.head = self.tail = n
        else:
            n.prev, self.tail.next, self.tail = self.tail, n, n
        self.size += 1
    def appendleft(self, v):
        n = Node(v)
        if self.head is None:
            self.head = self.tail = n
        else:
            n.next, self.head.prev, self.head = self.head, n, n
        self.size += 1
    def _node(self, i):
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError("LinkedList index out of range")
        n = self.head
        for _ in range(i):
            n = n.next
        return n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return LinkedList(self[j] for j in range(*i.indices(self.size)))
        return self._node(i).value
    def __setitem__(self, i, v):
        self._node(i).value = v
    def __delitem__(self, i):
        n = self._node(i)
        if n.prev:
            n.prev.next = n.next
        else:
            self.head = n.next
        if n.next:
            n.next.prev = n.prev
        else:
            self.tail = n.prev
        self.size -= 1
    def __len__(self):
        return self.size
    def __iter__(self):
        n = self.head
        while n:
            yield n.value
            n = n.next
    def __reversed__(self):
        n = self.tail
        while n:
            yield n.value
            n = n.prev
    def __contains__(self, v):
        return any(x == v for x in self)
    def __eq__(self, o):
        return isinstance(o, LinkedList) and list(self) == list(o)
    def __add__(self, o):
        return LinkedList([*self, *o])
    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"
ll = LinkedList(range(5))
ll.append(5)
ll.appendleft(-1)
print(ll, len(ll), ll[0], ll[-1], ll[2:5], ll[::-2], 3 in ll, 9 in ll)
ll[1] = "zero"
del ll[0]
del ll[-1]
print(ll, list(reversed(ll)), sorted(x for x in ll if isinstance(x, int)), ll == LinkedList(["zero", 1, 2, 3, 4]))
print(ll + [7, 8], bool(LinkedList()), bool(ll), sum(x for x in ll if x != "zero"))
for bad in [lambda: ll[10], lambda: ll.__delitem__(-10), lambda: LinkedList()[0]]:
    try:
        bad()
    except IndexError as e:
        print("IndexError:", e)
a, b, *rest = ll
print(a, b, rest, max(ll[1:]), list(enumerate(ll))[:2])

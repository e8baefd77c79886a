# Program: binary search tree with recursive insert/delete and generator traversals.
class BST:
    class _Node:
        __slots__ = ("key", "val", "left", "right")
        def __init__(self, key, val):
            self.key, self.val, self.left, self.right = key, val, None, None
    def __init__(self):
        self.root = None
        self.count = 0
    def __setitem__(self, key, val):
        def ins(node):
            if node is None:
                self.count += 1
                return BST._Node(key, val)
            if key < node.key:
                node.left = ins(node.left)
            elif key > node.key:
                node.right = ins(node.right)
            else:
                node.val = val
            return node
        self.root = ins(self.root)
    def __getitem__(self, key):
        n = self.root
        while n:
            if key == n.key:
                return n.val
            n = n.left if key < n.key else n.right
        raise KeyError(key)
    def __delitem__(self, key):
        def delete(node, key):
            if node is None:
                raise KeyError(key)
            if key < node.key:
                node.left = delete(node.left, key)
            elif key > node.key:
                node.right = delete(node.right, key)
            else:
                if node.left is None:
                    return node.right
                if node.right is None:
                    return node.left
                succ = node.right
                while succ.left:
                    succ = succ.left
                node.key, node.val = succ.key, succ.val
                node.right = delete(node.right, succ.key)
            return node
        self.root = delete(self.root, key)
        self.count -= 1
    def __len__(self):
        return self.count
    def __iter__(self):
        def walk(n):
            if n:
                yield from walk(n.left)
                yield n.key
                yield from walk(n.right)
        return walk(self.root)
    def preorder(self):
        stack = [self.root] if self.root else []
        while stack:
            n = stack.pop()
            yield n.key
            if n.right:
                stack.append(n.right)
            if n.left:
                stack.append(n.left)
    def height(self):
        def h(n):
            return 0 if n is None else 1 + max(h(n.left), h(n.right))
        return h(self.root)
    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t[k] = str(k)
print(list(t), list(t.preorder()), len(t), t.height(), t[35], 45 in t, 99 in t)
del t[30]
del t[50]
print(list(t), list(t.preorder()), len(t), t.height())
try:
    del t[1000]
except KeyError as e:
    print("KeyError:", e)
w = BST()
for word in "the quick brown fox jumps over the lazy dog".split():
    w[word] = w[word] + 1 if word in w else 1
print([(k, w[k]) for k in w])
chain = BST()
for i in range(200):
    chain[i] = i
print(chain.height(), len(chain), sum(chain))

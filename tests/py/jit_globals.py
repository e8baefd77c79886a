# Global reads in compiled loops become constants guarded by the namespace's version:
# rebinding the global between runs (and shadowing a builtin) gives the new value.
LIMIT = 100
STEP = 3

def count():
    t = 0
    i = 0
    while i < LIMIT:
        t += STEP
        i += 1
    return t

print(count())
STEP = 5
print(count())
LIMIT = 10
print(count())
STEP = 2.5
print(count())
del STEP
try:
    count()
except NameError as e:
    print('NameError', e)
STEP = 1
print(count())
code = '''
t = 0
i = 0
while i < LIMIT:
    t += STEP
    i += 1
'''
for lim in (50, 60):
    ns = {'LIMIT': lim, 'STEP': 2}
    exec(code, ns)
    print(ns['t'])

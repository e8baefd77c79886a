# Widths and precisions past CPython's C limits raise ValueError/OverflowError with
# CPython's messages instead of trying to allocate.
import sys
big = sys.maxsize + 1
cases = [
    lambda: format(2.34, '.{}f'.format(big)),
    lambda: format(2.34, '{}f'.format(big)),
    lambda: format(2.34, '.{}f'.format(2**31)),
    lambda: format(complex(1.2), '.{}f'.format(big)),
    lambda: format(complex(1.2), '.{}f'.format(2**31)),
    lambda: format('abc', '{}'.format(big)),
    lambda: '%.{}f'.format(big) % 2.34,
    lambda: '%{}f'.format(big) % 2.34,
    lambda: '%.{}f'.format(2**31) % 2.34,
    lambda: '%.{}d'.format(2**31) % 1,
    lambda: '%.*d' % (sys.maxsize, 1),
    lambda: '%.*d' % (2**31, 1),
    lambda: b'%.*d' % (2**31, 1),
    lambda: '%.{}f'.format(big).encode() % 2.34,
]
for c in cases:
    try:
        c()
        print('no error')
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(format(1.5, '.3f'), '%.*f' % (2, 1.5), '%5.1f|' % 2.25)

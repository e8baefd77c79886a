# pyjit's _string module: the format-string parser behind string.Formatter.


def _split_field(field):
    # the field name ends at '!' or ':' outside square brackets
    depth = 0
    for i, c in enumerate(field):
        if c == '[':
            depth += 1
        elif c == ']':
            depth = max(0, depth - 1)
        elif depth == 0 and c in '!:':
            name = field[:i]
            rest = field[i:]
            break
    else:
        return field, '', None
    conversion = None
    if rest[0] == '!':
        if len(rest) < 2:
            raise ValueError('end of string while looking for conversion specifier')
        conversion = rest[1]
        rest = rest[2:]
        if rest and rest[0] != ':':
            raise ValueError("expected ':' after conversion specifier")
    spec = rest[1:] if rest else ''
    return name, spec, conversion


def _parse(s):
    out = []
    lit = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == '{':
            if i + 1 < n and s[i + 1] == '{':
                lit.append('{')
                out.append((''.join(lit), None, None, None))
                lit = []
                i += 2
                continue
            if i + 1 == n:
                raise ValueError("Single '{' encountered in format string")
            depth = 1
            j = i + 1
            while j < n:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if depth:
                raise ValueError("expected '}' before end of string")
            name, spec, conversion = _split_field(s[i + 1:j])
            out.append((''.join(lit), name, spec, conversion))
            lit = []
            i = j + 1
        elif c == '}':
            if i + 1 < n and s[i + 1] == '}':
                lit.append('}')
                out.append((''.join(lit), None, None, None))
                lit = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            lit.append(c)
            i += 1
    if lit:
        out.append((''.join(lit), None, None, None))
    return out


def formatter_parser(s, /):
    if not isinstance(s, str):
        raise TypeError(f'expected str, got {type(s).__name__}')
    return iter(_parse(s))


def _key(k):
    return int(k) if k.isdigit() else k


def formatter_field_name_split(name, /):
    if not isinstance(name, str):
        raise TypeError(f'expected str, got {type(name).__name__}')
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = _key(name[:i])
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError('Empty attribute in format string')
            rest.append((True, attr))
            i = j
        else:
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError('Empty attribute in format string')
            rest.append((False, _key(key)))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier')
    return first, iter(rest)

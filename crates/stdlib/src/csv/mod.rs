//! `_csv`: the CSV reader (CPython's character state machine) and writer, field size
//! limit and the QUOTE_* constants. Dialects are in dialect.rs.

mod dialect;

use dialect::{error, Dialect, QUOTE_ALL, QUOTE_MINIMAL, QUOTE_NONE, QUOTE_NONNUMERIC};
use pyjit_vm::objects::StrObj;

use crate::util::*;
use crate::{class_slot, native_state};

pyjit_vm::gil_local! {
    static FIELD_LIMIT: std::cell::Cell<i64> = const { std::cell::Cell::new(128 * 1024) };
}

class_slot!(READER);
class_slot!(WRITER);

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

/// The end-of-line marker fed after each line.
const EOL: u32 = u32::MAX;

struct Reader {
    input: Value,
    dialect: Value,
    d: Dialect,
    fields: Vec<Value>,
    field: Vec<u32>,
    numeric: bool,
    state: State,
    line_num: i64,
}
native_state!(Reader, |s, t| {
    t.visit(s.input);
    t.visit(s.dialect);
    t.visit_all(&s.fields);
});

impl Reader {
    fn add(&mut self, c: u32) -> Result<(), String> {
        let limit = FIELD_LIMIT.with(|l| l.get());
        if self.field.len() as i64 >= limit {
            return Err(format!("field larger than field limit ({limit})"));
        }
        self.field.push(c);
        Ok(())
    }

    /// One character of the state machine; true when the field ends (saving it is left
    /// to the caller, which can allocate).
    fn process(&mut self, c: u32) -> Result<bool, String> {
        let d = &self.d;
        let is_quote = |c: u32| Some(c) == d.quotechar && d.quoting != QUOTE_NONE;
        let is_esc = |c: u32| Some(c) == d.escapechar;
        let nl = |c: u32| c == '\n' as u32 || c == '\r' as u32;
        let mut save = false;
        let mut state = self.state;
        if state == State::StartRecord {
            if c == EOL {
                return Ok(save);
            }
            if nl(c) {
                self.state = State::EatCrnl;
                return Ok(save);
            }
            state = State::StartField;
        }
        if state == State::AfterEscapedCrnl {
            if c == EOL {
                return Ok(save);
            }
            state = State::InField;
        }
        match state {
            State::StartField => {
                if nl(c) || c == EOL {
                    save = true;
                    self.state = if c == EOL { State::StartRecord } else { State::EatCrnl };
                } else if is_quote(c) {
                    self.state = State::InQuotedField;
                } else if is_esc(c) {
                    self.state = State::EscapedChar;
                } else if c == ' ' as u32 && d.skipinitialspace {
                    self.state = State::StartField;
                } else if c == d.delimiter {
                    save = true;
                    self.state = State::StartField;
                } else {
                    if d.quoting == QUOTE_NONNUMERIC {
                        self.numeric = true;
                    }
                    self.add(c)?;
                    self.state = State::InField;
                }
            }
            State::EscapedChar => {
                if nl(c) {
                    self.add(c)?;
                    self.state = State::AfterEscapedCrnl;
                } else {
                    self.add(if c == EOL { '\n' as u32 } else { c })?;
                    self.state = State::InField;
                }
            }
            State::InField => {
                if nl(c) || c == EOL {
                    save = true;
                    self.state = if c == EOL { State::StartRecord } else { State::EatCrnl };
                } else if is_esc(c) {
                    self.state = State::EscapedChar;
                } else if c == d.delimiter {
                    save = true;
                    self.state = State::StartField;
                } else {
                    self.add(c)?;
                    self.state = State::InField;
                }
            }
            State::InQuotedField => {
                if c == EOL {
                } else if is_esc(c) {
                    self.state = State::EscapeInQuotedField;
                } else if is_quote(c) {
                    self.state = if d.doublequote { State::QuoteInQuotedField } else { State::InField };
                } else {
                    self.add(c)?;
                }
            }
            State::EscapeInQuotedField => {
                self.add(if c == EOL { '\n' as u32 } else { c })?;
                self.state = State::InQuotedField;
            }
            State::QuoteInQuotedField => {
                if d.quoting != QUOTE_NONE && Some(c) == d.quotechar {
                    self.add(c)?;
                    self.state = State::InQuotedField;
                } else if c == d.delimiter {
                    save = true;
                    self.state = State::StartField;
                } else if nl(c) || c == EOL {
                    save = true;
                    self.state = if c == EOL { State::StartRecord } else { State::EatCrnl };
                } else if !d.strict {
                    self.add(c)?;
                    self.state = State::InField;
                } else {
                    let (dl, q) = (char::from_u32(d.delimiter).unwrap_or('?'), d.quotechar.and_then(char::from_u32).unwrap_or('?'));
                    return Err(format!("'{dl}' expected after '{q}'"));
                }
            }
            State::EatCrnl => {
                if nl(c) {
                } else if c == EOL {
                    self.state = State::StartRecord;
                } else {
                    return Err("new-line character seen in unquoted field - do you need to open the file in universal-newline mode?".into());
                }
            }
            State::StartRecord | State::AfterEscapedCrnl => {}
        }
        Ok(save)
    }
}

fn rd<R>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Reader) -> R) -> PyResult<R> {
    with_state::<Reader, R>(vm, v, "_csv.reader", f)
}

/// Saves the field being read (as float for QUOTE_NONNUMERIC unquoted fields).
fn save_field(vm: &mut Vm, me: Value) -> PyResult<()> {
    let (cps, numeric) = rd(vm, me, |r| {
        let n = r.numeric;
        r.numeric = false;
        (std::mem::take(&mut r.field), n)
    })?;
    let mut v = vm.new_str_cps(&cps);
    if numeric {
        let ft = vm.types.float;
        v = vm.call(ft, &[v])?;
    }
    rd(vm, me, |r| r.fields.push(v))?;
    Ok(())
}

fn feed(vm: &mut Vm, me: Value, c: u32) -> PyResult<()> {
    match rd(vm, me, |r| r.process(c))? {
        Ok(save) => {
            if save {
                save_field(vm, me)?;
            }
            Ok(())
        }
        Err(m) => Err(error(vm, &m)),
    }
}

fn reader_next(vm: &mut Vm, me: Value) -> PyResult<Option<Value>> {
    rd(vm, me, |r| {
        r.fields.clear();
        r.field.clear();
        r.state = State::StartRecord;
        r.numeric = false;
    })?;
    loop {
        let input = rd(vm, me, |r| r.input)?;
        let line = match vm.next(input)? {
            Some(l) => l,
            None => {
                let (pending, quoted, strict) = rd(vm, me, |r| (!r.field.is_empty(), r.state == State::InQuotedField, r.d.strict))?;
                if pending || quoted {
                    if strict {
                        return Err(error(vm, "unexpected end of data"));
                    }
                    save_field(vm, me)?;
                    break;
                }
                return Ok(None);
            }
        };
        let Some(s) = line.get::<StrObj>() else {
            let ty = vm.type_of(line);
            let tn = vm.type_name_qualified(ty);
            return Err(error(vm, &format!("iterator should return strings, not {tn} (the file should be opened in text mode)")));
        };
        rd(vm, me, |r| r.line_num += 1)?;
        if s.is_ascii() {
            for &b in s.s.as_bytes() {
                feed(vm, me, b as u32)?;
            }
        } else {
            for c in s.code_points() {
                feed(vm, me, c)?;
            }
        }
        feed(vm, me, EOL)?;
        if rd(vm, me, |r| r.state == State::StartRecord)? {
            break;
        }
    }
    let fields = rd(vm, me, |r| std::mem::take(&mut r.fields))?;
    Ok(Some(vm.new_list(fields)))
}

/// The dialect and keyword arguments of reader()/writer() after the first argument.
fn dialect_args(vm: &mut Vm, a: &[Value], kw: Value, name: &str) -> PyResult<(Value, Value)> {
    let pos = positional(a, kw);
    if pos.is_empty() {
        return Err(vm.type_error(" expected at least 1 argument, got 0"));
    }
    if pos.len() > 2 {
        return Err(vm.type_error(&format!("{name} expected at most 2 arguments, got {}", pos.len())));
    }
    let kws = keywords(vm, a, kw);
    let d = dialect::call_dialect(vm, pos.get(1).copied(), &kws)?;
    Ok((pos[0], d))
}

fn reader_fn(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let pos = positional(a, kw);
    if pos.is_empty() {
        return Err(vm.type_error(" expected at least 1 argument, got 0"));
    }
    let input = vm.iter(pos[0])?;
    let (_, dv) = dialect_args(vm, a, kw, "reader")?;
    let d = dialect::get(vm, dv)?;
    let t = READER.with(|c| c.get());
    let st = Reader { input, dialect: dv, d, fields: Vec::new(), field: Vec::new(), numeric: false, state: State::StartRecord, line_num: 0 };
    Ok(new_native_iter(vm, t, st, reader_next))
}

fn reader_dialect(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    rd(vm, a[0], |r| r.dialect)
}

fn reader_line_num(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let n = rd(vm, a[0], |r| r.line_num)?;
    Ok(vm.new_int(n))
}

struct Writer {
    write: Value,
    dialect: Value,
    d: Dialect,
}
native_state!(Writer, |s, t| {
    t.visit(s.write);
    t.visit(s.dialect);
});

fn writer_fn(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let (file, dv) = dialect_args(vm, a, kw, "writer")?;
    let wn = vm.intern("write");
    let write = match vm.getattr_opt(file, wn)? {
        Some(w) if is_callable(vm, w) => w,
        _ => return Err(vm.type_error("argument 1 must have a \"write\" method")),
    };
    let d = dialect::get(vm, dv)?;
    let t = WRITER.with(|c| c.get());
    Ok(new_native(vm, t, Writer { write, dialect: dv, d }))
}

/// Appends one field (None: an empty field) to the record; Err(message) for csv.Error.
fn append_field(d: &Dialect, rec: &mut Vec<u32>, nfields: usize, field: Option<&[u32]>, mut quoted: bool) -> Result<(), &'static str> {
    let mut body = Vec::new();
    for &c in field.unwrap_or(&[]) {
        let special = c == d.delimiter || Some(c) == d.escapechar || Some(c) == d.quotechar || d.lineterminator.contains(&c);
        if special {
            let mut want_escape = false;
            if d.quoting == QUOTE_NONE {
                want_escape = true;
            } else {
                if Some(c) == d.quotechar {
                    if d.doublequote {
                        body.push(c);
                    } else {
                        want_escape = true;
                    }
                } else if Some(c) == d.escapechar {
                    want_escape = true;
                }
                if !want_escape {
                    quoted = true;
                }
            }
            if want_escape {
                match d.escapechar {
                    Some(e) => body.push(e),
                    None => return Err("need to escape, but no escapechar set"),
                }
            }
        }
        body.push(c);
    }
    if nfields > 0 {
        rec.push(d.delimiter);
    }
    let q = d.quotechar.unwrap_or('"' as u32);
    if quoted {
        rec.push(q);
    }
    rec.extend_from_slice(&body);
    if quoted {
        rec.push(q);
    }
    Ok(())
}

fn writerow(vm: &mut Vm, me: Value, row: Value) -> PyResult<Value> {
    let (write, d) = with_state::<Writer, _>(vm, me, "_csv.writer", |w| (w.write, w.d.clone()))?;
    let it = match vm.iter(row) {
        Ok(it) => it,
        Err(e) if vm.isinstance(e.0, vm.types.type_error) => {
            let ty = vm.type_of(row);
            let tn = vm.type_name_qualified(ty);
            return Err(error(vm, &format!("iterable expected, not {tn}")));
        }
        Err(e) => return Err(e),
    };
    let mut rec: Vec<u32> = Vec::new();
    let mut nfields = 0usize;
    while let Some(field) = vm.next(it)? {
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(vm, field),
            QUOTE_ALL => true,
            _ => false,
        };
        let text: Option<Vec<u32>> = if field == vm.none {
            None
        } else if let Some(s) = field.get::<StrObj>() {
            Some(s.code_points())
        } else {
            let s = vm.str_value(field)?;
            s.get::<StrObj>().map(|s| s.code_points())
        };
        if let Err(m) = append_field(&d, &mut rec, nfields, text.as_deref(), quoted) {
            return Err(error(vm, m));
        }
        nfields += 1;
    }
    if nfields > 0 && rec.is_empty() {
        if d.quoting == QUOTE_NONE {
            return Err(error(vm, "single empty field record must be quoted"));
        }
        if let Err(m) = append_field(&d, &mut rec, nfields - 1, None, true) {
            return Err(error(vm, m));
        }
    }
    rec.extend_from_slice(&d.lineterminator);
    let line = vm.new_str_cps(&rec);
    vm.call(write, &[line])
}

fn w_writerow(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let row = onearg(vm, a, kw, "writer.writerow")?;
    writerow(vm, a[0], row)
}

fn w_writerows(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let rows = onearg(vm, a, kw, "writer.writerows")?;
    let it = vm.iter(rows)?;
    while let Some(r) = vm.next(it)? {
        writerow(vm, a[0], r)?;
    }
    Ok(vm.none)
}

fn w_dialect(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    with_state::<Writer, _>(vm, a[0], "_csv.writer", |w| w.dialect)
}

fn field_size_limit(vm: &mut Vm, a: &[Value], kw: Value) -> PyResult<Value> {
    let args = parse(vm, a, kw, "field_size_limit", &["new_limit"], &[], 0)?;
    let old = FIELD_LIMIT.with(|l| l.get());
    if let Some(n) = args[0] {
        if !vm.is_int(n) {
            return Err(vm.type_error("limit must be an integer"));
        }
        let v = c_long(vm, n)?;
        FIELD_LIMIT.with(|l| l.set(v));
    }
    Ok(vm.new_int(old))
}

fn no_new(vm: &mut Vm, a: &[Value], _kw: Value) -> PyResult<Value> {
    let tn = vm.type_name_qualified(a[0]);
    Err(vm.type_error(&format!("cannot create '{tn}' instances")))
}

pub fn init(vm: &mut Vm, m: Value) -> PyResult<()> {
    dialect::register(vm, m)?;
    for (n, v) in [("QUOTE_MINIMAL", QUOTE_MINIMAL), ("QUOTE_ALL", QUOTE_ALL), ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC), ("QUOTE_NONE", QUOTE_NONE)] {
        let iv = vm.new_int(v);
        set_attr(vm, m, n, iv);
    }
    let ver = vm.new_str("1.0");
    set_attr(vm, m, "__version__", ver);
    add_fns(vm, m, &[("reader", reader_fn), ("writer", writer_fn), ("field_size_limit", field_size_limit)]);
    let r = iter_class(vm, "_csv", "reader", Some(no_new), false);
    add_getsets(vm, r, &[("dialect", reader_dialect, None), ("line_num", reader_line_num, None)]);
    READER.with(|c| c.set(r));
    set_attr(vm, m, "Reader", r);
    let w = new_class(vm, "_csv", "writer", None, ObjKind::Native, false);
    set_new(vm, w, no_new);
    add_methods(vm, w, &[("writerow", w_writerow), ("writerows", w_writerows)]);
    add_getsets(vm, w, &[("dialect", w_dialect, None)]);
    WRITER.with(|c| c.set(w));
    set_attr(vm, m, "Writer", w);
    Ok(())
}

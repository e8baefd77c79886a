//! `Pattern.sub` and `Pattern.subn`. As in CPython 3.11: a callable replacement is called
//! with each match; a str/bytes without a backslash is inserted as it is; anything else
//! goes to `re._subx`, which returns a literal or a function over the match. The result is
//! built directly in a buffer (join's type errors are reproduced, with the item index
//! CPython's list of pieces would have).

use crate::heap::{ObjKind, Value};
use crate::interp::{PyResult, Vm};
use crate::objects::*;

use super::matchobj::re_attr;
use super::pattern::check_kind;
use super::subject::{subject, SubjData, Subject};
use super::*;

fn is_callable(vm: &mut Vm, v: Value) -> bool {
    match v.kind() {
        Some(ObjKind::Function) | Some(ObjKind::Builtin) | Some(ObjKind::Method) | Some(ObjKind::Type) => true,
        _ => {
            let ty = vm.type_of(v);
            let n = vm.intern("__call__");
            vm.lookup(ty, n).is_some()
        }
    }
}

/// Whether a template can be inserted as it is (a str or bytes-like without a backslash).
fn is_literal(vm: &mut Vm, v: Value) -> bool {
    if let Some(s) = v.get::<StrObj>() {
        return !s.s.contains('\\');
    }
    super::subject::bytes_like(vm, v).is_some_and(|b| !b.contains(&b'\\'))
}

/// The result being built.
enum Out {
    Text(String),
    Cps(Vec<u32>),
    Bytes(Vec<u8>),
}

struct Builder {
    out: Out,
    /// Pieces so far (CPython's list length) and the only piece when there is one and it
    /// is an object that could be returned as it is.
    items: usize,
    only: Option<Value>,
    /// The first piece join would refuse: (index, type name).
    bad: Option<(usize, String)>,
}

impl Builder {
    fn new(subj: &Subject) -> Builder {
        let out = match subj.data {
            SubjData::Ascii(_) => Out::Text(String::new()),
            SubjData::Wide(_) => Out::Cps(Vec::new()),
            SubjData::Bytes(_) | SubjData::Owned(_) => Out::Bytes(Vec::new()),
        };
        Builder { out, items: 0, only: None, bad: None }
    }

    fn segment(&mut self, vm: &mut Vm, subj: &Subject, i: usize, j: usize) {
        self.items += 1;
        self.only = if i == 0 && j == subj.len() { Some(subj.value) } else { None };
        if self.bad.is_some() {
            return;
        }
        let _ = vm;
        match (&mut self.out, &subj.data) {
            (Out::Text(s), SubjData::Ascii(a)) => s.push_str(&a.s[i..j]),
            (Out::Cps(c), SubjData::Ascii(a)) => c.extend(a.s.as_bytes()[i..j].iter().map(|&b| b as u32)),
            (Out::Cps(c), SubjData::Wide(w)) => c.extend_from_slice(&w[i..j]),
            (Out::Bytes(b), SubjData::Bytes(x)) => b.extend_from_slice(&x.data[i..j]),
            (Out::Bytes(b), SubjData::Owned(x)) => b.extend_from_slice(&x[i..j]),
            _ => {}
        }
    }

    fn value(&mut self, vm: &mut Vm, v: Value) -> PyResult<()> {
        let index = self.items;
        self.items += 1;
        self.only = Some(v);
        if self.bad.is_some() {
            return Ok(());
        }
        match &mut self.out {
            Out::Bytes(b) => match super::subject::bytes_like(vm, v) {
                Some(d) => b.extend_from_slice(&d),
                None => {
                    let tn = vm.type_name_of(v);
                    self.bad = Some((index, format!("sequence item {index}: expected a bytes-like object, {tn} found")));
                }
            },
            out => {
                let Some(s) = v.get::<StrObj>() else {
                    let tn = vm.type_name_of(v);
                    self.bad = Some((index, format!("sequence item {index}: expected str instance, {tn} found")));
                    return Ok(());
                };
                if s.has_surrogates() {
                    if let Out::Text(t) = out {
                        let cps: Vec<u32> = t.chars().map(|c| c as u32).collect();
                        *out = Out::Cps(cps);
                    }
                }
                match out {
                    Out::Text(t) => t.push_str(&s.s),
                    Out::Cps(c) => c.extend(s.code_points()),
                    Out::Bytes(_) => {}
                }
            }
        }
        Ok(())
    }

    fn finish(self, vm: &mut Vm, subj: &Subject) -> PyResult<Value> {
        if let Some((_, msg)) = self.bad {
            return Err(vm.type_error(&msg));
        }
        if self.items == 0 {
            return Ok(subj.empty(vm));
        }
        if self.items == 1 {
            if let Some(v) = self.only {
                let t = vm.type_of(v);
                let exact = match self.out {
                    Out::Bytes(_) => t == vm.types.bytes,
                    _ => t == vm.types.str,
                };
                if exact {
                    return Ok(v);
                }
            }
        }
        Ok(match self.out {
            Out::Text(s) => vm.new_string(s),
            Out::Cps(c) => vm.new_str_cps(&c),
            Out::Bytes(b) => vm.new_bytes(b),
        })
    }
}

fn subx(vm: &mut Vm, a: &[Value], k: Value, name: &str, with_count: bool) -> PyResult<Value> {
    let pat = a.first().copied().unwrap_or(Value::NULL);
    let obj = pattern_of(vm, pat, name)?;
    let args = bind(vm, a.get(1..).unwrap_or(&[]), k, name, &["repl", "string", "count"], 2, 0)?;
    let count = match args.get(2) {
        Some(v) => ssize_arg(vm, v)?,
        None => 0,
    };
    let repl = args.get(0).unwrap_or(Value::NULL);
    let string = args.get(1).unwrap_or(Value::NULL);
    // the filter: (callable?, the callable or the literal)
    let (call, filter) = if is_callable(vm, repl) {
        (true, repl)
    } else if is_literal(vm, repl) {
        (false, repl)
    } else {
        let f = re_attr(vm, "_subx")?;
        let r = vm.call(f, &[pat, repl])?;
        (is_callable(vm, r), r)
    };
    let subj = subject(vm, string)?;
    let Some(p) = pdata(&obj) else { return Ok(vm.none) };
    check_kind(vm, p, &subj)?;
    let mut st = take_state(subj.len(), p.groups, 0, i64::MAX);
    let mut b = Builder::new(&subj);
    let mut n = 0i64;
    let mut i = 0usize;
    let r: PyResult<()> = (|| {
        while count == 0 || n < count {
            st.reset();
            st.ptr = st.start;
            match with_text!(subj, |t| st.search(&p.prog, t)) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return Err(engine_error(vm, e)),
            }
            let (mb, me) = (st.start, st.ptr);
            if i < mb {
                b.segment(vm, &subj, i, mb);
            }
            let item = if call {
                let m = new_match(vm, pat, p, &subj, &st)?;
                vm.call(filter, &[m])?
            } else {
                filter
            };
            if item != vm.none {
                b.value(vm, item)?;
            }
            i = me;
            n += 1;
            st.must_advance = st.ptr == st.start;
            st.start = st.ptr;
        }
        Ok(())
    })();
    let endpos = st.endpos;
    give_state(st);
    r?;
    if i < endpos {
        b.segment(vm, &subj, i, endpos);
    }
    let out = b.finish(vm, &subj)?;
    if with_count {
        let nv = vm.new_int(n);
        return Ok(vm.new_tuple(vec![out, nv]));
    }
    Ok(out)
}

pub fn p_sub(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    subx(vm, a, k, "sub", false)
}

pub fn p_subn(vm: &mut Vm, a: &[Value], k: Value) -> PyResult<Value> {
    subx(vm, a, k, "subn", true)
}

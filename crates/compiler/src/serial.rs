//! A byte format for code objects: what `marshal.dumps` writes for a pyjit code object
//! and `marshal.loads` reads back (the `.pyjit-311.pyc` files importlib and compileall
//! write). Its magic number (`MAGIC`) is a hash of the instruction table and of
//! `FORMAT_VERSION`, so files written by a pyjit whose bytecode differs are refused by
//! importlib's magic check and compiled again from source.

use std::rc::Rc;

use crate::code::{CodeObject, Const, ExcEntry, Loc};
use crate::opcode::Instr;
use crate::positions::Positions;

/// Bumped when the layout below changes.
const FORMAT_VERSION: u32 = 1;

/// Generates the instruction codes from one list of the variants: those without an
/// operand, then those with one. A variant missing here makes `encode_instr` fail to
/// compile.
macro_rules! instr_table {
    (unit: $($u:ident),* ; op: $($o:ident),* $(,)?) => {
        const NAMES: &str = concat!($(stringify!($u), ",",)* ";", $(stringify!($o), ",",)*);
        const UNIT: &[Instr] = &[$(Instr::$u),*];
        const OP: &[fn(u32) -> Instr] = &[$(Instr::$o),*];

        #[allow(unused_assignments)]
        fn encode_instr(i: Instr) -> (u8, u32) {
            let mut k: u8 = 0;
            $(
                if let Instr::$u = i { return (k, 0); }
                k += 1;
            )*
            let mut k: u8 = 0x80;
            $(
                if let Instr::$o(x) = i { return (k, x); }
                k += 1;
            )*
            match i {
                $(Instr::$u)|* => unreachable!(),
                $(Instr::$o(_))|* => unreachable!(),
            }
        }
    };
}

instr_table! {
    unit:
    Nop, JitHook, PopTop, BinarySubscr, StoreSubscr, DeleteSubscr, UnaryNegative,
        UnaryPositive, UnaryInvert, UnaryNot, ListToTuple, GetIter, ReturnValue, YieldValue,
        GetYieldFromIter, GetAwaitable, GetAiter, GetAnext, EndAsyncFor, Reraise, PushExcInfo,
        PopExcept, CheckExcMatch, CheckEgMatch, PrepReraiseStar, BeforeWith, BeforeAsyncWith,
        WithExceptStart, ImportStar, LoadBuildClass, SetupAnnotations, LoadAssertionError,
        MatchMapping, MatchSequence, MatchKeys, GetLen, PrintExpr, PushNull;
    op:
    Copy, Swap, LoadConst, LoadFast, StoreFast, DeleteFast, LoadDeref, StoreDeref,
        DeleteDeref, LoadClosure, LoadClassDeref, LoadGlobal, StoreGlobal, DeleteGlobal,
        LoadName, StoreName, DeleteName, LoadAttr, StoreAttr, DeleteAttr, LoadMethod,
        CallMethod, Call, CallKw, CallEx, BuildSlice, BinaryOp, CompareOp, IsOp, ContainsOp,
        BuildTuple, BuildList, BuildSet, BuildMap, BuildString, ListAppend, SetAdd, MapAdd,
        ListExtend, SetUpdate, DictUpdate, DictMerge, FormatValue, Jump, JumpBackward,
        PopJumpIfFalse, PopJumpIfTrue, PopJumpIfNone, PopJumpIfNotNone, JumpIfFalseOrPop,
        JumpIfTrueOrPop, ForIter, MakeFunction, Send, RaiseVarargs, ImportName, ImportFrom,
        UnpackSequence, UnpackEx, MatchClass, LoadFastLoadFast, LoadFastLoadConst,
        LoadConstLoadFast, StoreFastLoadFast, StoreFastStoreFast
}

fn decode_instr(k: u8, x: u32) -> Option<Instr> {
    if k & 0x80 == 0 {
        UNIT.get(k as usize).copied()
    } else {
        OP.get((k & 0x7F) as usize).map(|f| f(x))
    }
}

const fn fnv(s: &str, seed: u32) -> u32 {
    let b = s.as_bytes();
    let mut h: u32 = 0x811C_9DC5 ^ seed;
    let mut i = 0;
    while i < b.len() {
        h ^= b[i] as u32;
        h = h.wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

/// The two-byte magic of pyjit's bytecode files (followed by `\r\n`, as CPython's):
/// 10000..59999, never one of CPython's (3000..3600).
pub const MAGIC: u16 = 10000 + (fnv(NAMES, FORMAT_VERSION) % 50000) as u16;

struct Out(Vec<u8>);

impl Out {
    fn uint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8 & 0x7F) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.uint(b.len() as u64);
        self.0.extend_from_slice(b);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    fn strs(&mut self, v: &[String]) {
        self.uint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }
    fn konst(&mut self, c: &Const) {
        match c {
            Const::None => self.0.push(0),
            Const::Bool(b) => self.0.push(if *b { 2 } else { 1 }),
            Const::Int(i) => {
                self.0.push(3);
                self.uint(((i << 1) ^ (i >> 63)) as u64);
            }
            Const::BigInt(s) => {
                self.0.push(4);
                self.str(s);
            }
            Const::Float(f) => {
                self.0.push(5);
                self.0.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            Const::Complex(a, b) => {
                self.0.push(6);
                self.0.extend_from_slice(&a.to_bits().to_le_bytes());
                self.0.extend_from_slice(&b.to_bits().to_le_bytes());
            }
            Const::Str(s) => {
                self.0.push(7);
                self.str(s);
            }
            Const::StrCps(cps) => {
                self.0.push(8);
                self.uint(cps.len() as u64);
                for c in cps {
                    self.uint(*c as u64);
                }
            }
            Const::Bytes(b) => {
                self.0.push(9);
                self.bytes(b);
            }
            Const::Ellipsis => self.0.push(10),
            Const::Tuple(items) | Const::FrozenSet(items) => {
                self.0.push(if matches!(c, Const::Tuple(_)) { 11 } else { 12 });
                self.uint(items.len() as u64);
                for it in items {
                    self.konst(it);
                }
            }
            Const::Code(code) => {
                self.0.push(13);
                self.code(code);
            }
        }
    }
    fn code(&mut self, c: &CodeObject) {
        self.str(&c.name);
        self.str(&c.qualname);
        self.str(&c.filename);
        for v in [c.first_line, c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags, c.stacksize] {
            self.uint(v as u64);
        }
        self.strs(&c.varnames);
        self.strs(&c.cellvars);
        self.strs(&c.freevars);
        self.uint(c.cell_params.len() as u64);
        for (a, b) in &c.cell_params {
            self.uint(*a as u64);
            self.uint(*b as u64);
        }
        self.strs(&c.names);
        self.uint(c.consts.len() as u64);
        for k in &c.consts {
            self.konst(k);
        }
        self.uint(c.code.len() as u64);
        for i in &c.code {
            let (k, x) = encode_instr(*i);
            self.0.push(k);
            if k & 0x80 != 0 {
                self.uint(x as u64);
            }
        }
        self.uint(c.positions.len() as u64);
        for l in c.positions.iter() {
            for v in [l.line, l.end_line, l.col, l.end_col] {
                self.uint(v as u64);
            }
        }
        self.uint(c.exc_table.len() as u64);
        for e in &c.exc_table {
            for v in [e.start, e.end, e.handler, e.depth] {
                self.uint(v as u64);
            }
        }
        match &c.doc {
            None => self.0.push(0),
            Some(d) => {
                self.0.push(1);
                self.str(d);
            }
        }
    }
}

/// The bytes of a code object (its nested code objects included).
pub fn encode(c: &CodeObject) -> Vec<u8> {
    let mut o = Out(Vec::new());
    o.uint(MAGIC as u64);
    o.code(c);
    o.0
}

struct In<'a> {
    d: &'a [u8],
    at: usize,
    depth: usize,
}

type R<T> = Result<T, &'static str>;

impl In<'_> {
    fn byte(&mut self) -> R<u8> {
        let b = *self.d.get(self.at).ok_or("truncated")?;
        self.at += 1;
        Ok(b)
    }
    fn uint(&mut self) -> R<u64> {
        let mut v: u64 = 0;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            if shift >= 64 {
                return Err("bad integer");
            }
            v |= ((b & 0x7F) as u64) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
    }
    fn u32(&mut self) -> R<u32> {
        u32::try_from(self.uint()?).map_err(|_| "bad integer")
    }
    fn len(&mut self) -> R<usize> {
        let n = self.uint()? as usize;
        if n > self.d.len() - self.at.min(self.d.len()) + 1 {
            return Err("bad length");
        }
        Ok(n)
    }
    fn raw(&mut self) -> R<&[u8]> {
        let n = self.len()?;
        let s = self.d.get(self.at..self.at + n).ok_or("truncated")?;
        self.at += n;
        Ok(s)
    }
    fn str(&mut self) -> R<String> {
        String::from_utf8(self.raw()?.to_vec()).map_err(|_| "bad string")
    }
    fn strs(&mut self) -> R<Vec<String>> {
        let n = self.len()?;
        (0..n).map(|_| self.str()).collect()
    }
    fn f64(&mut self) -> R<f64> {
        let b = self.d.get(self.at..self.at + 8).ok_or("truncated")?;
        self.at += 8;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_bits(u64::from_le_bytes(a)))
    }
    fn konst(&mut self) -> R<Const> {
        Ok(match self.byte()? {
            0 => Const::None,
            1 => Const::Bool(false),
            2 => Const::Bool(true),
            3 => {
                let v = self.uint()?;
                Const::Int(((v >> 1) as i64) ^ -((v & 1) as i64))
            }
            4 => Const::BigInt(self.str()?),
            5 => Const::Float(self.f64()?),
            6 => Const::Complex(self.f64()?, self.f64()?),
            7 => Const::Str(self.str()?),
            8 => {
                let n = self.len()?;
                Const::StrCps((0..n).map(|_| self.u32()).collect::<R<_>>()?)
            }
            9 => Const::Bytes(self.raw()?.to_vec()),
            10 => Const::Ellipsis,
            k @ (11 | 12) => {
                let n = self.len()?;
                let items = (0..n).map(|_| self.konst()).collect::<R<Vec<_>>>()?;
                if k == 11 {
                    Const::Tuple(items)
                } else {
                    Const::FrozenSet(items)
                }
            }
            13 => Const::Code(Rc::new(self.code()?)),
            _ => return Err("bad constant"),
        })
    }
    fn code(&mut self) -> R<CodeObject> {
        self.depth += 1;
        if self.depth > 200 {
            return Err("too deeply nested");
        }
        let name = self.str()?;
        let qualname = self.str()?;
        let filename: Rc<str> = Rc::from(self.str()?.as_str());
        let mut v = [0u32; 6];
        for x in v.iter_mut() {
            *x = self.u32()?;
        }
        let varnames = self.strs()?;
        let cellvars = self.strs()?;
        let freevars = self.strs()?;
        let n = self.len()?;
        let cell_params = (0..n).map(|_| Ok((self.u32()?, self.u32()?))).collect::<R<Vec<_>>>()?;
        let names = self.strs()?;
        let n = self.len()?;
        let consts = (0..n).map(|_| self.konst()).collect::<R<Vec<_>>>()?;
        let n = self.len()?;
        let mut code = Vec::with_capacity(n);
        for _ in 0..n {
            let k = self.byte()?;
            let x = if k & 0x80 != 0 { self.u32()? } else { 0 };
            code.push(decode_instr(k, x).ok_or("bad instruction")?);
        }
        let n = self.len()?;
        let mut positions = Positions::new();
        for _ in 0..n {
            let l = Loc { line: self.u32()?, end_line: self.u32()?, col: self.u32()?, end_col: self.u32()? };
            positions.push(l);
        }
        let n = self.len()?;
        let mut exc_table = Vec::with_capacity(n);
        for _ in 0..n {
            exc_table.push(ExcEntry { start: self.u32()?, end: self.u32()?, handler: self.u32()?, depth: self.u32()? });
        }
        let doc = match self.byte()? {
            0 => None,
            _ => Some(self.str()?),
        };
        if positions.len() != code.len() && !positions.is_empty() {
            return Err("bad position table");
        }
        let len = code.len() as u32;
        if exc_table.iter().any(|e| e.start > e.end || e.end > len || e.handler >= len.max(1)) {
            return Err("bad exception table");
        }
        let ncells = (cellvars.len() + freevars.len()) as u32;
        if cell_params.iter().any(|&(c, p)| c as usize >= cellvars.len() || p as usize >= varnames.len()) {
            return Err("bad cell parameters");
        }
        check_operands(&code, consts.len() as u32, varnames.len() as u32, ncells, names.len() as u32)?;
        self.depth -= 1;
        Ok(CodeObject {
            name,
            qualname,
            filename,
            first_line: v[0],
            argcount: v[1],
            posonlyargcount: v[2],
            kwonlyargcount: v[3],
            flags: v[4],
            stacksize: v[5],
            varnames,
            cellvars,
            freevars,
            cell_params,
            names,
            consts,
            code,
            positions,
            exc_table,
            doc,
        })
    }
}

/// Refuses instructions whose operands index past the tables they refer to (what the
/// interpreter would index without a check), jumps out of the code, code that can run off
/// its end, and the instructions only the VM makes (superinstructions, the JIT's hook).
fn check_operands(code: &[Instr], nconsts: u32, nlocals: u32, ncells: u32, nnames: u32) -> R<()> {
    use Instr::*;
    if !code.last().is_some_and(|i| i.is_terminal()) {
        return Err("code runs off its end");
    }
    for &i in code {
        let ok = match i {
            LoadConst(k) => k < nconsts,
            LoadFast(k) | StoreFast(k) | DeleteFast(k) => k < nlocals,
            LoadDeref(k) | StoreDeref(k) | DeleteDeref(k) | LoadClosure(k) | LoadClassDeref(k) => k < ncells,
            LoadGlobal(k) | StoreGlobal(k) | DeleteGlobal(k) | LoadName(k) | StoreName(k) | DeleteName(k)
            | LoadAttr(k) | StoreAttr(k) | DeleteAttr(k) | LoadMethod(k) | ImportName(k) | ImportFrom(k) => k < nnames,
            JitHook | LoadFastLoadFast(_) | LoadFastLoadConst(_) | LoadConstLoadFast(_) | StoreFastLoadFast(_)
            | StoreFastStoreFast(_) => false,
            _ => i.target().map_or(true, |t| (t as usize) < code.len()),
        };
        if !ok {
            return Err("bad instruction operand");
        }
    }
    Ok(())
}

/// A code object from `encode`'s bytes, and the number of bytes it took; an error when
/// they were written by a pyjit whose format differs, or are damaged.
pub fn decode(d: &[u8]) -> Result<(CodeObject, usize), &'static str> {
    let mut i = In { d, at: 0, depth: 0 };
    if i.uint()? != MAGIC as u64 {
        return Err("code object of another pyjit version");
    }
    let c = i.code()?;
    Ok((c, i.at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let src = "import os\nclass A:\n    'doc'\n    def f(self, *a, k=1, **kw):\n        return [x for x in a if x > 1.5 + 2j]\ntry:\n    pass\nexcept E as e:\n    y = (1, 'a', b'b', ..., None, 10**30)\n";
        let code = crate::compile(src, "t.py", crate::Mode::Exec).expect("compiles");
        let bytes = encode(&code);
        let (back, n) = decode(&bytes).expect("decodes");
        assert_eq!(n, bytes.len());
        assert_eq!(back, code);
        assert!(decode(&bytes[..bytes.len() - 3]).is_err());
        // an operand past its table is refused
        let mut bad = code.clone();
        bad.code.insert(0, Instr::LoadConst(9999));
        bad.positions = Positions::new();
        assert_eq!(decode(&encode(&bad)).err(), Some("bad instruction operand"));
    }
}

//! One code object under construction: instructions, labels, the stack depth, and the
//! exception handler active at each instruction (turned into the exception table at the end).

/// Fx hashing: the compiler hashes short names, where SipHash cost 3% of a start-up.
type HashMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;
use std::rc::Rc;

use crate::code::{CodeObject, Const, ExcEntry, Loc};
use crate::compile::FBlock;
use crate::opcode::Instr;
use crate::positions::Positions;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(pub u32);

pub struct Unit<'a> {
    pub scope: usize,
    pub name: String,
    pub qualname: String,
    pub first_line: u32,
    pub class_name: Option<String>,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub code: Vec<Instr>,
    pub locs: Positions,
    pub loc: Loc,
    pub consts: Vec<Const>,
    pub names: Vec<String>,
    names_map: HashMap<String, u32>,
    pub varnames: Vec<String>,
    varnames_map: HashMap<String, u32>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    labels: Vec<Option<u32>>,
    label_depth: Vec<Option<i32>>,
    /// Instructions whose operand is a label number still to resolve.
    fixups: Vec<usize>,
    pub depth: i32,
    max_depth: i32,
    /// Set after an instruction that never falls through, until a label is bound.
    unreachable: bool,
    /// Handlers active now, innermost last: (handler label, stack depth).
    pub handlers: Vec<(Label, i32)>,
    /// The innermost handler at each instruction.
    instr_handler: Vec<Option<(Label, i32)>>,
    pub fblocks: Vec<FBlock<'a>>,
    pub doc: Option<String>,
    /// Stack depth each handler label was registered with.
    handler_depth: HashMap<u32, i32>,
}

impl<'a> Unit<'a> {
    pub fn new(scope: usize, name: &str, qualname: &str, first_line: u32, class_name: Option<String>) -> Unit<'a> {
        Unit {
            scope,
            name: name.to_string(),
            qualname: qualname.to_string(),
            first_line,
            class_name,
            flags: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            code: Vec::new(),
            locs: Positions::new(),
            loc: Loc { line: first_line, end_line: first_line, col: 0, end_col: 0 },
            consts: Vec::new(),
            names: Vec::new(),
            names_map: HashMap::default(),
            varnames: Vec::new(),
            varnames_map: HashMap::default(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            labels: Vec::new(),
            label_depth: Vec::new(),
            fixups: Vec::new(),
            depth: 0,
            max_depth: 0,
            unreachable: false,
            handlers: Vec::new(),
            instr_handler: Vec::new(),
            fblocks: Vec::new(),
            doc: None,
            handler_depth: HashMap::default(),
        }
    }

    pub fn add_const(&mut self, c: Const) -> u32 {
        // Identical simple constants share a slot; code objects and floats are compared exactly.
        if let Some(i) = self.consts.iter().position(|x| const_same(x, &c)) {
            return i as u32;
        }
        self.consts.push(c);
        self.consts.len() as u32 - 1
    }

    pub fn add_name(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.names_map.get(n) {
            return i;
        }
        self.names.push(n.to_string());
        let i = self.names.len() as u32 - 1;
        self.names_map.insert(n.to_string(), i);
        i
    }

    pub fn varname_index(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.varnames_map.get(n) {
            return i;
        }
        self.varnames.push(n.to_string());
        let i = self.varnames.len() as u32 - 1;
        self.varnames_map.insert(n.to_string(), i);
        i
    }

    /// Index of a cell or free variable in the frame's cell area.
    pub fn deref_index(&mut self, n: &str) -> u32 {
        if let Some(i) = self.cellvars.iter().position(|c| c == n) {
            return i as u32;
        }
        if let Some(i) = self.freevars.iter().position(|c| c == n) {
            return (self.cellvars.len() + i) as u32;
        }
        self.freevars.push(n.to_string());
        (self.cellvars.len() + self.freevars.len() - 1) as u32
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        self.label_depth.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    fn note_label_depth(&mut self, l: Label, d: i32) {
        let slot = &mut self.label_depth[l.0 as usize];
        *slot = Some(slot.map_or(d, |x| x.max(d)));
    }

    pub fn bind(&mut self, l: Label) {
        self.labels[l.0 as usize] = Some(self.code.len() as u32);
        if let Some(d) = self.label_depth[l.0 as usize] {
            if self.unreachable {
                self.depth = d;
            }
        }
        self.unreachable = false;
    }

    /// Marks `l` as an exception handler: entered with the depth it was registered with
    /// (or `depth` if it never was) plus the exception.
    pub fn bind_handler(&mut self, l: Label, depth: i32) {
        let depth = self.handler_depth.get(&l.0).copied().unwrap_or(depth);
        self.labels[l.0 as usize] = Some(self.code.len() as u32);
        self.depth = depth + 1;
        self.max_depth = self.max_depth.max(self.depth);
        self.unreachable = false;
    }

    pub fn emit(&mut self, i: Instr) {
        self.code.push(i);
        self.locs.push(self.loc);
        self.instr_handler.push(self.handlers.last().copied());
        self.depth += i.stack_effect(false);
        self.max_depth = self.max_depth.max(self.depth);
        if i.is_terminal() {
            self.unreachable = true;
        }
    }

    pub fn emit_jump(&mut self, i: Instr, l: Label) {
        let after_jump = self.depth + i.with_target(0).stack_effect(true);
        self.note_label_depth(l, after_jump);
        self.fixups.push(self.code.len());
        self.emit(i.with_target(l.0));
    }

    pub fn push_handler(&mut self, l: Label) {
        let d = *self.handler_depth.entry(l.0).or_insert(self.depth);
        self.handlers.push((l, d));
    }
    pub fn pop_handler(&mut self) -> Option<(Label, i32)> {
        self.handlers.pop()
    }

    pub fn finish(mut self, filename: Rc<str>, cell_params: Vec<(u32, u32)>) -> Result<CodeObject, String> {
        for &at in &self.fixups {
            let l = self.code[at].target().unwrap_or(0);
            let target = self.labels[l as usize].ok_or("internal error: unbound label")?;
            self.code[at] = self.code[at].with_target(target);
        }
        let mut exc_table: Vec<ExcEntry> = Vec::new();
        for (ip, h) in self.instr_handler.iter().enumerate() {
            let Some((label, depth)) = h else { continue };
            let handler = self.labels[label.0 as usize].ok_or("internal error: unbound handler")?;
            let depth = *depth as u32;
            match exc_table.last_mut() {
                Some(e) if e.end == ip as u32 && e.handler == handler && e.depth == depth => e.end += 1,
                _ => exc_table.push(ExcEntry { start: ip as u32, end: ip as u32 + 1, handler, depth }),
            }
        }
        Ok(CodeObject {
            name: self.name,
            qualname: self.qualname,
            filename,
            first_line: self.first_line,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: self.flags,
            varnames: self.varnames,
            cellvars: self.cellvars,
            freevars: self.freevars,
            cell_params,
            names: self.names,
            consts: self.consts,
            code: self.code,
            positions: self.locs,
            exc_table,
            stacksize: self.max_depth.max(0) as u32 + 2,
            doc: self.doc,
        })
    }
}

fn const_same(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::Float(x), Const::Float(y)) => x.to_bits() == y.to_bits(),
        (Const::Complex(a1, b1), Const::Complex(a2, b2)) => a1.to_bits() == a2.to_bits() && b1.to_bits() == b2.to_bits(),
        (Const::Code(_), _) | (_, Const::Code(_)) => false,
        (Const::Tuple(x), Const::Tuple(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| const_same(p, q)),
        (Const::Bool(x), Const::Bool(y)) => x == y,
        (Const::Int(x), Const::Int(y)) => x == y,
        (Const::Bool(_), _) | (_, Const::Bool(_)) => false,
        _ => a == b,
    }
}

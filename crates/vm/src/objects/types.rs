//! Classes, plain instances and the hidden classes (maps) that lay out their attributes.

use std::cell::{Cell, RefCell};
use crate::fxhash::FxHashMap as HashMap;

use crate::heap::{ObjKind, Trace, Tracer, Value};

pub mod type_flags {
    /// Created by a class statement (attributes may be set on it).
    pub const HEAPTYPE: u32 = 1;
    /// May be subclassed.
    pub const BASETYPE: u32 = 2;
    /// Instances have no `__dict__` (only `__slots__`).
    pub const NO_DICT: u32 = 4;
    /// Has `__getattribute__` or `__getattr__` overridden in Python: no fast attribute path.
    pub const CUSTOM_GETATTR: u32 = 8;
    /// Defines `__setattr__`/`__delattr__` in Python.
    pub const CUSTOM_SETATTR: u32 = 16;
    /// An exception class.
    pub const EXCEPTION: u32 = 32;
    pub const ABSTRACT: u32 = 64;
    /// A native class whose instances have a `__dict__` anyway (kept in the VM's side
    /// table), like collections.OrderedDict's.
    pub const INSTANCE_DICT: u32 = 128;
}

pub struct TypeObj {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub bases: RefCell<Vec<Value>>,
    pub mro: RefCell<Vec<Value>>,
    /// The class namespace (a dict).
    pub dict: Value,
    /// Layout of instances: `Instance` for Python classes over `object`, or the builtin
    /// payload they extend.
    pub instance_kind: ObjKind,
    /// Bumped whenever this class or a base changes: caches and traces guard on it.
    pub version: Cell<u64>,
    pub flags: Cell<u32>,
    /// `__slots__` names, when the class declares them.
    pub slots: RefCell<Vec<Value>>,
    /// Direct subclasses, to bump their versions.
    pub subclasses: RefCell<Vec<Value>>,
    /// The empty map instances of this class start from.
    pub root_map: Cell<Value>,
}

impl TypeObj {
    /// A class before its MRO is computed: version 1, no slots, subclasses or root map.
    pub fn new(name: String, qualname: String, bases: Vec<Value>, dict: Value, instance_kind: ObjKind, flags: u32) -> TypeObj {
        TypeObj {
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            bases: RefCell::new(bases),
            mro: RefCell::new(Vec::new()),
            dict,
            instance_kind,
            version: Cell::new(1),
            flags: Cell::new(flags),
            slots: RefCell::new(Vec::new()),
            subclasses: RefCell::new(Vec::new()),
            root_map: Cell::new(Value::NULL),
        }
    }
}

impl TypeObj {
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }
}

impl Trace for TypeObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.dict);
        t.visit(self.root_map.get());
        for cell in [&self.bases, &self.mro, &self.slots, &self.subclasses] {
            if let Ok(v) = cell.try_borrow() {
                t.visit_all(&v);
            }
        }
    }
}

/// A hidden class: the attribute names of an instance in slot order. Maps are shared and
/// never change; adding an attribute moves an instance to the transition map.
pub struct MapObj {
    /// Interned attribute names, in slot order.
    pub names: Vec<Value>,
    /// Name (interned str address) → slot.
    pub index: HashMap<u64, u32>,
    pub transitions: RefCell<HashMap<u64, Value>>,
}

impl MapObj {
    pub fn lookup(&self, name: Value) -> Option<usize> {
        self.index.get(&name.raw()).map(|&i| i as usize)
    }
}

impl Trace for MapObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit_all(&self.names);
        if let Ok(tr) = self.transitions.try_borrow() {
            for v in tr.values() {
                t.visit(*v);
            }
        }
    }
}

/// An instance of a Python class: attributes in `slots` laid out by `map`, or in `dict`
/// once the map was given up (NULL otherwise).
pub struct InstanceObj {
    pub map: Cell<Value>,
    pub slots: RefCell<Vec<Value>>,
    pub dict: Cell<Value>,
}

impl Trace for InstanceObj {
    fn trace(&self, t: &mut Tracer) {
        t.visit(self.map.get());
        t.visit(self.dict.get());
        match self.slots.try_borrow() {
            Ok(s) => t.visit_all(&s),
            Err(_) => crate::interp::fatal("GC ran while instance slots were being mutated"),
        }
    }
}

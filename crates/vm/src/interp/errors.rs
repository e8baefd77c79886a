//! Python exceptions as Rust errors, and helpers to raise the common ones.

use crate::heap::Value;
use crate::objects::{ExceptionObj, StrObj, TupleObj};

use super::Vm;

/// A raised Python exception (the exception instance).
#[derive(Debug, Clone, Copy)]
pub struct PyErr(pub Value);

pub type PyResult<T> = Result<T, PyErr>;

impl Vm {
    /// An exception instance of class `ty` with one str argument.
    pub fn new_exc(&mut self, ty: Value, msg: &str) -> Value {
        let m = self.new_str(msg);
        let args = self.new_tuple(vec![m]);
        self.new_exc_args(ty, args)
    }

    pub fn new_exc_args(&mut self, ty: Value, args: Value) -> Value {
        self.alloc(
            ty,
            ExceptionObj {
                args: std::cell::Cell::new(args),
                traceback: std::cell::Cell::new(Value::NULL),
                cause: std::cell::Cell::new(Value::NULL),
                context: std::cell::Cell::new(Value::NULL),
                suppress_context: std::cell::Cell::new(false),
                dict: std::cell::Cell::new(Value::NULL),
                group: std::cell::Cell::new(Value::NULL),
            },
        )
        .value()
    }

    pub fn err(&mut self, ty: Value, msg: &str) -> PyErr {
        PyErr(self.new_exc(ty, msg))
    }
    pub fn type_error(&mut self, msg: &str) -> PyErr {
        let t = self.types.type_error;
        self.err(t, msg)
    }
    pub fn value_error(&mut self, msg: &str) -> PyErr {
        let t = self.types.value_error;
        self.err(t, msg)
    }
    pub fn index_error(&mut self, msg: &str) -> PyErr {
        let t = self.types.index_error;
        self.err(t, msg)
    }
    pub fn attribute_error(&mut self, msg: &str) -> PyErr {
        let t = self.types.attribute_error;
        self.err(t, msg)
    }
    pub fn overflow_error(&mut self, msg: &str) -> PyErr {
        let t = self.types.overflow_error;
        self.err(t, msg)
    }
    pub fn zero_division(&mut self, msg: &str) -> PyErr {
        let t = self.types.zero_division_error;
        self.err(t, msg)
    }
    pub fn runtime_error(&mut self, msg: &str) -> PyErr {
        let t = self.types.runtime_error;
        self.err(t, msg)
    }
    pub fn memory_error(&mut self) -> PyErr {
        let t = self.types.memory_error;
        let args = self.empty_tuple;
        PyErr(self.new_exc_args(t, args))
    }
    /// MemoryError unless `bytes` can be allocated: a size the program asks for is checked
    /// before the memory is taken (as CPython's malloc of it would fail). Small sizes pass
    /// without a test.
    pub fn check_alloc(&mut self, bytes: usize) -> PyResult<()> {
        if bytes <= 1 << 26 {
            return Ok(());
        }
        let mut probe: Vec<u8> = Vec::new();
        if probe.try_reserve_exact(bytes).is_err() {
            return Err(self.memory_error());
        }
        Ok(())
    }
    /// A C int argument: TypeError for a non-int, OverflowError beyond i32.
    pub fn c_int_arg(&mut self, v: Value) -> PyResult<i32> {
        if v.kind() == Some(crate::heap::ObjKind::Float) {
            return Err(self.type_error("'float' object cannot be interpreted as an integer"));
        }
        let i = self.index_of(v)?;
        match self.as_i64(i).and_then(|n| i32::try_from(n).ok()) {
            Some(n) => Ok(n),
            None => Err(self.overflow_error("Python int too large to convert to C int")),
        }
    }
    /// An index-sized int argument (Py_ssize_t): OverflowError beyond i64.
    pub fn ssize_arg(&mut self, v: Value) -> PyResult<i64> {
        let i = self.index_of(v)?;
        match self.as_i64(i) {
            Some(n) => Ok(n),
            None => Err(self.overflow_error("Python int too large to convert to C ssize_t")),
        }
    }
    pub fn recursion_error(&mut self) -> PyErr {
        let t = self.types.recursion_error;
        self.err(t, "maximum recursion depth exceeded")
    }
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let t = self.types.key_error;
        let args = self.new_tuple(vec![key]);
        PyErr(self.new_exc_args(t, args))
    }
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let t = self.types.stop_iteration;
        let args = if value.is_null() || value == self.none { self.empty_tuple } else { self.new_tuple(vec![value]) };
        PyErr(self.new_exc_args(t, args))
    }
    pub fn name_error(&mut self, name: Value) -> PyErr {
        let n = self.str_of(name);
        let t = self.types.name_error;
        let e = self.err(t, &format!("name '{n}' is not defined"));
        let key = self.intern("name");
        let _ = self.set_exc_attr(e.0, key, name);
        e
    }

    /// Sets an attribute in an exception's instance dict.
    pub fn set_exc_attr(&mut self, exc: Value, name: Value, v: Value) -> PyResult<()> {
        if let Some(e) = exc.get::<ExceptionObj>() {
            if e.dict.get().is_null() {
                let d = self.new_dict();
                e.dict.set(d);
            }
            let d = e.dict.get();
            self.dict_set(d, name, v)?;
        }
        Ok(())
    }

    /// Raises when a recursion limit is passed.
    pub fn enter_native(&mut self) -> PyResult<()> {
        self.enter_native_at(" while calling a Python object")
    }

    /// Like `enter_native`; `site` ends the RecursionError's message the way CPython words it
    /// for that place (" while getting the repr of an object", " in comparison", ...).
    pub fn enter_native_at(&mut self, site: &str) -> PyResult<()> {
        self.native_depth += 1;
        if self.native_depth > self.recursion_limit + 50 || self.native_depth > 20000 {
            self.native_depth -= 1;
            let t = self.types.recursion_error;
            return Err(self.err(t, &format!("maximum recursion depth exceeded{site}")));
        }
        Ok(())
    }
    pub fn leave_native(&mut self) {
        self.native_depth -= 1;
    }

    /// The exception's class name and message, as the last line of a traceback prints them.
    pub fn exc_summary(&mut self, exc: Value) -> String {
        let ty = self.type_of(exc);
        let name = self.type_name_qualified(ty);
        let msg = match self.str(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    pub fn exc_args(&self, exc: Value) -> Vec<Value> {
        exc.get::<ExceptionObj>()
            .and_then(|e| e.args.get().get::<TupleObj>().map(|t| t.items.to_vec()))
            .unwrap_or_default()
    }

    /// The class name as tracebacks print it (module-qualified outside builtins).
    pub fn type_name_qualified(&mut self, ty: Value) -> String {
        let name = self.type_name(ty);
        let module_key = self.intern("__module__");
        let module = self.type_dict_get(ty, module_key);
        match module.and_then(|m| m.get::<StrObj>().map(|s| s.s.to_string())) {
            Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{name}"),
            _ => name,
        }
    }
}

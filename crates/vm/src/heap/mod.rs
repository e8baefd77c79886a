//! Everything that touches raw memory: the value word, object headers, the collector and
//! the architecture-specific register spill. The rest of the VM is safe Rust.

pub mod arch;
pub mod cell_read;
pub mod fd;
pub mod gc;
pub mod layout;
pub mod object;
pub mod small_alloc;
pub mod value;

pub use gc::{Collected, Heap};
pub use object::{Header, ObjKind, Payload, Trace, Tracer};
pub use value::{Gc, Obj, Value};

//! Object payloads: one Rust type per object layout (see `heap::object` for the kind table).

mod dict;
mod io;
mod iter;
mod native;
mod set;
mod simple;
mod types;

pub use dict::{DictObj, DictTable};
pub use io::IoObj;
pub use iter::{IterObj, IterState};
pub use native::{NativeData, NativeNext, NativeObj, NoData};
pub use set::{Probe, SetObj, SetTable};
pub use simple::*;
pub use types::{InstanceObj, MapObj, TypeObj, type_flags};

//! The payload of the regular expression objects (`re.Pattern`, `re.Match`,
//! `_sre.SRE_Scanner`); their Rust data is defined by `modules::sre`.

use crate::heap::{Trace, Tracer};

pub use crate::modules::sre::SreObj;

impl Trace for SreObj {
    fn trace(&self, t: &mut Tracer) {
        self.visit(t);
    }
}

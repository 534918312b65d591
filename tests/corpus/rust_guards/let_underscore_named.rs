// `let _g = m.lock()` is a binding: the guard lives to the end of the block.
use std::sync::Mutex;

pub struct Flag {
    m: Mutex<bool>,
}

impl Flag {
    pub fn touch(&self) {
        let _g = self.m.lock();
        *self.m.lock().unwrap() = true; //~ double-lock
    }
}

// `let _ = m.lock()` binds nothing: the guard is dropped at once.
use std::sync::Mutex;

pub struct Flag {
    m: Mutex<bool>,
}

impl Flag {
    pub fn touch(&self) {
        let _ = self.m.lock();
        *self.m.lock().unwrap() = true;
    }
}

// std RwLock: a second `read` may wait behind a queued writer; `write` under `read` waits
// for ourselves.
use std::sync::{Arc, RwLock};

pub struct Config {
    inner: Arc<RwLock<Vec<String>>>,
}

impl Config {
    pub fn lookup(&self) -> usize {
        let a = self.inner.read().unwrap();
        let b = self.inner.read().unwrap(); //~ double-lock
        a.len() + b.len()
    }

    pub fn upgrade(&self) {
        let r = self.inner.read().unwrap();
        if r.is_empty() {
            self.inner.write().unwrap().push(String::new()); //~ double-lock
        }
    }
}

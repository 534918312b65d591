// One read guard at a time; the read guard is dropped before writing.
use std::sync::{Arc, RwLock};

pub struct Config {
    inner: Arc<RwLock<Vec<String>>>,
}

impl Config {
    pub fn lookup(&self) -> usize {
        let a = self.inner.read().unwrap();
        a.len() * 2
    }

    pub fn upgrade(&self) {
        let empty = self.inner.read().unwrap().is_empty();
        if empty {
            self.inner.write().unwrap().push(String::new());
        }
        if let Ok(mut w) = self.inner.try_write() {
            w.clear();
        }
    }
}

// Dropped on every path before the lock is taken again; no release of a lock not held.
use std::sync::Mutex;

pub struct Cache {
    map: Mutex<Vec<u32>>,
}

impl Cache {
    pub fn refill(&self, full: bool) {
        let g = self.map.lock().unwrap();
        if full {
            drop(g);
        } else {
            std::mem::drop(g);
        }
        self.map.lock().unwrap().clear();
    }
}

// `drop(g)` releases, but only on the path that runs it.
use std::mem;
use std::sync::Mutex;

pub struct Cache {
    map: Mutex<Vec<u32>>,
}

impl Cache {
    pub fn refill(&self, full: bool) {
        let g = self.map.lock().unwrap();
        if full {
            drop(g);
        }
        self.map.lock().unwrap().clear(); //~ double-lock
    }

    pub fn refill_mem(&self) {
        let g = self.map.lock().unwrap();
        mem::drop(g);
        self.map.lock().unwrap().clear();
    }
}

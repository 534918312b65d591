// A `let`-bound guard lives to the end of its block: the second `lock()` waits for it.
use std::sync::Mutex;

pub struct Queue {
    items: Mutex<Vec<u32>>,
}

impl Queue {
    pub fn push_twice(&self, x: u32) {
        let mut items = self.items.lock().unwrap();
        items.push(x);
        self.items.lock().unwrap().push(x); //~ double-lock
    }
}

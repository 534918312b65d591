// The guard's block ends before the second `lock()`.
use std::sync::Mutex;

pub struct Queue {
    items: Mutex<Vec<u32>>,
}

impl Queue {
    pub fn push_twice(&self, x: u32) {
        {
            let mut items = self.items.lock().unwrap();
            items.push(x);
        }
        self.items.lock().unwrap().push(x);
    }
}

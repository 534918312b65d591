// A `while let` scrutinee's temporary guard lives through the loop body.
use std::sync::Mutex;

pub struct Work {
    queue: Mutex<Vec<u32>>,
}

impl Work {
    pub fn drain(&self) {
        while let Some(job) = self.queue.lock().unwrap().pop() {
            if job > 10 {
                self.queue.lock().unwrap().push(job - 10); //~ double-lock
            }
        }
    }
}

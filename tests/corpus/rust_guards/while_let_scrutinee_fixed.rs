// The pop's guard ends with its own statement; the loop body takes the lock afresh.
use std::sync::Mutex;

pub struct Work {
    queue: Mutex<Vec<u32>>,
}

impl Work {
    pub fn drain(&self) {
        loop {
            let job = self.queue.lock().unwrap().pop();
            let Some(job) = job else { break };
            if job > 10 {
                self.queue.lock().unwrap().push(job - 10);
            }
        }
    }
}

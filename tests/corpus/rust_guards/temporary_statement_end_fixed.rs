// Each temporary guard is dropped at the end of its own statement.
use std::sync::Mutex;

pub struct Stats {
    counts: Mutex<Vec<u64>>,
}

impl Stats {
    pub fn append_len(&self) {
        let n = self.counts.lock().unwrap().len() as u64;
        self.counts.lock().unwrap().push(n);
        self.counts.lock().unwrap().push(n + 1);
    }
}

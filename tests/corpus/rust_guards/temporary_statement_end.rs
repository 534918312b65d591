// A temporary guard lives to the end of its statement: here the statement locks twice.
use std::sync::Mutex;

pub struct Stats {
    counts: Mutex<Vec<u64>>,
}

impl Stats {
    pub fn append_len(&self) {
        let n = self.counts.lock().unwrap().len() as u64;
        self.counts.lock().unwrap().push(self.counts.lock().unwrap().len() as u64 + n); //~ double-lock
    }
}

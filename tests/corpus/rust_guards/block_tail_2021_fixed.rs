// Two statements: each guard ends with its own.
use std::sync::Mutex;

pub struct Pair {
    m: Mutex<Vec<u8>>,
}

impl Pair {
    pub fn total(&self) -> usize {
        let a = self.m.lock().unwrap().len();
        let b = self.m.lock().unwrap().len();
        a + b
    }
}

// Edition 2021: the temporaries of a block's tail expression live to the end of the
// enclosing statement (2024 drops them at the block's end: see edition2024/).
use std::sync::Mutex;

pub struct Pair {
    m: Mutex<Vec<u8>>,
}

impl Pair {
    pub fn total(&self) -> usize {
        let a = { self.m.lock().unwrap().len() } + self.m.lock().unwrap().len(); //~ double-lock
        a
    }
}

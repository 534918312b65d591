// Edition 2024 (from Cargo.toml): the `if let` scrutinee's temporaries are dropped before
// `else`, and a block's tail temporaries at the block's end. The `then` block still holds.
use std::sync::Mutex;

pub struct Slots {
    free: Mutex<Vec<usize>>,
}

impl Slots {
    pub fn take(&self) -> usize {
        if let Some(i) = self.free.lock().unwrap().last().copied() {
            self.free.lock().unwrap().push(i); //~ double-lock
            i
        } else {
            self.free.lock().unwrap().push(0);
            0
        }
    }

    pub fn total(&self) -> usize {
        let a = { self.free.lock().unwrap().len() } + self.free.lock().unwrap().len();
        a
    }
}

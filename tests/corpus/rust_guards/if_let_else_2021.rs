// Edition 2021: an `if let` scrutinee's temporaries live through the `else` block too
// (the 2024 edition drops them before it: see edition2024/).
use std::sync::Mutex;

pub struct Slots {
    free: Mutex<Vec<usize>>,
}

impl Slots {
    pub fn take(&self) -> usize {
        if let Some(i) = self.free.lock().unwrap().last().copied() {
            i
        } else {
            self.free.lock().unwrap().push(0); //~ double-lock
            0
        }
    }
}

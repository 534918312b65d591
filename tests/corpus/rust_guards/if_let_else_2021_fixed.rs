// The scrutinee is computed in its own statement first.
use std::sync::Mutex;

pub struct Slots {
    free: Mutex<Vec<usize>>,
}

impl Slots {
    pub fn take(&self) -> usize {
        let last = self.free.lock().unwrap().last().copied();
        if let Some(i) = last {
            i
        } else {
            self.free.lock().unwrap().push(0);
            0
        }
    }
}

// A trylock's guard is held only where it succeeded; taking the lock again there waits
// for ourselves.
use std::sync::Mutex;

pub struct Once {
    state: Mutex<u32>,
}

impl Once {
    pub fn poke(&self) {
        if let Ok(mut s) = self.state.try_lock() {
            *s += 1;
            *self.state.lock().unwrap() += 1; //~ double-lock
        }
    }
}

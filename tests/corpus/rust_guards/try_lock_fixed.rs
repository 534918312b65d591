// The failure side does not hold the lock: taking it there is fine.
use std::sync::Mutex;

pub struct Once {
    state: Mutex<u32>,
}

impl Once {
    pub fn poke(&self) {
        if let Ok(mut s) = self.state.try_lock() {
            *s += 1;
        } else {
            *self.state.lock().unwrap() += 1;
        }
        match self.state.try_lock() {
            Ok(s) => drop(s),
            Err(_) => *self.state.lock().unwrap() += 1,
        }
        let Ok(g) = self.state.try_lock() else {
            *self.state.lock().unwrap() += 1;
            return;
        };
        drop(g);
    }
}

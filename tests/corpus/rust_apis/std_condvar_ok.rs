// std Condvar: `wait` takes the guard by value, releases the lock while it sleeps and
// gives the guard back; `wait_timeout` returns it in a tuple.
use std::sync::{Condvar, Mutex};
use std::time::Duration;

pub struct Gate {
    open: Mutex<bool>,
    cv: Condvar,
}

impl Gate {
    pub fn wait_open(&self) {
        let mut open = self.open.lock().unwrap();
        while !*open {
            open = self.cv.wait(open).unwrap();
        }
        let (g, _timeout) = self.cv.wait_timeout(open, Duration::from_millis(1)).unwrap();
        drop(g);
        *self.open.lock().unwrap() = false;
    }
}

// Guards returned, moved into a struct or passed by value leave the function: no
// unreleased-lock, and nothing is released twice.
use std::sync::{Mutex, MutexGuard};

pub struct Table {
    rows: Mutex<Vec<u32>>,
}

pub struct Locked<'a> {
    guard: MutexGuard<'a, Vec<u32>>,
}

fn consume(_g: MutexGuard<'_, Vec<u32>>) {}

impl Table {
    pub fn rows(&self) -> MutexGuard<'_, Vec<u32>> {
        let g = self.rows.lock().unwrap();
        if g.is_empty() {
            return g;
        }
        g
    }

    pub fn wrap(&self) -> Locked<'_> {
        let g = self.rows.lock().unwrap();
        Locked { guard: g }
    }

    pub fn hand_over(&self, give: bool) -> Result<(), ()> {
        let g = self.rows.lock().map_err(|_| ())?;
        if give {
            consume(g);
            return Ok(());
        }
        Ok(())
    }
}

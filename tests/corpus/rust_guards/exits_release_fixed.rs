// Every exit releases; the outer guard is dropped before the loop.
use std::sync::Mutex;

pub struct Ring {
    slots: Mutex<Vec<u32>>,
}

fn check(x: u32) -> Result<u32, ()> {
    if x > 3 { Err(()) } else { Ok(x) }
}

impl Ring {
    pub fn scan(&self, xs: &[u32]) -> Result<(), ()> {
        for &x in xs {
            let g = self.slots.lock().map_err(|_| ())?;
            if g.is_empty() {
                continue;
            }
            check(x)?;
            if x == 0 {
                break;
            }
            if x == 1 {
                return Ok(());
            }
        }
        let outer = self.slots.lock().unwrap();
        drop(outer);
        for _ in xs {
            self.slots.lock().unwrap().push(0);
        }
        Ok(())
    }
}

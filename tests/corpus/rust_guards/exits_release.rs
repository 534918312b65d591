// `return`, `?`, `break` and `continue` release the guards of the scopes they leave; a
// guard taken before a loop is still held inside it.
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
        for _ in xs {
            self.slots.lock().unwrap().push(0); //~ double-lock
        }
        drop(outer);
        Ok(())
    }
}

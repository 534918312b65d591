// `let r = &*m.lock().unwrap();` extends the temporary guard to the end of the block.
use std::sync::Mutex;

pub struct Names {
    list: Mutex<Vec<String>>,
}

impl Names {
    pub fn first_then_add(&self) -> usize {
        let names = &*self.list.lock().unwrap();
        let n = names.len();
        self.list.lock().unwrap().push(String::new()); //~ double-lock
        n
    }
}

// A method call's result is not extended: the guard is dropped at the end of the `let`.
use std::sync::Mutex;

pub struct Names {
    list: Mutex<Vec<String>>,
}

impl Names {
    pub fn first_then_add(&self) -> usize {
        let n = self.list.lock().unwrap().len();
        self.list.lock().unwrap().push(String::new());
        n
    }
}

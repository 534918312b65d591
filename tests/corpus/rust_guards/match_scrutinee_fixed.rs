// The lookup's guard ends with its `let` statement, before the `match`.
use std::collections::HashMap;
use std::sync::Mutex;

pub struct Registry {
    map: Mutex<HashMap<u32, String>>,
}

impl Registry {
    pub fn get_or_insert(&self, k: u32) -> String {
        let found = self.map.lock().unwrap().get(&k).cloned();
        match found {
            Some(v) => v,
            None => {
                self.map.lock().unwrap().insert(k, String::new());
                String::new()
            }
        }
    }
}

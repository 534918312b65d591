// The classic: a temporary guard in a `match` scrutinee lives through every arm.
use std::collections::HashMap;
use std::sync::Mutex;

pub struct Registry {
    map: Mutex<HashMap<u32, String>>,
}

impl Registry {
    pub fn get_or_insert(&self, k: u32) -> String {
        match self.map.lock().unwrap().get(&k) {
            Some(v) => v.clone(),
            None => {
                self.map.lock().unwrap().insert(k, String::new()); //~ double-lock
                String::new()
            }
        }
    }
}

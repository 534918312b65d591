use std::sync::Mutex;

pub mod ops;
pub mod stats;

pub struct Inode {
    pub meta: Mutex<u64>,
    pub data: Mutex<Vec<u8>>,
}

pub struct Fs {
    pub inodes: Vec<Inode>,
    pub journal: Mutex<Vec<u64>>,
}

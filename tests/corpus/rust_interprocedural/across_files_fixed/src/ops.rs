use crate::{Fs, Inode};

impl Inode {
    pub fn with_meta<F: FnOnce(&mut u64)>(&self, f: F) {
        let mut m = self.meta.lock().unwrap();
        f(&mut m);
    }

    pub fn write(&self, bytes: &[u8]) {
        let mut d = self.data.lock().unwrap();
        d.extend_from_slice(bytes);
        self.with_meta(|size| *size += bytes.len() as u64);
    }
}

impl Fs {
    pub fn commit(&self, ino: &Inode) {
        let _j = self.journal.lock().unwrap();
        crate::stats::record_size(ino);
    }
}

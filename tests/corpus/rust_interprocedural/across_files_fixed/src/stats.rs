use crate::{Fs, Inode};

pub fn record_size(ino: &Inode) {
    ino.with_meta(|size| {
        let _ = *size;
    });
}

impl Fs {
    pub fn truncate(&self, ino: &Inode) {
        let data = ino.data.lock().unwrap();
        ino.with_meta(|size| *size = 0);
        drop(data);
    }

    pub fn replay(&self, ino: &Inode) {
        let _j = self.journal.lock().unwrap();
        ino.with_meta(|_| {});
    }

    pub fn relock(&self, ino: &Inode) {
        {
            let _m = ino.meta.lock().unwrap();
        }
        record_size(ino);
    }
}

// Only real locks count: `io::stdout().lock()`, `File::lock()` and a type of our own with a
// `lock` method are not lock events.
use std::fs::File;
use std::io::{self, Write};

pub struct Door;

impl Door {
    pub fn lock(&self) {}
}

pub fn write_twice(f: &File, door: &Door) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let mut again = io::stdout().lock();
    writeln!(out, "a")?;
    writeln!(again, "b")?;
    f.lock()?;
    f.lock()?;
    door.lock();
    door.lock();
    Ok(())
}

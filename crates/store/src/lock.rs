//! Who holds the data folder. The app takes an exclusive advisory lock on `heyat.lock` in
//! the data folder for as long as it runs; a restore takes the same lock for the time it
//! swaps the database, so a restore is refused while the app is open (the database cannot be
//! replaced under a program that has it open). The lock is the operating system's (`flock`
//! on Unix, `LockFileEx` on Windows): it goes away with the process, even a killed one.

use crate::StoreError;
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

/// The lock file's name inside the data folder.
pub const LOCK_FILE: &str = "heyat.lock";

/// The data folder held: released when dropped.
#[derive(Debug)]
pub struct DataLock {
    _file: File,
    path: PathBuf,
}

impl DataLock {
    /// Takes the data folder `data_dir` (creating it if needed), or answers
    /// [`StoreError::Locked`] at once when another program holds it.
    pub fn acquire(data_dir: &Path) -> Result<DataLock, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        let path = data_dir.join(LOCK_FILE);
        let io = |source| StoreError::Io {
            path: path.clone(),
            source,
        };
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => Ok(DataLock { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(StoreError::Locked {
                path: data_dir.to_path_buf(),
            }),
            Err(TryLockError::Error(e)) => Err(io(e)),
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

//! Secrets of this installation, kept in the data folder's `keys/` (the folder readable by
//! its owner only, each key file too): 32 random bytes per name, made on first use from the
//! operating system's randomness and read back afterwards. They never go into the database,
//! a backup or the audit log.

use crate::StoreError;
use std::io::Write;
use std::path::Path;

/// The folder of the keys inside the data folder.
pub(crate) const KEYS_DIR: &str = "keys";

/// The installation's secret called `name`: `data_dir/keys/<name>.key` (32 raw bytes), made
/// from the OS's randomness when it is not there yet.
pub(crate) fn installation_secret(data_dir: &Path, name: &str) -> Result<[u8; 32], StoreError> {
    let dir = data_dir.join(KEYS_DIR);
    let path = dir.join(format!("{name}.key"));
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    match std::fs::read(&path) {
        Ok(bytes) => {
            return <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| StoreError::Corrupt {
                what: "کلید نصب (پروندهٔ keys)",
                value: format!(
                    "«{}» {} بایت است نه ۳۲؛ آن را از پشتیبان کلیدها بازگردانید",
                    path.display(),
                    bytes.len()
                ),
            });
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(&path)(e)),
    }
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).map_err(io(&dir))?;
    }
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).map_err(|e| StoreError::Io {
        path: path.clone(),
        source: std::io::Error::other(format!("تصادف سیستم‌عامل در دسترس نیست: {e}")),
    })?;
    // Written whole to a temporary file, then linked in place: two first uses at once agree
    // on one key (the second finds the first's file and reads it).
    let tmp = dir.join(format!(".{name}.key.{}.part", std::process::id()));
    {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let _ = std::fs::remove_file(&tmp);
        let mut f = options.open(&tmp).map_err(io(&tmp))?;
        f.write_all(&key).map_err(io(&tmp))?;
        f.sync_all().map_err(io(&tmp))?;
    }
    let linked = std::fs::hard_link(&tmp, &path);
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => Ok(key),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            installation_secret(data_dir, name)
        }
        Err(e) => Err(io(&path)(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_made_once_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let first = installation_secret(dir.path(), "confidential").unwrap();
        let again = installation_secret(dir.path(), "confidential").unwrap();
        assert_eq!(first, again);
        assert_ne!(first, [0u8; 32]);
        let other = installation_secret(dir.path(), "other").unwrap();
        assert_ne!(first, other);
        let file = dir.path().join("keys/confidential.key");
        assert_eq!(std::fs::read(&file).unwrap(), first);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&dir.path().join("keys")), 0o700);
            assert_eq!(mode(&file), 0o600);
        }
        std::fs::write(&file, b"short").unwrap();
        let err = installation_secret(dir.path(), "confidential").unwrap_err();
        assert_eq!(err.code(), "corrupt", "{err}");
    }
}

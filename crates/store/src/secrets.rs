//! Secrets of this installation, kept in the data folder's `keys/` (private to the owner)
//! rather than in the database: a copy of the database alone does not carry them.

use crate::StoreError;
use std::io::Write;
use std::path::Path;

/// The 32-byte secret `name` of the installation in `data_dir/keys/NAME.key`, made from the
/// operating system's randomness the first time it is asked for.
pub(crate) fn installation_secret(data_dir: &Path, name: &str) -> Result<[u8; 32], StoreError> {
    let dir = data_dir.join("keys");
    let path = dir.join(format!("{name}.key"));
    let io = |source| StoreError::Io {
        path: path.clone(),
        source,
    };
    if let Ok(bytes) = std::fs::read(&path) {
        return <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
            io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "the key file is not 32 bytes",
            ))
        });
    }
    std::fs::create_dir_all(&dir).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).map_err(io)?;
    }
    let secret = crate::keys::random_bytes::<32>();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&path).map_err(io)?;
    file.write_all(&secret).map_err(io)?;
    file.sync_all().map_err(io)?;
    Ok(secret)
}

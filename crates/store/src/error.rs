use std::path::PathBuf;

/// What can go wrong in the store. Each variant has a stable [`StoreError::code`] for the UI
/// and a Persian message for people.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("پوشهٔ داده‌ها ({path}) ساخته نشد: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("خطای پایگاه داده: {0}")]
    Database(#[from] sqlx::Error),
    #[error("به‌روزرسانی ساختار پایگاه داده انجام نشد: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("مقدار «{value}» در پایگاه داده برای {what} معتبر نیست")]
    Corrupt { what: &'static str, value: String },
}

impl StoreError {
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::DataDir { .. } => "data_dir",
            StoreError::Database(_) => "database",
            StoreError::Migrate(_) => "migrate",
            StoreError::Corrupt { .. } => "corrupt",
        }
    }
}

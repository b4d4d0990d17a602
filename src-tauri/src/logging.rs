//! The app's log file, for support staff: `logs/heyat.log.YYYY-MM-DD` in the data folder,
//! a new file each day and the last 14 kept. What goes in: the start (version, data folder,
//! the audit chain's state), and every failed command with its code and message — each
//! message with every quoted value («…») blanked, so that nothing a person typed (a reporter's
//! name, a national id, a password) reaches the file (Art 20). `HEYAT_LOG` sets the level
//! (`info` by default).

use std::path::{Path, PathBuf};
use tracing_appender::rolling::{RollingFileAppender, Rotation};

/// The folder of the log files.
pub fn log_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

/// Starts logging to the data folder. A second call (tests open many apps) keeps the first.
pub fn init(data_dir: &Path) {
    // Made first: the appender prunes old files when built, and says so on stderr when the
    // folder is not there yet (a first start).
    let _ = std::fs::create_dir_all(log_dir(data_dir));
    let Ok(appender) = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("heyat.log")
        .max_log_files(14)
        .build(log_dir(data_dir))
    else {
        eprintln!("هیأت: پوشهٔ گزارش کار (logs) ساخته نشد؛ بی‌گزارش ادامه می‌دهد");
        return;
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("HEYAT_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(appender)
        .with_ansi(false)
        .with_target(false)
        .try_init();
}

/// A message with every «…» quoted value replaced by «…»: what the log may keep of it.
pub fn scrub(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut depth = 0usize;
    for c in message.chars() {
        match c {
            '«' => {
                if depth == 0 {
                    out.push_str("«…»");
                }
                depth += 1;
            }
            '»' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

/// The last `lines` lines of the newest log file, for the diagnostics.
pub fn tail(data_dir: &Path, lines: usize) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(log_dir(data_dir)) else {
        return Vec::new();
    };
    let newest = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("heyat.log"))
        })
        .max();
    let Some(text) = newest.and_then(|p| std::fs::read_to_string(p).ok()) else {
        return Vec::new();
    };
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..]
        .iter()
        .map(|l| l.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_never_reach_the_log() {
        assert_eq!(
            scrub("نام «رضا محمدی» و کد «۰۰۱۲۳۴۵۶۷۸» معتبر نیست"),
            "نام «…» و کد «…» معتبر نیست"
        );
        assert_eq!(scrub("«درون «تو» در تو» پایان"), "«…» پایان");
        assert_eq!(scrub("بی‌نقل‌قول"), "بی‌نقل‌قول");
    }
}

//! The verification code printed on every document: the SHA-256 of the document's input,
//! serialized compactly with its fields in schema order (so the same data always gives the
//! same code, whatever order the JSON arrived in), and a QR code carrying it.

use qrcode::{Color, EcLevel, QrCode};
use serde::Serialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// A document's verification code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// The full SHA-256, lower-case hex: what the archive stores and a check compares.
    pub sha256: String,
    /// The first 80 bits in five groups of four, as printed: `3F2A-9C1B-…`.
    pub code: String,
    /// What the QR code encodes: `heyat:KIND:SHA256`.
    pub payload: String,
}

impl Verification {
    /// The code of `input` for the document named `kind` (`ruling`, `minutes`, …).
    pub fn of<T: Serialize>(kind: &str, input: &T) -> Result<Verification, serde_json::Error> {
        let sha256 = sha256_hex(&serde_json::to_vec(input)?);
        let code = sha256[..20]
            .to_uppercase()
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("-");
        let payload = format!("heyat:{kind}:{sha256}");
        Ok(Verification {
            sha256,
            code,
            payload,
        })
    }

    pub(crate) fn to_json(&self) -> Value {
        json!({
            "sha256": self.sha256,
            "code": self.code,
            "qr": qr_runs(&self.payload),
        })
    }
}

/// The SHA-256 of `bytes`, lower-case hex.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The QR code of `payload` as runs of dark modules, `[x, y, width]` per run, for the
/// template to draw as rectangles (vector, no image).
pub(crate) fn qr_runs(payload: &str) -> Value {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
        .expect("a payload of a few hundred bytes fits a QR code");
    let size = code.width();
    let colors = code.to_colors();
    let mut runs = Vec::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if colors[y * size + x] == Color::Dark {
                let start = x;
                while x < size && colors[y * size + x] == Color::Dark {
                    x += 1;
                }
                runs.push(json!([start, y, x - start]));
            } else {
                x += 1;
            }
        }
    }
    json!({ "size": size, "runs": runs })
}

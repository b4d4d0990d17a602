//! The sealed ruling: a ruling with the board members' Ed25519 signatures, computed by the
//! store over the unsigned print. The signatures are typeset in the signature block, a QR
//! code carries both hashes, and the whole [`SealedRuling`] is attached to the PDF (PDF/A-3b)
//! as `heyat-seal.json`, which [`extract_seal`] reads back.
//!
//! Nothing here checks a signature: that is `heyat verify`'s work, against the board's
//! public keys. The renderer only refuses a seal that cannot belong to its input (another
//! content hash, malformed hex, an unreadable moment) so that a wrong seal is never printed.

use crate::RenderError;
use crate::input::RulingInput;
use crate::text::{fa, isolate_latin as iso, words};
use crate::verify::{qr_runs, sha256_hex};
use heyat_core::JalaliDate;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// The name of the attached file that carries the seal.
pub const SEAL_FILE: &str = "heyat-seal.json";

/// The version of [`Seal`] this renderer writes and reads.
pub const SEAL_VERSION: u32 = 1;

/// One member's signature, as computed by the store (hex strings are lower-case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealSignature {
    pub member_id: i64,
    /// Full name as printed.
    pub name: String,
    /// The seat, as printed («عضو قضایی»).
    pub seat_title: String,
    /// The Ed25519 public key, 64 hex digits.
    pub public_key: String,
    /// The key's fingerprint as printed («3F2A-9C1B-77D0-A1E4»).
    pub fingerprint: String,
    /// When the member signed, an ISO moment (`2026-12-03T10:15:00Z`).
    pub signed_at: String,
    /// The Ed25519 signature, 128 hex digits.
    pub signature: String,
}

/// The audit chain's head when the ruling locked, and the administrator key's signature
/// over it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditAnchor {
    pub seq: i64,
    /// 64 hex digits.
    pub head: String,
    /// The administrator key's fingerprint.
    pub fingerprint: String,
    /// 128 hex digits.
    pub signature: String,
}

/// What makes a ruling signed: the hashes the members signed and their signatures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seal {
    /// [`SEAL_VERSION`].
    pub version: u32,
    /// `ruling` or `appeal-ruling`.
    pub kind: String,
    /// The board's name.
    pub board: String,
    /// [`content_sha256`] of the input.
    pub content_sha256: String,
    /// SHA-256 of the unsigned ruling PDF ([`crate::Renderer::ruling`] or
    /// [`crate::Renderer::appeal_ruling`] bytes).
    pub body_sha256: String,
    pub signatures: Vec<SealSignature>,
    pub anchor: Option<AuditAnchor>,
}

impl Seal {
    /// What the sealed ruling's QR code encodes: `heyat:sealed:CONTENT:BODY`.
    pub fn payload(&self) -> String {
        format!("heyat:sealed:{}:{}", self.content_sha256, self.body_sha256)
    }
}

/// A ruling's input with its seal: what [`crate::Renderer::sealed_ruling`] prints and what
/// the PDF carries as `heyat-seal.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedRuling {
    pub input: RulingInput,
    pub seal: Seal,
}

/// The SHA-256 (lower-case hex) of the ruling's canonical form, `serde_json::to_vec(input)`
/// (fields in the struct's order): the same hash as the ruling's [`crate::Verification`].
pub fn content_sha256(input: &RulingInput) -> String {
    // Strings, numbers, enums and dates only: serializing cannot fail.
    sha256_hex(&serde_json::to_vec(input).expect("a RulingInput always serializes"))
}

fn bad(msg: impl Into<String>) -> RenderError {
    RenderError::Invalid(msg.into())
}

fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A moment in UTC: the ISO day and the minute and second of that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Moment {
    day: (i32, u8, u8),
    minute: u16,
    second: u8,
}

/// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z` or `±HH:MM`, into UTC.
fn parse_moment(text: &str) -> Option<Moment> {
    let t = text.trim();
    if !t.is_ascii() || t.len() < 17 {
        return None;
    }
    let (date, rest) = t.split_at(10);
    let date = JalaliDate::parse_iso(date).ok()?;
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (clock, offset) = if let Some(c) = rest.strip_suffix(['Z', 'z']) {
        (c, 0i64)
    } else {
        let at = rest.rfind(['+', '-'])?;
        let (c, zone) = rest.split_at(at);
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let (h, m) = zone[1..].split_once(':')?;
        let (h, m) = (num(h)?, num(m)?);
        if h > 14 || m > 59 {
            return None;
        }
        (c, sign * i64::from(h * 60 + m))
    };
    let mut parts = clock.splitn(3, ':');
    let hour = num(parts.next()?)?;
    let minute = num(parts.next()?)?;
    let second = match parts.next() {
        None => 0,
        Some(s) => num(s.split('.').next()?)?,
    };
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let total = i64::from(hour * 60 + minute) - offset;
    let day = date.add_days(total.div_euclid(1440)).ok()?;
    Some(Moment {
        day: day.iso(),
        minute: total.rem_euclid(1440) as u16,
        second: second.min(59) as u8,
    })
}

/// Iran Standard Time, UTC+03:30 (no daylight saving since 1402).
const TEHRAN_MINUTES: i64 = 210;

/// The day and the time in Tehran: («پنجشنبه ۱۴۰۵/۰۹/۱۲», «ساعت ۱۳:۴۵ به وقت تهران»).
fn moment_fa(m: Moment) -> Option<(String, String)> {
    let (y, mo, d) = m.day;
    let local = i64::from(m.minute) + TEHRAN_MINUTES;
    let day = JalaliDate::from_iso(y, mo, d)
        .ok()?
        .add_days(local.div_euclid(1440))
        .ok()?;
    let minute = local.rem_euclid(1440);
    Some((
        format!("{} {}", day.weekday().name_fa(), day.format_fa()),
        format!(
            "ساعت {}:{} به وقت تهران",
            fa(format!("{:02}", minute / 60)),
            fa(format!("{:02}", minute % 60)),
        ),
    ))
}

/// A hex string in groups of eight, so that it wraps between groups.
fn grouped(hex: &str) -> String {
    hex.as_bytes()
        .chunks(8)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks the seal against its input; returns whether it is an appeal ruling and the latest
/// signing moment (the sealed PDF's date).
pub(crate) fn check(sealed: &SealedRuling) -> Result<(bool, Moment), RenderError> {
    let seal = &sealed.seal;
    if seal.version != SEAL_VERSION {
        return Err(bad(format!(
            "نسخهٔ مهر ({}) پشتیبانی نمی‌شود؛ نسخهٔ {} لازم است",
            seal.version, SEAL_VERSION
        )));
    }
    let appeal = match seal.kind.as_str() {
        "ruling" => false,
        "appeal-ruling" => true,
        other => {
            return Err(bad(format!(
                "نوع مهر «{other}» شناخته نیست (ruling یا appeal-ruling)"
            )));
        }
    };
    if seal.content_sha256 != content_sha256(&sealed.input) {
        return Err(bad(
            "مهر از آنِ این رأی نیست: چکیدهٔ دادهٔ رأی (content_sha256) با دادهٔ آن نمی‌خواند",
        ));
    }
    if !is_hex(&seal.body_sha256, 64) {
        return Err(bad(
            "body_sha256 باید ۶۴ رقم شانزده‌شانزدهی با حروف کوچک باشد",
        ));
    }
    if seal.signatures.is_empty() {
        return Err(bad("مهر هیچ امضایی ندارد"));
    }
    let mut latest: Option<Moment> = None;
    for (i, s) in seal.signatures.iter().enumerate() {
        let who = if s.name.trim().is_empty() {
            format!("امضای {}", fa(i + 1))
        } else {
            format!("امضای {}", s.name)
        };
        if seal.signatures[..i]
            .iter()
            .any(|o| o.member_id == s.member_id)
        {
            return Err(bad(format!("{who}: این عضو دو بار امضا کرده است")));
        }
        if !is_hex(&s.public_key, 64) {
            return Err(bad(format!(
                "{who}: کلید عمومی باید ۶۴ رقم شانزده‌شانزدهی با حروف کوچک باشد"
            )));
        }
        if !is_hex(&s.signature, 128) {
            return Err(bad(format!(
                "{who}: امضا باید ۱۲۸ رقم شانزده‌شانزدهی با حروف کوچک باشد"
            )));
        }
        if s.fingerprint.trim().is_empty() || s.name.trim().is_empty() {
            return Err(bad(format!("{who}: نام یا اثر انگشت کلید خالی است")));
        }
        let m = parse_moment(&s.signed_at).ok_or_else(|| {
            bad(format!(
                "{who}: زمان امضا «{}» لحظهٔ ISO نیست (2026-12-03T10:15:00Z)",
                s.signed_at
            ))
        })?;
        latest = latest.max(Some(m));
    }
    if let Some(a) = &seal.anchor
        && (a.seq < 1 || !is_hex(&a.head, 64) || !is_hex(&a.signature, 128))
    {
        return Err(bad(
            "سرِ زنجیرهٔ دفتر رویدادها (anchor) نادرست است: شماره، head (۶۴ رقم) یا signature (۱۲۸ رقم)",
        ));
    }
    Ok((appeal, latest.expect("at least one signature")))
}

impl Moment {
    /// The moment as a PDF date (UTC).
    pub(crate) fn datetime(self) -> Option<typst::foundations::Datetime> {
        let (y, m, d) = self.day;
        typst::foundations::Datetime::from_ymd_hms(
            y,
            m,
            d,
            (self.minute / 60) as u8,
            (self.minute % 60) as u8,
            self.second,
        )
    }
}

/// The seal as the template prints it (`data.seal`), with the attachment's text.
pub(crate) fn prepare(sealed: &SealedRuling) -> Result<Value, RenderError> {
    let seal = &sealed.seal;
    let signers = seal
        .signatures
        .iter()
        .map(|s| {
            let (day, time) = parse_moment(&s.signed_at)
                .and_then(moment_fa)
                .ok_or_else(|| bad(format!("زمان امضای {} خوانده نشد", s.name)))?;
            Ok(json!({
                "name": iso(&s.name),
                "seat": iso(&s.seat_title),
                "fingerprint": s.fingerprint,
                "day": day,
                "time": time,
                "signature": grouped(&s.signature),
            }))
        })
        .collect::<Result<Vec<_>, RenderError>>()?;
    let n = seal.signatures.len();
    let of = sealed.input.members.len();
    let count = if n == of {
        format!("همهٔ {} ({}) عضو هیأت", words(n as u32), fa(n))
    } else {
        format!("{} ({}) عضو از {} عضو هیأت", words(n as u32), fa(n), fa(of))
    };
    let statement = iso(&format!(
        "این دادنامه را {count} با امضای الکترونیکی (Ed25519) امضا کرده‌اند. درستی امضاها را می‌توان با فرمان «heyat verify» در برابر کلیدهای عمومی اعضای هیأت سنجید؛ دادهٔ امضاها با نام heyat-seal.json پیوست همین فایل PDF است."
    ));
    let anchor = seal.anchor.as_ref().map(|a| {
        json!({
            "seq": fa(a.seq),
            // Isolated here: the ellipsis is not Latin and would go to the left in a box.
            "head": format!("\u{2066}{}…\u{2069}", &a.head[..16]),
            "fingerprint": a.fingerprint,
        })
    });
    let attachment =
        String::from_utf8(serde_json::to_vec(sealed)?).expect("serde_json writes UTF-8");
    Ok(json!({
        "count": fa(n),
        "signers": signers,
        "statement": statement,
        "content_sha256": seal.content_sha256,
        "body_sha256": seal.body_sha256,
        "qr": qr_runs(&seal.payload()),
        "anchor": anchor,
        "attachment": attachment,
        "description": format!("Heyat seal: the signatures of {n} board member(s) over this ruling (heyat verify)"),
    }))
}

/// Reads the seal attached to a sealed ruling's PDF (`heyat-seal.json`). `Ok(None)` when
/// the PDF has no such attachment (an unsigned print); an error when the bytes are not a
/// readable PDF or the attachment is not a [`SealedRuling`]. The seal is only read, not
/// checked: `heyat verify` checks the hashes and signatures.
pub fn extract_seal(pdf: &[u8]) -> Result<Option<SealedRuling>, RenderError> {
    let unreadable = |e: lopdf::Error| RenderError::Seal(format!("فایل PDF خوانا نیست: {e}"));
    let doc = lopdf::Document::load_mem(pdf).map_err(unreadable)?;
    let catalog = doc.catalog().map_err(unreadable)?;
    let Some(stream) = embedded_file(&doc, catalog, SEAL_FILE) else {
        return Ok(None);
    };
    let bytes = stream
        .decompressed_content_with_limit(MAX_SEAL_BYTES)
        .map_err(|e| RenderError::Seal(format!("پیوست {SEAL_FILE} باز نشد: {e}")))?;
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| RenderError::Seal(format!("پیوست {SEAL_FILE} دادهٔ مهر معتبری نیست: {e}")))
}

/// A seal is a few kilobytes; anything far larger is not one.
const MAX_SEAL_BYTES: usize = 16 << 20;

/// The stream of the embedded file named `name`, found through the catalog's
/// `/Names /EmbeddedFiles` name tree (keys or the file specification's `/UF` or `/F`).
fn embedded_file<'a>(
    doc: &'a lopdf::Document,
    catalog: &'a lopdf::Dictionary,
    name: &str,
) -> Option<&'a lopdf::Stream> {
    let names = deref(doc, catalog.get(b"Names").ok()?)?.as_dict().ok()?;
    let root = deref(doc, names.get(b"EmbeddedFiles").ok()?)?;
    let mut pending = vec![(root, 0u8)];
    while let Some((node, depth)) = pending.pop() {
        let Ok(node) = node.as_dict() else { continue };
        if let Ok(pairs) = node.get(b"Names").and_then(|o| o.as_array()) {
            for pair in pairs.chunks(2) {
                let [key, spec] = pair else { continue };
                let Some(spec) = deref(doc, spec).and_then(|s| s.as_dict().ok()) else {
                    continue;
                };
                let named = |o: Option<&lopdf::Object>| {
                    o.and_then(|o| deref(doc, o))
                        .and_then(|o| o.as_str().ok())
                        .is_some_and(|s| text_string(s) == name)
                };
                if named(Some(key)) || named(spec.get(b"UF").ok()) || named(spec.get(b"F").ok()) {
                    let ef = deref(doc, spec.get(b"EF").ok()?)?.as_dict().ok()?;
                    let file = ef.get(b"F").or_else(|_| ef.get(b"UF")).ok()?;
                    return deref(doc, file)?.as_stream().ok();
                }
            }
        }
        if depth < 16
            && let Ok(kids) = node.get(b"Kids").and_then(|o| o.as_array())
        {
            pending.extend(
                kids.iter()
                    .filter_map(|k| deref(doc, k))
                    .map(|k| (k, depth + 1)),
            );
        }
    }
    None
}

fn deref<'a>(doc: &'a lopdf::Document, object: &'a lopdf::Object) -> Option<&'a lopdf::Object> {
    doc.dereference(object).ok().map(|(_, o)| o)
}

/// A PDF text string: UTF-16BE with its byte-order mark, or (for the ASCII names compared
/// here) PDFDocEncoding read as Latin-1.
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_read_in_utc_and_shown_in_tehran_time() {
        let m = parse_moment("2026-12-03T10:15:00Z").unwrap();
        assert_eq!(m.day, (2026, 12, 3));
        assert_eq!(m.minute, 10 * 60 + 15);
        assert_eq!(
            moment_fa(m).unwrap(),
            (
                "پنجشنبه ۱۴۰۵/۰۹/۱۲".to_owned(),
                "ساعت ۱۳:۴۵ به وقت تهران".to_owned()
            )
        );
        // An offset is taken into account, and Tehran's +03:30 can roll over to the next day.
        let late = parse_moment("2026-12-03T23:00:00.123+00:00").unwrap();
        let (day, time) = moment_fa(late).unwrap();
        assert_eq!(day, "جمعه ۱۴۰۵/۰۹/۱۳");
        assert_eq!(time, "ساعت ۰۲:۳۰ به وقت تهران");
        let tehran = parse_moment("2026-12-03T13:45:00+03:30").unwrap();
        assert_eq!(tehran, m);
        let early = parse_moment("2026-01-01T01:00:00+03:30").unwrap();
        assert_eq!(early.day, (2025, 12, 31));
        for bad in [
            "2026-12-03",
            "2026-12-03T25:00:00Z",
            "2026-13-03T10:00Z",
            "x",
        ] {
            assert!(parse_moment(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn hex_is_grouped_for_wrapping() {
        assert_eq!(grouped(&"ab".repeat(8)), "abababab abababab");
    }
}

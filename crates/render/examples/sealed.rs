//! Renders the example ruling unsigned and sealed (with made-up keys and signatures), times
//! both and reads the seal back:
//! `cargo run -p heyat-render --example sealed [--release] -- [OUT_DIR]`.

use heyat_render::{
    AuditAnchor, Document, Renderer, RulingInput, Seal, SealSignature, SealedRuling,
    content_sha256, evict_cache, extract_seal,
};
use sha2::{Digest, Sha256};
use std::time::{Duration, Instant};

fn hex(label: &str, len: usize) -> String {
    (0..)
        .flat_map(|i| Sha256::digest(format!("{label}/{i}").as_bytes()).to_vec())
        .take(len / 2)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The median of `n` runs of `f`.
fn time<T>(n: usize, mut f: impl FnMut() -> T) -> (T, Duration) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..n {
        let start = Instant::now();
        last = Some(f());
        times.push(start.elapsed());
    }
    times.sort();
    (last.unwrap(), times[n / 2])
}

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| ".".to_owned());
    std::fs::create_dir_all(&out).expect("output folder");
    let renderer = Renderer::new();
    let input: RulingInput = serde_json::from_str(Document::Ruling.example()).unwrap();

    // typst memoizes: the cache is emptied before each run so that each render is complete.
    let (unsigned, t_unsigned) = time(9, || {
        evict_cache();
        renderer.ruling(&input).unwrap()
    });
    let body = Sha256::digest(&unsigned.pdf);
    let sealed = SealedRuling {
        seal: Seal {
            version: 1,
            kind: "ruling".into(),
            board: input.board.name.clone(),
            content_sha256: content_sha256(&input),
            body_sha256: body.iter().map(|b| format!("{b:02x}")).collect(),
            signatures: input
                .members
                .iter()
                .enumerate()
                .map(|(i, m)| SealSignature {
                    member_id: i as i64 + 1,
                    name: m.name.clone(),
                    seat_title: "عضو هیأت".into(),
                    public_key: hex(&format!("key{i}"), 64),
                    fingerprint: hex(&format!("key{i}"), 16).to_uppercase(),
                    signed_at: format!("2026-12-03T{:02}:15:00Z", 9 + i),
                    signature: hex(&format!("sig{i}"), 128),
                })
                .collect(),
            anchor: Some(AuditAnchor {
                seq: 1284,
                head: hex("head", 64),
                fingerprint: "9C1B-3F2A-A1E4-77D0".into(),
                signature: hex("anchor", 128),
            }),
        },
        input,
    };
    let (signed, t_signed) = time(9, || {
        evict_cache();
        renderer.sealed_ruling(&sealed).unwrap()
    });
    let (back, t_extract) = time(9, || extract_seal(&signed.pdf).unwrap());
    assert_eq!(back.as_ref(), Some(&sealed));

    for (name, r) in [("ruling-unsigned", &unsigned), ("ruling-sealed", &signed)] {
        std::fs::write(format!("{out}/{name}.pdf"), &r.pdf).expect("write PDF");
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "unsigned: {} bytes, {} pages, {:.0} ms (median of 9, memo cache evicted)",
        unsigned.pdf.len(),
        unsigned.pages,
        ms(t_unsigned)
    );
    println!(
        "sealed:   {} bytes, {} pages, {:.0} ms (median of 9, memo cache evicted)",
        signed.pdf.len(),
        signed.pages,
        ms(t_signed)
    );
    println!("extract_seal: {:.1} ms", ms(t_extract));
}

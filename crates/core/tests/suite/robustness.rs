//! Arbitrary and mutated input never panics `suggest_json`: it answers a JSON object or a
//! one-line error. A deterministic generator (xorshift) keeps failures reproducible.

use serde_json::{Map, Value, json};
use std::panic::{AssertUnwindSafe, catch_unwind};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const KEYS: &[&str] = &[
    "decided_on",
    "regulation",
    "manager",
    "charges",
    "record",
    "complaint_withdrawn",
    "holidays",
    "decision",
    "violation",
    "committed_on",
    "days",
    "last_prosecution_act_on",
    "grade",
    "res_judicata",
    "current_violation",
    "crime_found",
    "suspension_revoked",
    "deceased",
    "permanently_separated",
    "lacks_qualifications",
    "final_on",
    "carried_out_on",
    "acquitted",
    "charge_grade",
    "notified_on",
    "x",
];

const STRINGS: &[&str] = &[
    "1403/07/01",
    "1402/12/30",
    "1403/12/30",
    "1403/13/01",
    "۱۴۰۳/۰۵/۱۲",
    "2024-02-30",
    "2025-03-20",
    "0000/00/00",
    "9999/99/99",
    "1403/7/1",
    "",
    " ",
    "auto",
    "1401",
    "1396",
    "1392",
    "1404",
    "absence",
    "closure",
    "1401:38:g",
    "1401:41",
    "1401:41:a",
    "1396:37:2",
    "1392:25:12",
    "1401:34:z",
    "1401:30:a",
    ":::",
    "1401:",
    "١٤٠٣/٠١/٠١",
    "\u{0}",
    "🙂",
    "1200/01/01",
    "1600/12/29",
    "1199/12/29",
    "1403-07-01",
    "1403/07/01/",
];

fn arbitrary(rng: &mut Rng, depth: u32) -> Value {
    let choice = if depth > 4 {
        rng.below(5)
    } else {
        rng.below(8)
    };
    match choice {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => {
            let n = [
                0i64,
                1,
                2,
                3,
                4,
                5,
                6,
                7,
                8,
                -1,
                30,
                31,
                100_000,
                100_001,
                i64::MAX,
                i64::MIN,
            ];
            json!(*rng.pick(&n))
        }
        3 => json!(rng.below(1000) as f64 / 7.0),
        4 => json!(*rng.pick(STRINGS)),
        5 | 6 => {
            let mut m = Map::new();
            for _ in 0..rng.below(6) {
                m.insert(rng.pick(KEYS).to_string(), arbitrary(rng, depth + 1));
            }
            Value::Object(m)
        }
        _ => Value::Array(
            (0..rng.below(5))
                .map(|_| arbitrary(rng, depth + 1))
                .collect(),
        ),
    }
}

fn valid_case(rng: &mut Rng) -> Value {
    // Mostly valid cases under the 1401 code (so that the engine, not only the parser, is
    // exercised), with an older-code case now and then.
    let older = rng.below(5) == 0;
    let day = |rng: &mut Rng| 1 + rng.below(29);
    let (year0, clauses): (u64, &[&str]) = if older {
        (1397, &["1396:37:1", "1396:37:7", "1396:37:14"])
    } else {
        (
            1402,
            &[
                "1401:34:a",
                "1401:35:c",
                "1401:36:g",
                "1401:37:k",
                "1401:38:l",
                "1401:39:f",
                "1401:40:g",
                "1401:41",
                "absence",
                "closure",
            ],
        )
    };
    let date = |rng: &mut Rng, y: u64| format!("{}/{:02}/{:02}", y, 1 + rng.below(12), day(rng));
    let mut charges = Vec::new();
    for _ in 0..1 + rng.below(5) {
        let v = *rng.pick(clauses);
        let year = year0 + rng.below(2);
        let mut c = json!({"violation": v, "committed_on": date(rng, year)});
        if v == "absence" || v == "closure" {
            c["days"] = json!(1 + rng.below(40));
        }
        if (v == "1401:41" || older) && rng.below(2) == 0 {
            c["grade"] = json!(2 + rng.below(3));
        }
        if rng.below(4) == 0 {
            c["last_prosecution_act_on"] = json!(date(rng, 1404));
        }
        if rng.below(6) == 0 {
            c["res_judicata"] = json!(true);
        }
        if older && rng.below(2) == 0 {
            c["current_violation"] = json!(*rng.pick(&["1401:36:a", "1401:41", "1401:35:b"]));
        }
        charges.push(c);
    }
    let mut case = json!({
        "decided_on": date(rng, if older { 1400 } else { 1405 }),
        "regulation": "auto",
        "manager": {"deceased": rng.below(10) == 0, "permanently_separated": rng.below(10) == 0},
        "charges": charges,
        "record": [{"grade": 1 + rng.below(6), "final_on": date(rng, 1399), "carried_out_on": date(rng, 1400)}],
        "complaint_withdrawn": rng.below(2) == 0,
        "holidays": [date(rng, 1405)],
    });
    if rng.below(2) == 0 {
        case["decision"] = if rng.below(2) == 0 {
            json!({"grade": 1 + rng.below(6), "notified_on": date(rng, 1405)})
        } else {
            json!({"acquitted": true, "charge_grade": 1 + rng.below(6), "notified_on": date(rng, 1405)})
        };
    }
    case
}

/// Replaces one value somewhere inside `v` with an arbitrary one, or deletes a key.
fn mutate(rng: &mut Rng, v: &mut Value) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            let keys: Vec<String> = m.keys().cloned().collect();
            let k = rng.pick(&keys).clone();
            match rng.below(4) {
                0 => {
                    m.remove(&k);
                }
                1 => {
                    m.insert(k, arbitrary(rng, 2));
                }
                _ => mutate(rng, m.get_mut(&k).unwrap()),
            }
        }
        Value::Array(a) if !a.is_empty() => {
            let i = rng.below(a.len() as u64) as usize;
            if rng.below(3) == 0 {
                a.remove(i);
            } else {
                mutate(rng, &mut a[i]);
            }
        }
        other => *other = arbitrary(rng, 3),
    }
}

fn check(input: &str, ok: &mut usize, err: &mut usize) {
    let result = catch_unwind(AssertUnwindSafe(|| heyat_core::suggest_json(input)));
    match result {
        Err(_) => panic!("suggest_json panicked on: {input}"),
        Ok(Ok(out)) => {
            let v: Value = serde_json::from_str(&out).expect("output is JSON");
            assert!(v["outcome"].is_string() && v["steps"].is_array(), "{out}");
            *ok += 1;
        }
        Ok(Err(e)) => {
            let line = e.to_string();
            assert!(
                !line.contains('\n') && !e.field.is_empty() && !e.message.is_empty(),
                "{line:?}"
            );
            *err += 1;
        }
    }
}

#[test]
fn arbitrary_input_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut ok, mut err) = (0, 0);
    let rounds = 4000;
    for _ in 0..rounds {
        // Arbitrary JSON.
        check(&arbitrary(&mut rng, 0).to_string(), &mut ok, &mut err);
        // A valid-looking case, then mutated once and several times.
        let mut case = valid_case(&mut rng);
        check(&case.to_string(), &mut ok, &mut err);
        mutate(&mut rng, &mut case);
        check(&case.to_string(), &mut ok, &mut err);
        for _ in 0..3 {
            mutate(&mut rng, &mut case);
        }
        check(&case.to_string(), &mut ok, &mut err);
        // Truncated and byte-mangled text.
        let text = case.to_string();
        let cut = rng.below(text.len() as u64 + 1) as usize;
        let cut = (0..=cut)
            .rev()
            .find(|i| text.is_char_boundary(*i))
            .unwrap_or(0);
        check(&text[..cut], &mut ok, &mut err);
    }
    for text in [
        "",
        " ",
        "null",
        "[]",
        "{}",
        "\"x\"",
        "1e999",
        "{\"charges\":[]}",
        &"[".repeat(10_000),
    ] {
        check(text, &mut ok, &mut err);
    }
    let total = ok + err;
    eprintln!("robustness: {total} inputs, {ok} answered, {err} refused, no panic");
    assert_eq!(total, rounds * 5 + 9);
    assert!(ok > rounds, "too few valid cases reached the engine: {ok}");
}

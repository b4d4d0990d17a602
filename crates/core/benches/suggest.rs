//! Suggestions per second for a five-charge case: `cargo bench -p heyat-core`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const FIVE_CHARGES: &str = r#"{
  "decided_on": "1403/07/01",
  "charges": [
    { "violation": "1401:36:a", "committed_on": "1403/02/10" },
    { "violation": "absence", "days": 5, "committed_on": "1403/03/01",
      "last_prosecution_act_on": "1403/04/01" },
    { "violation": "1401:41", "committed_on": "1403/01/05" },
    { "violation": "closure", "days": 2, "committed_on": "1402/11/20" },
    { "violation": "1401:35:b", "committed_on": "1402/01/01", "res_judicata": true }
  ],
  "record": [
    { "grade": 3, "final_on": "1401/09/15", "carried_out_on": "1401/10/01" }
  ],
  "holidays": ["1403/07/28"],
  "decision": { "grade": 6, "notified_on": "1403/07/07" }
}"#;

fn bench(c: &mut Criterion) {
    // Load the regulations once outside the measurement, as the app does.
    heyat_core::suggest_json(FIVE_CHARGES).expect("the benchmark case is valid");
    let mut group = c.benchmark_group("suggest");
    group.throughput(Throughput::Elements(1));
    group.bench_function("five_charges_json", |b| {
        b.iter(|| heyat_core::suggest_json(black_box(FIVE_CHARGES)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

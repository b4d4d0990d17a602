//! Prints the data a template reads for KIND's example (or a JSON file):
//! `cargo run -p heyat-render --example prepared -- KIND [FILE]`.

use heyat_render::{Document, prepare_json};

fn main() {
    let mut args = std::env::args().skip(1);
    let doc = Document::from_name(&args.next().unwrap_or_default()).expect("a document name");
    let json = match args.next() {
        Some(path) => std::fs::read_to_string(path).expect("readable input"),
        None => doc.example().to_owned(),
    };
    let data = prepare_json(doc, &json).expect("valid input");
    println!("{}", serde_json::to_string_pretty(&data).unwrap());
}

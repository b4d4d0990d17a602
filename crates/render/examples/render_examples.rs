//! Renders every document's `--example` input into a folder, to look at the pages:
//! `cargo run -p heyat-render --example render_examples -- OUT_DIR`.

use heyat_render::{Document, Renderer};

fn main() {
    let out = std::env::args().nth(1).unwrap_or_else(|| ".".to_owned());
    std::fs::create_dir_all(&out).expect("output folder");
    let renderer = Renderer::new();
    for doc in Document::ALL {
        match renderer.render_json(doc, doc.example()) {
            Ok(r) => {
                let path = format!("{out}/{}.pdf", doc.name());
                std::fs::write(&path, &r.pdf).expect("write PDF");
                println!("{path}: {} pages", r.pages);
            }
            Err(e) => println!("{}: {e}", doc.name()),
        }
    }
}

//! `heyat render KIND DATA.json -o OUT.pdf` and `heyat render KIND --example`.
//! KIND is ruling, appeal-ruling, minutes, sitting-minutes, notice, summons, ranking or case-cover; the input schemas are in
//! `templates/README.md`. The verification code of the document goes to standard error.

use crate::{Failure, read_input};
use heyat_render::{Document, Renderer};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct RenderArgs {
    /// The document: ruling, appeal-ruling, minutes, sitting-minutes, notice, summons, ranking or case-cover.
    kind: String,
    /// The document's data as JSON; `-` reads standard input.
    data: Option<PathBuf>,
    /// Where to write the PDF.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Print a complete example input for KIND instead of rendering.
    #[arg(long)]
    example: bool,
}

pub fn run(args: &RenderArgs) -> Result<(), Failure> {
    let doc = Document::from_name(&args.kind).ok_or_else(|| {
        let known: Vec<&str> = Document::ALL.iter().map(|d| d.name()).collect();
        Failure::input(format!(
            "سند «{}» شناخته نیست؛ یکی از این‌ها را بدهید: {}",
            args.kind,
            known.join(", ")
        ))
    })?;
    if args.example {
        println!("{}", doc.example());
        return Ok(());
    }
    let (Some(data), Some(output)) = (&args.data, &args.output) else {
        return Err(Failure::input(
            "پروندهٔ داده‌ها و -o OUT.pdf هر دو لازم است (یا --example).",
        ));
    };
    let text = read_input(data)?;
    let rendered = Renderer::new()
        .render_json(doc, &text)
        .map_err(|e| Failure::input(e.to_string()))?;
    std::fs::write(output, &rendered.pdf)
        .map_err(|e| Failure::other(format!("«{}» نوشته نشد: {e}", output.display())))?;
    if let Some(v) = rendered.verification {
        eprintln!("کد تصدیق: {}", v.code);
    }
    Ok(())
}

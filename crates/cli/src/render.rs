//! `heyat render KIND DATA.json -o OUT.pdf`, `heyat render KIND --example`, and
//! `heyat render [KIND] --batch DIR [-o OUT_DIR]`: every `*.json` of DIR to a PDF of the
//! same name, on every core, with progress on standard error.
//! KIND is ruling, appeal-ruling, minutes, sitting-minutes, notice, summons, ranking or case-cover; the input schemas are in
//! `templates/README.md`. The verification code of the document goes to standard error.

use crate::{Failure, read_input};
use heyat_core::to_persian_digits;
use heyat_render::{Document, Renderer};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct RenderArgs {
    /// The document: ruling, appeal-ruling, minutes, sitting-minutes, notice, summons, ranking or case-cover
    /// (with --batch, ruling unless given).
    kind: Option<String>,
    /// The document's data as JSON; `-` reads standard input.
    data: Option<PathBuf>,
    /// Where to write the PDF.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Print a complete example input for KIND instead of rendering.
    #[arg(long)]
    example: bool,
    /// Render every `*.json` file of this folder (one document each) to a PDF of the same
    /// name, in the folder given by -o (or beside the data).
    #[arg(long, value_name = "DIR", conflicts_with_all = ["data", "example"])]
    batch: Option<PathBuf>,
    /// With --batch: threads (0: one per core).
    #[arg(long, default_value_t = 0, requires = "batch")]
    threads: usize,
}

pub fn run(args: &RenderArgs) -> Result<(), Failure> {
    let kind = match (&args.kind, &args.batch) {
        (Some(k), _) => k.as_str(),
        (None, Some(_)) => "ruling",
        (None, None) => {
            return Err(Failure::input(
                "نوع سند را بدهید (ruling، minutes، notice، …) یا --batch DIR.",
            ));
        }
    };
    let doc = Document::from_name(kind).ok_or_else(|| {
        let known: Vec<&str> = Document::ALL.iter().map(|d| d.name()).collect();
        Failure::input(format!(
            "سند «{kind}» شناخته نیست؛ یکی از این‌ها را بدهید: {}",
            known.join(", ")
        ))
    })?;
    if let Some(dir) = &args.batch {
        return batch(
            doc,
            dir,
            args.output.as_deref().unwrap_or(dir),
            args.threads,
        );
    }
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

/// Every `*.json` of `dir` to `out/NAME.pdf`, in parallel; a document that fails is named
/// with its reason and the others are still made (exit status 2 when any failed).
fn batch(doc: Document, dir: &Path, out: &Path, threads: usize) -> Result<(), Failure> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let read_dir = std::fs::read_dir(dir)
        .map_err(|e| Failure::input(format!("پوشهٔ «{}» خوانده نشد: {e}", dir.display())))?;
    let mut files: Vec<PathBuf> = read_dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Failure::input(format!(
            "در پوشهٔ «{}» پروندهٔ ‎.json‎ نیست.",
            dir.display()
        )));
    }
    std::fs::create_dir_all(out)
        .map_err(|e| Failure::other(format!("پوشهٔ «{}» ساخته نشد: {e}", out.display())))?;
    let texts = files
        .iter()
        .map(|f| read_input(f))
        .collect::<Result<Vec<_>, _>>()?;
    let inputs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let renderer = Renderer::new();
    let stop = AtomicBool::new(false);
    let done = AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    let start = std::time::Instant::now();
    let total = inputs.len();
    renderer.render_parallel(doc, &inputs, threads, &stop, |i, rendered| {
        let name = files[i].file_stem().unwrap_or_default().to_string_lossy();
        let written = rendered.map_err(|e| e.to_string()).and_then(|r| {
            let pdf = out.join(format!("{name}.pdf"));
            std::fs::write(&pdf, &r.pdf).map_err(|e| format!("«{}» نوشته نشد: {e}", pdf.display()))
        });
        if let (Err(reason), Ok(mut f)) = (written, failures.lock()) {
            f.push(format!("{}: {reason}", files[i].display()));
        }
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if n.is_multiple_of(10) || n == total {
            eprint!(
                "\r{} از {} سند",
                to_persian_digits(&n.to_string()),
                to_persian_digits(&total.to_string())
            );
        }
    });
    let failures = failures.into_inner().unwrap_or_default();
    eprintln!(
        "\n{} سند در {} ثانیه در «{}» ساخته شد{}.",
        to_persian_digits(&(total - failures.len()).to_string()),
        to_persian_digits(&format!("{:.1}", start.elapsed().as_secs_f64())),
        out.display(),
        if failures.is_empty() {
            String::new()
        } else {
            format!(
                "؛ {} سند ساخته نشد",
                to_persian_digits(&failures.len().to_string())
            )
        }
    );
    for f in &failures {
        eprintln!("{f}");
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(Failure::input(format!(
            "{} سند از {} ساخته نشد؛ دلیل هر یک در بالا آمده است.",
            to_persian_digits(&failures.len().to_string()),
            to_persian_digits(&total.to_string())
        )))
    }
}

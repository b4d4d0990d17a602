//! Benchmarks of heyat-render, side by side with XeLaTeX + xepersian and headless Chromium
//! typesetting the same ruling (the same prepared text, the same fonts):
//!
//! ```sh
//! cargo run -p heyat-render --example bench [--release] -- [OUT_DIR] [BATCH]
//! ```
//!
//! Measures the cold first render (a fresh process: renderer built, fonts parsed, first
//! document), the warm median of a two-page ruling (the same input again, and a different
//! input each time), and a batch of 500 rulings with the memo cache evicted every 50. The
//! other engines are used only when `xelatex` / `chromium` are on the PATH (Debian:
//! texlive-xetex texlive-lang-arabic, chromium); CI needs neither. The .tex, .html and PDFs
//! are left in OUT_DIR to look at.

use heyat_render::{Document, Renderer, prepare_json};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The example ruling shortened to two pages.
fn two_page_ruling() -> Value {
    let mut v: Value = serde_json::from_str(Document::Ruling.example()).unwrap();
    v["citations"] = serde_json::json!([]);
    let steps = v["steps"].as_array_mut().unwrap();
    steps.retain(|s| s["article"] != "1401:54" && s["mandatory"] == true);
    v["reasoning"].as_array_mut().unwrap().truncate(1);
    v["members"][2]["dissent"] = Value::Null;
    v
}

fn with_number(base: &Value, i: usize) -> String {
    let mut v = base.clone();
    v["ruling_number"] = Value::String(format!("۱۴۰۳/ب/{}", 100 + i));
    v["case_number"] = Value::String(format!("۱۴۰۳-{:04}", i));
    v.to_string()
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn on_path(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool} >/dev/null")])
        .status()
        .is_ok_and(|s| s.success())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--cold-child") {
        let json = two_page_ruling().to_string();
        let t = Instant::now();
        let r = Renderer::new();
        let built = t.elapsed();
        r.render_json(Document::Ruling, &json).unwrap();
        println!("{} {}", ms(built), ms(t.elapsed()));
        return;
    }
    let out = PathBuf::from(args.get(1).cloned().unwrap_or("/tmp/heyat-bench".into()));
    let batch: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(500);
    std::fs::create_dir_all(&out).unwrap();
    let profile = if cfg!(debug_assertions) {
        "dev profile (heyat code unoptimised, dependencies incl. typst at opt-level 1)"
    } else {
        "release profile"
    };
    println!("heyat-render benchmark — {profile}");

    let base = two_page_ruling();
    let json = base.to_string();

    // Cold: fresh processes.
    let exe = std::env::current_exe().unwrap();
    let mut cold = Vec::new();
    let mut build = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let o = Command::new(&exe).arg("--cold-child").output().unwrap();
        let wall = t.elapsed();
        let s = String::from_utf8_lossy(&o.stdout);
        let mut it = s
            .split_whitespace()
            .map(|x| x.parse::<f64>().unwrap_or(0.0));
        build.push(Duration::from_secs_f64(it.next().unwrap_or(0.0) / 1000.0));
        cold.push((
            Duration::from_secs_f64(it.next().unwrap_or(0.0) / 1000.0),
            wall,
        ));
    }
    let cold_render = median(cold.iter().map(|c| c.0).collect());
    let cold_wall = median(cold.iter().map(|c| c.1).collect());
    let build = median(build);

    let renderer = Renderer::new();
    let first = renderer.render_json(Document::Ruling, &json).unwrap();
    std::fs::write(out.join("typst.pdf"), &first.pdf).unwrap();
    assert_eq!(first.pages, 2, "the benchmark ruling should be two pages");

    let mut same = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        renderer.render_json(Document::Ruling, &json).unwrap();
        same.push(t.elapsed());
    }
    let warm_same = median(same);
    let mut distinct = Vec::new();
    for i in 0..30 {
        let j = with_number(&base, 10_000 + i);
        let t = Instant::now();
        renderer.render_json(Document::Ruling, &j).unwrap();
        distinct.push(t.elapsed());
    }
    let warm_distinct = median(distinct);
    // The case file's live preview: the same layout as SVG pages, a different draft each time.
    let mut preview = Vec::new();
    let mut svg_bytes = 0;
    for i in 0..30 {
        let input: heyat_render::RulingInput =
            serde_json::from_str(&with_number(&base, 20_000 + i)).unwrap();
        let t = Instant::now();
        svg_bytes += renderer
            .ruling_preview(&input, false)
            .unwrap()
            .iter()
            .map(String::len)
            .sum::<usize>();
        preview.push(t.elapsed());
    }
    let warm_preview = median(preview);

    // The same live preview as PNG pages at screen resolution: every page drawn, and only the
    // pages that changed (a keystroke in the reasoning changes page one, or both).
    let mut png_full = Vec::new();
    let mut png_bytes = Vec::new();
    let mut png_incremental = Vec::new();
    for i in 0..30 {
        let input: heyat_render::RulingInput =
            serde_json::from_str(&with_number(&base, 30_000 + i)).unwrap();
        let t = Instant::now();
        let pages = renderer
            .ruling_preview_png(&input, false, heyat_render::PREVIEW_SCALE, &[])
            .unwrap();
        png_full.push(t.elapsed());
        png_bytes.extend(pages.iter().map(|p| p.png.as_ref().unwrap().len()));
        let known: Vec<String> = pages.iter().map(|p| p.hash.clone()).collect();
        // The same draft with one letter more at the end of the reasoning (a keystroke).
        let mut v: Value = serde_json::from_str(&with_number(&base, 30_000 + i)).unwrap();
        if let Some(last) = v["reasoning"].as_array_mut().and_then(|s| s.last_mut()) {
            let text = format!("{}ه", last.as_str().unwrap_or(""));
            *last = Value::String(text);
        }
        let input: heyat_render::RulingInput = serde_json::from_value(v).unwrap();
        let t = Instant::now();
        let again = renderer
            .ruling_preview_png(&input, false, heyat_render::PREVIEW_SCALE, &known)
            .unwrap();
        png_incremental.push((
            t.elapsed(),
            again.iter().filter(|p| p.png.is_some()).count(),
        ));
    }
    png_bytes.sort();
    let redrawn: usize = png_incremental.iter().map(|p| p.1).sum();
    let png_incremental = median(png_incremental.into_iter().map(|p| p.0).collect());
    let png_full = median(png_full);

    let inputs: Vec<String> = (0..batch).map(|i| with_number(&base, i)).collect();
    let rss_before = rss_mib();
    let t = Instant::now();
    let bytes = std::sync::atomic::AtomicUsize::new(0);
    let rss_trace = std::sync::Mutex::new(Vec::new());
    let refs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let stop = std::sync::atomic::AtomicBool::new(false);
    let done_count = std::sync::atomic::AtomicUsize::new(0);
    renderer.render_parallel(Document::Ruling, &refs, 0, &stop, |_, r| {
        bytes.fetch_add(r.unwrap().pdf.len(), std::sync::atomic::Ordering::Relaxed);
        let n = done_count.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if n.is_multiple_of(100) {
            rss_trace.lock().unwrap().push(format!("{:.0}", rss_mib()));
        }
    });
    let bytes = bytes.into_inner();
    let rss_trace = rss_trace.into_inner().unwrap();
    let batch_time = t.elapsed();
    let rss_after = rss_mib();

    println!();
    println!("typst (heyat-render), two-page ruling:");
    println!(
        "  cold, fresh process: first render {:.0} ms (renderer built in {:.0} ms); process wall time {:.0} ms (median of 5)",
        ms(cold_render),
        ms(build),
        ms(cold_wall)
    );
    println!(
        "  warm median: {:.1} ms same input again, {:.1} ms a different input each time (30 renders each)",
        ms(warm_same),
        ms(warm_distinct)
    );
    println!(
        "  batch of {batch} distinct rulings on {} threads: {:.1} s, {:.1} ms per ruling, {:.1} MiB of PDF; RSS {:.0} → {:.0} MiB (peak {:.0} MiB), evicting every {}",
        heyat_render::workers(),
        batch_time.as_secs_f64(),
        ms(batch_time) / batch as f64,
        bytes as f64 / 1048576.0,
        rss_before,
        rss_after,
        peak_rss_mib(),
        heyat_render::EVICT_EVERY
    );
    println!("  RSS every 100 rulings (MiB): {}", rss_trace.join(" → "));
    println!(
        "  live preview as PNG pages at {} px/pt: every page drawn {:.1} ms; one letter typed, only changed pages drawn {:.1} ms ({} of 60 pages redrawn); PNG per page median {:.0} KiB, max {:.0} KiB (30 previews)",
        heyat_render::PREVIEW_SCALE,
        ms(png_full),
        ms(png_incremental),
        redrawn,
        png_bytes[png_bytes.len() / 2] as f64 / 1024.0,
        *png_bytes.last().unwrap() as f64 / 1024.0
    );
    println!(
        "  live preview (SVG pages), a different draft each time: median {:.1} ms, {:.0} KiB of SVG per ruling (30 previews)",
        ms(warm_preview),
        svg_bytes as f64 / 30.0 / 1024.0
    );

    let prepared = prepare_json(Document::Ruling, &json).unwrap();
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates/fonts");
    let fonts = fonts.canonicalize().unwrap();
    let per_doc_typst = ms(warm_distinct);

    if on_path("xelatex") {
        let tex = tex_ruling(&prepared, &fonts);
        std::fs::write(out.join("ruling.tex"), tex).unwrap();
        let run = || {
            let s = Command::new("xelatex")
                .args(["-interaction=batchmode", "-halt-on-error", "ruling.tex"])
                .current_dir(&out)
                .output()
                .unwrap();
            assert!(
                s.status.success(),
                "xelatex failed: see {}/ruling.log",
                out.display()
            );
        };
        run(); // warm the font caches once
        let mut one = Vec::new();
        let mut two = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            run();
            one.push(t.elapsed());
            run();
            two.push(t.elapsed());
        }
        let (one, two) = (median(one), median(two));
        println!();
        println!("XeLaTeX + xepersian, same ruling (fresh process per run, median of 5):");
        println!(
            "  one pass {:.0} ms; two passes (for «صفحه ۱ از ۲») {:.0} ms → {:.0}× / {:.0}× a warm typst render, {:.1}× a cold typst process",
            ms(one),
            ms(two),
            ms(one) / per_doc_typst,
            ms(two) / per_doc_typst,
            ms(two) / ms(cold_wall)
        );
        println!(
            "  500 rulings at two passes each ≈ {:.0} s (typst batch: {:.1} s)",
            ms(two) * 500.0 / 1000.0,
            batch_time.as_secs_f64() * 500.0 / batch as f64
        );
    } else {
        println!("\nxelatex not on PATH: skipped");
    }

    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| on_path(c));
    if let Some(chromium) = chromium {
        let html = html_ruling(&prepared, &fonts);
        let html_path = out.join("ruling.html");
        std::fs::write(&html_path, html).unwrap();
        let profile_dir = out.join("chromium-profile");
        let pdf = out.join("chromium.pdf");
        let run = || {
            let s = Command::new(chromium)
                .args([
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-pdf-header-footer",
                    &format!("--user-data-dir={}", profile_dir.display()),
                    &format!("--print-to-pdf={}", pdf.display()),
                    &format!("file://{}", html_path.display()),
                ])
                .output()
                .unwrap();
            assert!(s.status.success(), "chromium failed");
        };
        run();
        let mut runs = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            run();
            runs.push(t.elapsed());
        }
        let c = median(runs);
        println!();
        println!(
            "headless Chromium print-to-PDF, same ruling as HTML (fresh process per run, median of 5):"
        );
        println!(
            "  {:.0} ms → {:.0}× a warm typst render, {:.1}× a cold typst process",
            ms(c),
            ms(c) / per_doc_typst,
            ms(c) / ms(cold_wall)
        );
    } else {
        println!("\nchromium not on PATH: skipped");
    }
    println!("\nfiles in {}", out.display());
}

/// Text for TeX: special characters escaped, Latin runs (isolated by heyat-render) as \lr{}.
fn tex(s: &str) -> String {
    let mut o = String::new();
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\textbackslash{}"),
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                o.push('\\');
                o.push(c);
            }
            '~' => o.push_str("\\textasciitilde{}"),
            '^' => o.push_str("\\textasciicircum{}"),
            '\u{2066}' => o.push_str("\\lr{"),
            '\u{2069}' => o.push('}'),
            '\u{202d}' | '\u{202c}' => {}
            _ => o.push(c),
        }
    }
    o
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str().unwrap_or("")
}

fn tex_ruling(d: &Value, fonts: &Path) -> String {
    let f = fonts.display();
    let mut t = String::new();
    t.push_str(&format!(
        r"\documentclass[12pt,a4paper]{{article}}
\usepackage[margin=2cm,bottom=2.3cm]{{geometry}}
\usepackage{{array,longtable,fancyhdr,lastpage,xcolor,colortbl}}
\usepackage{{xepersian}}
\settextfont[Path={f}/,Extension=.ttf,BoldFont=NotoNaskhArabic-Bold]{{NotoNaskhArabic-Regular}}
\setlatintextfont[Path={f}/,Extension=.ttf,BoldFont=Vazirmatn-Bold]{{Vazirmatn-Regular}}
\defpersianfont\vazir[Path={f}/,Extension=.ttf,BoldFont=Vazirmatn-Bold]{{Vazirmatn-Regular}}
\pagestyle{{fancy}}\fancyhf{{}}\renewcommand{{\headrulewidth}}{{0pt}}
\cfoot{{\vazir\footnotesize صفحه \thepage{{}} از \pageref{{LastPage}}}}
\rfoot{{\vazir\footnotesize {title}}}
\lfoot{{\vazir\footnotesize کد تصدیق: \lr{{{code}}}}}
\setlength{{\parindent}}{{0pt}}\setlength{{\parskip}}{{0.5em}}
\begin{{document}}
\begin{{center}}{{\vazir\small بسمه تعالی}}\\[2pt]
{{\vazir\bfseries {board}}}\\[2pt]
{{\vazir\Large\bfseries {title}}}\end{{center}}
{{\vazir\small شمارهٔ دادنامه: {num} \hfill تاریخ: {date} \hfill شمارهٔ پرونده: {case}}}\par\hrule\medskip
{{\vazir\small\begin{{tabular}}{{|>{{\columncolor{{black!8}}}}l|p{{12.5cm}}|}}\hline
\textbf{{دفتر}} & {office}\\\hline
\textbf{{مدیر دفتر}} & {manager}\\\hline
\textbf{{شاکی / گزارش‌دهنده}} & {compl}\\\hline
\textbf{{موضوع}} & {subject}\\\hline
\end{{tabular}}}}
",
        title = tex(s(d, "title")),
        code = tex(s(&d["verification"], "code")),
        board = tex(s(d, "board")),
        num = tex(s(d, "ruling_number")),
        date = tex(s(d, "session_date")),
        case = tex(s(d, "case_number")),
        office = tex(s(d, "office")),
        manager = tex(s(d, "manager")),
        compl = tex(s(d, "complainant")),
        subject = tex(s(d, "subject")),
    ));
    let section = |t: &mut String, title: &str| {
        t.push_str(&format!("\n\\medskip{{\\vazir\\bfseries {title}}}\\par\n"));
    };
    section(&mut t, "خلاصهٔ شکایت");
    t.push_str(&format!("{}\\par\n", tex(s(d, "complaint_summary"))));
    section(&mut t, "خلاصهٔ دفاعیات");
    t.push_str(&format!("{}\\par\n", tex(s(d, "defence_summary"))));
    section(&mut t, "تخلفات منتسب");
    t.push_str("{\\vazir\\small\\begin{tabular}{|c|p{9.5cm}|c|c|}\\hline\n\\textbf{ردیف} & \\textbf{تخلف و مستند آن} & \\textbf{تاریخ وقوع} & \\textbf{یافتهٔ هیأت}\\\\\\hline\n");
    for (i, c) in d["charges"].as_array().unwrap().iter().enumerate() {
        let days = c["days"]
            .as_str()
            .map(|x| format!(" ({})", tex(x)))
            .unwrap_or_default();
        let facts = c["facts"]
            .as_str()
            .map(|x| format!("\\newline {}", tex(x)))
            .unwrap_or_default();
        t.push_str(&format!(
            "{} & {}{days}\\newline{{\\footnotesize {}}}{facts} & {} & {}\\\\\\hline\n",
            heyat_core::to_persian_digits(&(i + 1).to_string()),
            tex(s(c, "title")),
            tex(s(c, "heading")),
            tex(s(c, "committed_on")),
            tex(s(c, "finding"))
        ));
    }
    t.push_str("\\end{tabular}}\n");
    section(&mut t, "جهات و دلایل رأی");
    for p in d["reasoning"].as_array().unwrap() {
        t.push_str(&format!("{}\\par\n", tex(p.as_str().unwrap())));
    }
    t.push_str("هیأت در تعیین مجازات، مقررات را به ترتیب زیر اعمال کرد:\n\\begin{enumerate}\n");
    for p in d["steps"].as_array().unwrap() {
        t.push_str(&format!("\\item {}\n", tex(p.as_str().unwrap())));
    }
    t.push_str("\\end{enumerate}\n");
    section(&mut t, "رأی هیأت");
    t.push_str(&format!(
        "\\colorbox{{black!5}}{{\\parbox{{\\dimexpr\\linewidth-2\\fboxsep}}{{\\textbf{{{}}}}}}}\\par\n{}\\par\n{}\\par\n",
        tex(s(d, "operative")),
        tex(s(d, "majority")),
        tex(s(d, "appeal_notice"))
    ));
    section(&mut t, "مستندات رأی");
    for c in d["citations"].as_array().unwrap() {
        t.push_str(&format!(
            "{{\\vazir\\small\\bfseries {}}}: {}\\par\n",
            tex(s(c, "heading")),
            tex(s(c, "text"))
        ));
    }
    section(&mut t, "امضای اعضای هیأت");
    t.push_str("{\\vazir\\small\\begin{tabular}{p{5cm}p{5cm}p{5cm}}\n");
    let members = d["members"].as_array().unwrap();
    let row = |f: &dyn Fn(&Value) -> String| {
        members.iter().map(f).collect::<Vec<_>>().join(" & ") + "\\\\\n"
    };
    t.push_str(&row(&|m| format!("\\textbf{{{}}}", tex(s(m, "name")))));
    t.push_str(&row(&|m| tex(s(m, "role"))));
    t.push_str(&row(&|m| tex(s(m, "vote"))));
    t.push_str(&row(&|_| {
        "\\vspace{1.5em}\\rule{3.5cm}{0.4pt}\\newline امضا".to_owned()
    }));
    t.push_str("\\end{tabular}}\n");
    for x in d["dissents"].as_array().unwrap() {
        section(&mut t, "نظر عضو مخالف");
        t.push_str(&format!(
            "\\textbf{{{}}} ({}): {}\\par\n",
            tex(s(x, "name")),
            tex(s(x, "role")),
            tex(s(x, "text"))
        ));
    }
    t.push_str(&format!(
        "\\medskip\\fbox{{\\parbox{{\\dimexpr\\linewidth-2\\fboxsep}}{{\\vazir\\small کد تصدیق این سند: \\lr{{{}}}\\\\\\lr{{\\tiny {}}}}}}}\n\\end{{document}}\n",
        tex(s(&d["verification"], "code")),
        tex(s(&d["verification"], "sha256"))
    ));
    t
}

fn h(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn html_ruling(d: &Value, fonts: &Path) -> String {
    let f = fonts.display();
    let mut b = String::new();
    b.push_str(&format!(
        r#"<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>
<style>
@font-face {{ font-family: Naskh; src: url("file://{f}/NotoNaskhArabic-Regular.ttf"); }}
@font-face {{ font-family: Naskh; font-weight: bold; src: url("file://{f}/NotoNaskhArabic-Bold.ttf"); }}
@font-face {{ font-family: Vazirmatn; src: url("file://{f}/Vazirmatn-Regular.ttf"); }}
@font-face {{ font-family: Vazirmatn; font-weight: bold; src: url("file://{f}/Vazirmatn-Bold.ttf"); }}
@page {{ size: A4; margin: 1.8cm 2cm 2.3cm 2cm;
  @bottom-center {{ content: "صفحه " counter(page, persian) " از " counter(pages, persian); font: 8pt Vazirmatn; }}
  @bottom-left {{ content: "کد تصدیق: {code}"; font: 8pt Vazirmatn; }}
  @bottom-right {{ content: "{title}"; font: 8pt Vazirmatn; }} }}
body {{ font: 12pt/1.4 Naskh, Vazirmatn; text-align: justify; margin: 0; }}
h1 {{ font: bold 15pt Vazirmatn; text-align: center; margin: 0.2em 0; }}
h2 {{ font: bold 11.5pt Vazirmatn; margin: 0.8em 0 0.3em; }}
.board {{ font: bold 12pt Vazirmatn; text-align: center; }} .small {{ font: 9pt Vazirmatn; }}
table {{ border-collapse: collapse; width: 100%; font: 10pt/1.5 Vazirmatn; }}
td, th {{ border: 0.5pt solid #777; padding: 4px 6px; text-align: start; vertical-align: middle; }}
th, td.k {{ background: #e8e8e8; }}
.op {{ background: #f3f3f3; padding: 6px 8px; font-weight: bold; }}
.sig {{ display: flex; gap: 10px; text-align: center; font: 10pt Vazirmatn; break-inside: avoid; }}
.sig div {{ flex: 1; }} .line {{ border-top: 0.4pt solid #000; width: 70%; margin: 1.6em auto 0; }}
.ver {{ border: 0.5pt solid #999; padding: 8px; font: 8.5pt Vazirmatn; margin-top: 1em; }}
</style></head><body>
<div class="small" style="text-align:center">بسمه تعالی</div>
<div class="board">{board}</div><h1>{title}</h1>
<div class="small" style="display:flex;justify-content:space-between"><span>شمارهٔ دادنامه: {num}</span><span>تاریخ: {date}</span><span>شمارهٔ پرونده: {case}</span></div><hr>
<table><tr><td class="k"><b>دفتر</b></td><td>{office}</td></tr><tr><td class="k"><b>مدیر دفتر</b></td><td>{manager}</td></tr>
<tr><td class="k"><b>شاکی / گزارش‌دهنده</b></td><td>{compl}</td></tr><tr><td class="k"><b>موضوع</b></td><td>{subject}</td></tr></table>
<h2>خلاصهٔ شکایت</h2><p>{cs}</p><h2>خلاصهٔ دفاعیات</h2><p>{ds}</p>
<h2>تخلفات منتسب</h2><table><tr><th>ردیف</th><th>تخلف و مستند آن</th><th>تاریخ وقوع</th><th>یافتهٔ هیأت</th></tr>
"#,
        title = h(s(d, "title")),
        code = h(s(&d["verification"], "code")),
        board = h(s(d, "board")),
        num = h(s(d, "ruling_number")),
        date = h(s(d, "session_date")),
        case = h(s(d, "case_number")),
        office = h(s(d, "office")),
        manager = h(s(d, "manager")),
        compl = h(s(d, "complainant")),
        subject = h(s(d, "subject")),
        cs = h(s(d, "complaint_summary")),
        ds = h(s(d, "defence_summary")),
    ));
    for (i, c) in d["charges"].as_array().unwrap().iter().enumerate() {
        let days = c["days"]
            .as_str()
            .map(|x| format!(" ({})", h(x)))
            .unwrap_or_default();
        let facts = c["facts"]
            .as_str()
            .map(|x| format!("<br>{}", h(x)))
            .unwrap_or_default();
        b.push_str(&format!(
            "<tr><td>{}</td><td>{}{days}<br><small>{}</small>{facts}</td><td>{}</td><td>{}</td></tr>\n",
            heyat_core::to_persian_digits(&(i + 1).to_string()),
            h(s(c, "title")),
            h(s(c, "heading")),
            h(s(c, "committed_on")),
            h(s(c, "finding"))
        ));
    }
    b.push_str("</table><h2>جهات و دلایل رأی</h2>");
    for p in d["reasoning"].as_array().unwrap() {
        b.push_str(&format!("<p>{}</p>", h(p.as_str().unwrap())));
    }
    b.push_str("<p>هیأت در تعیین مجازات، مقررات را به ترتیب زیر اعمال کرد:</p><ol style=\"list-style-type: persian\">");
    for p in d["steps"].as_array().unwrap() {
        b.push_str(&format!("<li>{}</li>", h(p.as_str().unwrap())));
    }
    b.push_str(&format!(
        "</ol><h2>رأی هیأت</h2><div class=\"op\">{}</div><p>{}</p><p>{}</p><h2>مستندات رأی</h2>",
        h(s(d, "operative")),
        h(s(d, "majority")),
        h(s(d, "appeal_notice"))
    ));
    for c in d["citations"].as_array().unwrap() {
        b.push_str(&format!(
            "<p><b style=\"font: bold 10pt Vazirmatn\">{}</b>: {}</p>",
            h(s(c, "heading")),
            h(s(c, "text"))
        ));
    }
    b.push_str("<h2>امضای اعضای هیأت</h2><div class=\"sig\">");
    for m in d["members"].as_array().unwrap() {
        b.push_str(&format!(
            "<div><b>{}</b><br>{}<br><small>{}</small><div class=\"line\"></div><small>امضا</small></div>",
            h(s(m, "name")),
            h(s(m, "role")),
            h(s(m, "vote"))
        ));
    }
    b.push_str("</div>");
    for x in d["dissents"].as_array().unwrap() {
        b.push_str(&format!(
            "<h2>نظر عضو مخالف</h2><p><b>{}</b> ({}): {}</p>",
            h(s(x, "name")),
            h(s(x, "role")),
            h(s(x, "text"))
        ));
    }
    b.push_str(&format!(
        "<div class=\"ver\">کد تصدیق این سند: <bdi dir=\"ltr\"><b>{}</b></bdi><br><bdi dir=\"ltr\" style=\"font-size:6.5pt\">{}</bdi></div></body></html>\n",
        h(s(&d["verification"], "code")),
        h(s(&d["verification"], "sha256"))
    ));
    b
}

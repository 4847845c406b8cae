//! Writes a sheet's default view as a plain static HTML page, rendered by the
//! same components as the app (feature `ssr`): the limit `make bench` races
//! the app against (the same text, no script).
//!
//! `cargo run --features ssr --bin snapshot -- data/china.json --css NAME > page.html`
//! (`NAME`: the widget stylesheet's file, linked as is.)

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut file, mut css) = (None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--css" => css = it.next().cloned(),
            a if !a.starts_with('-') && file.is_none() => file = Some(a.to_string()),
            other => {
                eprintln!("snapshot: unknown argument {other}\nusage: snapshot DATA.json [--css NAME]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(file) = file else {
        eprintln!("usage: snapshot DATA.json [--css NAME]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("snapshot: cannot read {file}: {e}");
            return ExitCode::from(1);
        }
    };
    let body = ilo_factsheet::ui::snapshot::render(&text, "");
    let link =
        css.map(|c| format!("<link rel=\"stylesheet\" href=\"{}\">\n", c.replace('"', "%22"))).unwrap_or_default();
    print!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Static snapshot</title>\n<link rel=\"icon\" href=\"data:,\">\n{link}</head>\n<body>\n{body}\n</body>\n</html>\n"
    );
    ExitCode::SUCCESS
}

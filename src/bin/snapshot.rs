//! Renders a sheet natively with the app's own components (feature `ssr`).
//!
//! `snapshot DATA.json [--css NAME]` prints the default view as a plain
//! static HTML page (`NAME`: the widget stylesheet's file, linked as is):
//! the limit `make bench` races the app against (the same text, no script).
//!
//! `snapshot DATA.json --parts DIR` writes what the build prerenders
//! (`ui::snapshot::parts`) into DIR, one `NAME.html` each: `page`,
//! `skeleton`, and one per view for script embeds; and `protocol.json`, the
//! rules `embed.js` is given (`embed::Protocol`). `scripts/embed-assets.mjs`
//! puts them in the shipped files.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: snapshot DATA.json [--css NAME | --parts DIR]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut file, mut css, mut parts) = (None, None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--css" => css = it.next().cloned(),
            "--parts" => parts = it.next().map(PathBuf::from),
            a if !a.starts_with('-') && file.is_none() => file = Some(a.to_string()),
            other => {
                eprintln!("snapshot: unknown argument {other}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(file) = file else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("snapshot: cannot read {file}: {e}");
            return ExitCode::from(1);
        }
    };
    if let Some(dir) = parts {
        return write_parts(&text, &dir);
    }
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

fn write_parts(text: &str, dir: &std::path::Path) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("snapshot: cannot create {}: {e}", dir.display());
        return ExitCode::from(1);
    }
    let protocol = ("protocol.json".to_string(), ilo_factsheet::embed::Protocol::current().to_json());
    let parts = ilo_factsheet::ui::snapshot::parts(text).into_iter().map(|(name, html)| (format!("{name}.html"), html));
    for (name, body) in parts.chain([protocol]) {
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, body) {
            eprintln!("snapshot: cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

//! Writes `data/map/world.json` from world-atlas TopoJSON:
//!
//! ```text
//! npm install --prefix ~/.cache/ilo-factsheet/map-src world-atlas@2.0.2 i18n-iso-countries
//! cargo run --features gen-map --bin gen-map -- \
//!     ~/.cache/ilo-factsheet/map-src/node_modules/world-atlas/countries-50m.json \
//!     ~/.cache/ilo-factsheet/map-src/node_modules/i18n-iso-countries/codes.json
//! ```
//!
//! The second file maps ISO numeric codes to alpha-3; without it, countries
//! keep their numeric ids. `--out FILE` writes elsewhere. See `geo::build`.

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Instant;

use ilo_factsheet_core::geo::build::{build, parse_iso_table, Options};
use ilo_factsheet_core::geo::topo;

const USAGE: &str = "usage: gen-map COUNTRIES_TOPOJSON [ISO_CODES_JSON] [--out FILE]\n\
Writes the Equal Earth country map (default data/map/world.json).";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("{USAGE}");
        return if args.is_empty() { ExitCode::from(2) } else { ExitCode::SUCCESS };
    }
    let mut out = "data/map/world.json".to_string();
    if let Some(i) = args.iter().position(|a| a == "--out") {
        match args.get(i + 1) {
            Some(path) => out = path.clone(),
            None => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
        args.drain(i..=i + 1);
    }
    match run(&args, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-map: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String], out: &str) -> Result<(), String> {
    let start = Instant::now();
    let topo_path = args.first().ok_or(USAGE)?;
    let text = std::fs::read_to_string(topo_path).map_err(|e| format!("{topo_path}: {e}"))?;
    let topology = topo::parse(&text).map_err(|e| format!("{topo_path}: {e}"))?;
    let iso = match args.get(1) {
        Some(path) => parse_iso_table(&std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?)?,
        None => HashMap::new(),
    };
    let decoded = start.elapsed();
    let world = build(&topology, "countries", &iso, &Options::default())?;
    let built = start.elapsed();

    // One country per line: small diffs when the map is regenerated.
    let head = serde_json::json!({
        "attribution": world.attribution,
        "projection": world.projection,
        "width": world.width,
        "height": world.height,
        "views": world.views,
    });
    let head = serde_json::to_string(&head).map_err(|e| e.to_string())?;
    let mut json = format!("{},\n\"countries\":[\n", head.trim_end_matches('}'));
    for (i, c) in world.countries.iter().enumerate() {
        json.push_str(&serde_json::to_string(c).map_err(|e| e.to_string())?);
        json.push_str(if i + 1 < world.countries.len() { ",\n" } else { "\n" });
    }
    json.push_str("]}\n");
    if let Some(dir) = std::path::Path::new(out).parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(out, &json).map_err(|e| format!("{out}: {e}"))?;
    let unnamed = world.countries.iter().filter(|c| c.id.bytes().all(|b| b.is_ascii_digit())).count();
    println!(
        "{out}: {} countries ({unnamed} with numeric ids), {}x{}, {} bytes; read {:.0?}, built {:.0?}, total {:.0?}",
        world.countries.len(),
        world.width,
        world.height,
        json.len(),
        decoded,
        built - decoded,
        start.elapsed()
    );
    Ok(())
}

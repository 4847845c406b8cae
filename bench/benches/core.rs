//! The pure core over a synthetic sheet of 10,000 projects (issue 12,
//! "Scale"): reading it (the fast reader; parse and validate), indexing it, and what a filter
//! change or a search costs (`query::select`, then the map's reach and the
//! funding entries the views derive from it). The goal: any filter change or
//! search within 2 ms.

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion};

use ilo_factsheet_core::funding;
use ilo_factsheet_core::geo::reach;
use ilo_factsheet_core::model::{parse, quick};
use ilo_factsheet_core::query::{select, FilterState, Index};
use ilo_factsheet_tools::synthetic;

const PROJECTS: usize = 10_000;

fn bench(c: &mut Criterion) {
    let text = synthetic::sheet_json(PROJECTS, 1);
    let parsed = parse(&text);
    assert!(!parsed.has_errors(), "the synthetic sheet is valid");
    let sheet = parsed.sheet;
    let index = Index::new(&sheet);

    let mut read = c.benchmark_group("read 10,000 projects");
    read.sample_size(10);
    read.bench_function("parse + validate", |b| b.iter(|| black_box(parse(black_box(&text)))));
    // What the widget does first (the forgiving parse + validate above runs after, when idle).
    read.bench_function("fast reader (model::quick)", |b| b.iter(|| black_box(quick(black_box(&text)))));
    read.bench_function("index", |b| b.iter(|| black_box(Index::new(black_box(&sheet)))));
    read.finish();

    // Filter states a visitor reaches in one step, from the sheet's own ids.
    let theme = sheet.themes.first().map(|t| t.id.clone()).unwrap_or_default();
    let partner = sheet.partners.first().map(|p| p.id.clone()).unwrap_or_default();
    let country = sheet.projects.first().and_then(|p| p.geographies.first().cloned()).unwrap_or_default();
    let states = [
        ("no filter", String::new()),
        ("a theme", format!("?theme={theme}")),
        ("a partner", format!("?partner={partner}")),
        ("a country", format!("?country={country}")),
        ("a period", "?from=2005&to=2012".to_string()),
        ("a search", "?q=training".to_string()),
        ("a search matching nothing", "?q=zzzqqq".to_string()),
        ("all at once", format!("?theme={theme}&country={country}&from=2000&to=2025&q=work")),
    ];
    let mut change = c.benchmark_group("filter change over 10,000 projects");
    for (name, query) in &states {
        let state = FilterState::from_query(query);
        change.bench_function(format!("select: {name}"), |b| b.iter(|| black_box(select(&sheet, &index, &state))));
    }
    // What the map and funding views derive from a selection, per change:
    // a theme ticked, and taken off again (back to every project: linear
    // work, these were quadratic once, 35 ms and 10 ms).
    let themed = select(&sheet, &index, &FilterState::from_query(&format!("?theme={theme}")));
    let all = select(&sheet, &index, &FilterState::default());
    for (name, selection) in [("a theme", &themed), ("no filter", &all)] {
        change.bench_function(format!("map reach: {name}"), |b| {
            let shown = &selection.ignoring_country;
            b.iter(|| {
                black_box(reach::reach_with(&sheet, index.groups(), &shown.projects, &shown.events, &shown.reach))
            })
        });
        change.bench_function(format!("funding entries and their sum: {name}"), |b| {
            b.iter_batched(
                || funding::Visible::of(selection),
                |visible| black_box(funding::sum(&funding::entries(&sheet, &visible)).amount_usd),
                BatchSize::SmallInput,
            )
        });
    }
    change.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

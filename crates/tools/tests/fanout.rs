//! What a small file may cost (issue 23, "A small file that costs a lot"):
//! `group-fanout.json` of the hostile corpus, 126 KB, names a group of 4,096
//! members from 1,750 items. With the members copied into each item it took
//! 715 MB and 30 s (unoptimized); expanded once and shared, within the limits
//! of `model::geography`, under 4 MB and 0.2 s. Every allocation of this test
//! binary is counted (its own file, so the allocator counts no other test).

// A global allocator is an `unsafe` trait: the one place the workspace's
// `unsafe_code = "deny"` is lifted, in a test binary, never in what ships.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use ilo_factsheet_core::geo::reach;
use ilo_factsheet_core::harness::run;
use ilo_factsheet_core::model::{parse, quick, Severity};
use ilo_factsheet_core::query::{select, FilterState, Index};

/// Counts the bytes allocated now and the most ever at once; refuses to go
/// past `CEILING` (an allocation error ends the test rather than the machine).
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
const CEILING: usize = 6 << 30;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Relaxed) + layout.size();
        if now > CEILING {
            NOW.fetch_sub(layout.size(), Relaxed);
            return std::ptr::null_mut();
        }
        PEAK.fetch_max(now, Relaxed);
        // SAFETY: the caller's layout, passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Relaxed);
        // SAFETY: a pointer `alloc` gave with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most reading and showing a fan-out file may hold at once, its sheet
/// and problems included: generous (the corpus file holds about 4 MB, the
/// other shape 13 MB).
const MEMORY: usize = 32 << 20;
/// The most it may take, unoptimized: generous too, for a busy machine (it
/// takes a few tenths of a second; 30 seconds before).
const TIME: Duration = Duration::from_secs(8);

fn text() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/hostile/group-fanout.json");
    std::fs::read_to_string(path).expect("tests/fixtures/hostile/group-fanout.json")
}

/// Runs `f`, returning its peak heap above what was held before, and its time.
fn measure(f: impl FnOnce()) -> (usize, Duration) {
    let before = NOW.load(Relaxed);
    PEAK.store(before, Relaxed);
    let started = Instant::now();
    f();
    (PEAK.load(Relaxed) - before, started.elapsed())
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1 << 20) as f64
}

/// A file shaped otherwise, some 190 KB: 1,500 groups each holding one group
/// of 1,000 codes (each group's members expanded from another's), 1,500
/// paragraphs each naming one code (each code in 1,500 groups), 200 projects
/// each naming one of the groups. It took 260 MB and 7 minutes before.
fn hubs() -> String {
    let code = |i: usize| -> String { [676, 26, 1].iter().map(|d| char::from(b'A' + (i / d % 26) as u8)).collect() };
    let codes: Vec<String> = (0..1000).map(code).collect();
    let mut geographies = vec![serde_json::json!({"id": "all", "kind": "group", "name": "All", "members": codes})];
    geographies.extend(
        (0..1500).map(|i| serde_json::json!({"id": format!("h{i}"), "kind": "group", "name": "H", "members": ["all"]})),
    );
    let paragraphs: Vec<_> = (0..1500)
        .map(|i| serde_json::json!({"id": format!("p{i}"), "text": "x", "geographies": [code(i % 1000)]}))
        .collect();
    let source = serde_json::json!({"section": "s", "quote": "x"});
    let projects: Vec<_> = (0..200)
        .map(|i| {
            let period = serde_json::json!({"start": 2020, "end": 2021});
            serde_json::json!({"id": format!("x{i}"), "title": "x", "summary": "x", "period": period,
                "geographies": [format!("h{i}")], "source": source})
        })
        .collect();
    serde_json::json!({
        "format_version": 1,
        "meta": {"country": "KEN", "country_name": "Kenya", "title": "Hubs", "subtitle": "x", "language": "en", "source": {"title": "x"}},
        "geographies": geographies,
        "highlights": [], "themes": [], "partners": [], "events": [], "contributions": [], "contacts": [],
        "sections": [{"id": "s", "title": "S", "paragraphs": paragraphs}],
        "projects": projects,
    })
    .to_string()
}

/// Reads `text` as a widget does, under each query, within the bounds.
fn within_bounds(name: &str, text: &str) {
    for query in ["", "?country=KEN&view=map", "?country=all&q=x", "?country=ABC,KEN"] {
        let state = FilterState::from_query(query);
        // Everything a view derives, after the forgiving reader and checker.
        let (peak, took) = measure(|| {
            let outcome = run(text, &state);
            assert!(!outcome.parsed.fatal, "{name}: the report shows the file");
        });
        eprintln!("{name} harness::run {query:?}: peak {:.1} MB, {:.0} ms", mb(peak), took.as_secs_f64() * 1000.0);
        assert!(peak < MEMORY, "{name} harness::run {query:?}: peak {:.1} MB", mb(peak));
        assert!(took < TIME, "{name} harness::run {query:?}: {took:?}");
        // What the widget shows first, before any check: the fast reader,
        // the index, a selection and the map's reach.
        let (peak, took) = measure(|| {
            let sheet = quick(text).expect("the fast reader reads it");
            let index = Index::new(&sheet);
            let selection = select(&sheet, &index, &state);
            let shown = &selection.ignoring_country;
            reach::reach_with(&sheet, index.groups(), &shown.projects, &shown.events, &shown.reach);
        });
        let ms = took.as_secs_f64() * 1000.0;
        eprintln!("{name} quick + index + select + reach {query:?}: peak {:.1} MB, {ms:.0} ms", mb(peak));
        assert!(peak < MEMORY, "{name} quick path {query:?}: peak {:.1} MB", mb(peak));
        assert!(took < TIME, "{name} quick path {query:?}: {took:?}");
    }
}

/// One test, so the counts of one part are not mixed with another's running
/// alongside.
#[test]
fn fan_out_files_cost_little_memory_and_time() {
    let text = text();
    assert!(text.len() < 131_072, "the fuzzer takes it whole: {} bytes", text.len());
    within_bounds("group-fanout.json", &text);
    // The checker names the limits met: the group read to its first 1,000
    // entries, the items past the budget.
    let problems = parse(&text).problems;
    let named = |path: &str, words: &str| {
        problems.iter().any(|p| p.severity == Severity::Error && p.path.starts_with(path) && p.message.contains(words))
    };
    assert!(named("geographies[26].members", "at most 1,000 countries"), "{:?}", &problems[..5]);
    assert!(named("sections[0].paragraphs[", "ran out here"), "{:?}", &problems[..5]);

    let hubs = hubs();
    within_bounds("hubs", &hubs);
    let problems = parse(&hubs).problems;
    assert!(problems.iter().any(|p| p.message.contains("took it all")), "{:?}", &problems[..5]);
}

//! The format's constructs for every kind of partner (issue 13), through the
//! reader, the checker and the funding derivations: a fixture holding each
//! (`tests/fixtures/donor-constructs.json`), and the China sheet as committed
//! before they existed (`tests/fixtures/china-2026-07-format-1.json`), which
//! must read exactly as the current `data/china.json` does.

mod common;

use ilo_factsheet_core::funding::{self, EntryKind, Visible};
use ilo_factsheet_core::model::{parse, ContributionKind, EventKind, Period, Severity};

fn donor() -> ilo_factsheet_core::model::Parsed {
    parse(&common::read("tests/fixtures/donor-constructs.json"))
}

#[test]
fn a_file_valid_before_the_new_constructs_still_reads_the_same() {
    let before = parse(&common::read("tests/fixtures/china-2026-07-format-1.json"));
    let now = parse(&common::china_text());
    assert!(!before.fatal);
    assert!(before.problems.is_empty(), "{:?}", before.problems);
    assert_eq!(before.sheet, now.sheet);
}

#[test]
fn no_publication_date_and_no_acronym_are_fine() {
    let parsed = donor();
    assert!(!parsed.fatal);
    assert_eq!(parsed.sheet.meta.published, None);
    assert_eq!(parsed.sheet.partner_name("labour-ministry"), "Ministry of Employment and Labour");
    assert_eq!(parsed.sheet.partner_name("agency"), "TCA");
    let year_only = parse(
        &common::read("tests/fixtures/donor-constructs.json")
            .replace(r#""language": "en","#, r#""language": "en", "published": "2019","#),
    );
    assert_eq!(year_only.sheet.meta.published.map(String::from), Some("2019".to_string()));
}

#[test]
fn phases_give_a_programme_its_period_and_a_project_needs_one_or_the_other() {
    let parsed = donor();
    let ids: Vec<&str> = parsed.sheet.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["partnership"], "the project with neither is left out");
    let p = &parsed.sheet.projects[0];
    assert_eq!(p.period, Period { start: 2004, end: 2020 });
    assert_eq!(p.phases.len(), 2);
    assert_eq!((p.phases[0].end, p.phases[1].end), (None, Some(2020)));
    let missing: Vec<&str> =
        parsed.problems.iter().filter(|e| e.severity == Severity::Error).map(|e| e.path.as_str()).collect();
    assert!(missing.contains(&"projects[1].period"), "{missing:?}");
}

#[test]
fn events_of_membership_and_renewal() {
    let kinds: Vec<EventKind> = donor().sheet.events.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [EventKind::Membership, EventKind::Renewal]);
}

#[test]
fn money_by_kind_is_charted_the_stated_total_stands_as_stated_and_support_without_an_amount_is_listed() {
    let parsed = donor();
    let sheet = &parsed.sheet;
    let all = Visible::all(sheet);
    let entries = funding::entries(sheet, &all);
    let kinds: Vec<(EntryKind, f64)> = entries.iter().map(|e| (e.kind, e.money.amount_usd)).collect();
    assert_eq!(
        kinds,
        [
            (EntryKind::Contribution(ContributionKind::Assessed), 41.8e6),
            (EntryKind::Contribution(ContributionKind::VoluntaryNonCore), 21.2e6),
            (EntryKind::STATED_TOTAL, 63.1e6)
        ]
    );
    // The sum of the kinds (63.0) beside the total as the source states it (63.1): never replaced.
    let items = funding::items(sheet, &all);
    let sum = funding::sum(&items);
    assert!((sum.amount_usd - 63.0e6).abs() < 1.0, "{}", sum.amount_usd);
    let stated = funding::stated_totals(sheet);
    assert_eq!(stated.len(), 1, "the stated total without an amount is no total");
    assert_eq!(stated[0].amount_usd, 63.1e6);
    // Support without an amount: listed, never charted or summed.
    let unpriced: Vec<&str> =
        funding::unpriced(sheet, &all).into_iter().map(|i| sheet.contributions[i].id.as_str()).collect();
    assert_eq!(unpriced, ["experts", "total-without-amount"]);
    assert_eq!(sheet.contributions[3].kind, ContributionKind::InKind);
    // A stated total needs its amount.
    assert!(parsed.problems.iter().any(|p| p.severity == Severity::Error && p.path == "contributions[4].amount"));
}

#[test]
fn places_reached_without_a_named_project_are_on_the_map_and_the_roles_are_the_sheets() {
    use ilo_factsheet_core::geo::reach::{reach_with, rows};
    use ilo_factsheet_core::model::CountryRole;
    use ilo_factsheet_core::query::{select, FilterState, Index};
    let parsed = donor();
    let sheet = &parsed.sheet;
    assert_eq!(sheet.meta.roles(), [CountryRole::DevelopmentPartner]);
    assert!(sheet.meta.sends_support());
    let state = FilterState::default();
    let index = Index::new(sheet);
    let sel = select(sheet, &index, &state);
    assert_eq!(sel.reach, [0, 1]);
    let r = reach_with(sheet, index.groups(), &sel.projects, &sel.events, &sel.reach);
    assert!(r.unnamed_only("DZA") && !r.unnamed_only("BGD"), "Bangladesh also has the programme");
    assert_eq!(r.project_count("DZA"), 0);
    let algeria = rows(sheet, &r, &[]).into_iter().find(|row| row.place == "DZA").expect("Algeria's row");
    assert!(algeria.unnamed_only && algeria.projects == 0);
    // The country filter selects the entry, as it would a project.
    let filtered = select(sheet, &Index::new(sheet), &FilterState::from_query("country=DZA"));
    assert_eq!((filtered.reach.as_slice(), filtered.projects.len()), (&[0][..], 0));
    assert!(!filtered.is_empty(), "a place reached without a project is not 'nothing matches'");
    // A search finds an entry by its title and by the names of the places it reaches.
    for q in ["q=Programmes", "q=Algeria"] {
        let found = select(sheet, &Index::new(sheet), &FilterState::from_query(q));
        assert!(found.reach.contains(&0), "{q}: {:?}", found.reach);
    }
    // An entry must name a place.
    assert!(parsed.problems.iter().any(|p| p.path == "reach[1].geographies"));
    // A sheet that names no role is the South–South partner it always was.
    assert_eq!(common::china().meta.roles(), [CountryRole::SouthSouthPartner]);
}

/// The China sheet with some texts given in French too (a test's own
/// wording, not the sheet's facts).
fn with_french(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut sheet: serde_json::Value =
        serde_json::from_str(include_str!("../../../data/china.json")).expect("china.json is JSON");
    edit(&mut sheet);
    serde_json::to_string(&sheet).expect("a JSON value writes")
}

#[test]
fn texts_may_come_in_several_languages_and_the_checker_names_a_language_some_lack() {
    use ilo_factsheet_core::query::{select, FilterState, Index};
    let text = with_french(|s| {
        let title = s["meta"]["title"].clone();
        s["meta"]["title"] = serde_json::json!({"en": title, "fr": "Titre en français"});
        let section = s["sections"][0]["title"].clone();
        s["sections"][0]["title"] = serde_json::json!({"en": section, "fr": "Aperçu en français"});
        let para = s["sections"][0]["paragraphs"][0]["text"].clone();
        s["sections"][0]["paragraphs"][0]["text"] =
            serde_json::json!({"en": para, "fr": "Un paragraphe introuvable ailleurs"});
    });
    let parsed = parse(&text);
    let errors: Vec<_> = parsed.problems.iter().filter(|p| p.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let warnings: Vec<_> =
        parsed.problems.iter().filter(|p| p.message.contains("`fr` is given for 3 text(s)")).collect();
    assert_eq!(warnings.len(), 1, "{:?}", parsed.problems);
    assert_eq!(warnings[0].path, "meta.subtitle", "at the first text without French");
    let sheet = &parsed.sheet;
    assert_eq!(sheet.meta.title.pick("fr", "en"), ("Titre en français", None));
    assert_eq!(sheet.meta.subtitle.pick("fr", "en").1, Some("en"), "French readers see the English subtitle, marked");
    assert_eq!(sheet.meta.title.as_str(), sheet.meta.title.pick("en", "en").0, "English is the main text");
    // The search finds a text by the words of any of its languages.
    let index = Index::new(sheet);
    let state = FilterState { q: "introuvable".into(), ..FilterState::default() };
    let found = select(sheet, &index, &state);
    let id = &sheet.sections[0].paragraphs[0].id;
    assert!(found.shows_paragraph(id), "found by its French words");
}

#[test]
fn a_text_by_language_is_checked_like_a_text() {
    let parsed = parse(&with_french(|s| s["sections"][0]["title"] = serde_json::json!({"en": "Overview", "fr": " "})));
    assert!(
        parsed.problems.iter().any(|p| p.severity == Severity::Error && p.path == "sections[0].title.fr"),
        "{:?}",
        parsed.problems
    );
    let parsed = parse(&with_french(|s| s["sections"][0]["title"] = serde_json::json!({"english": "Overview"})));
    assert!(
        parsed.problems.iter().any(|p| p.path.starts_with("sections[0]") && p.message.contains("not a language tag")),
        "{:?}",
        parsed.problems
    );
}

//! A small fact sheet built in Rust for the query tests (no parser, no data
//! file): three themes, three partners, countries and two groups, paragraphs
//! with and without years, a project subsection, three events, two projects.

use crate::model::*;

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn para(id: &str, text: &str, themes: &[&str], partners: &[&str], geographies: &[&str]) -> Paragraph {
    Paragraph {
        id: id.into(),
        text: text.into(),
        themes: ids(themes),
        partners: ids(partners),
        geographies: ids(geographies),
        ..Paragraph::default()
    }
}

fn source(quote: &str) -> Source {
    Source { section: "cooperation".into(), quote: quote.into() }
}

fn country(id: &str, name: &str) -> Geography {
    Geography { id: id.into(), kind: GeographyKind::Country, name: name.into(), ..Geography::default() }
}

fn group(id: &str, name: &str, members: Option<&[&str]>) -> Geography {
    let members = members.map(ids);
    Geography { id: id.into(), kind: GeographyKind::Group, name: name.into(), members, ..Geography::default() }
}

fn partner(id: &str, short_name: &str, name: &str) -> Partner {
    Partner { id: id.into(), short_name: short_name.into(), name: name.into(), ..Partner::default() }
}

/// An event: id, date, title, quote, then its themes, partners, geographies.
fn event(e: [&str; 4], themes: &[&str], partners: &[&str], geographies: &[&str]) -> Event {
    let [id, date, title, quote] = e;
    Event {
        id: id.into(),
        date: date.parse().expect("date"),
        title: title.into(),
        themes: ids(themes),
        partners: ids(partners),
        geographies: ids(geographies),
        source: source(quote),
        ..Event::default()
    }
}

/// The test sheet. Items (paragraphs, events, projects) and their tags:
///
/// | item | themes | partners | geographies | years |
/// |---|---|---|---|---|
/// | `lead` | | | CHN | 1985 |
/// | `p-skills` | skills | tsinghua | KHM | none |
/// | `p-social` | social-protection | | LAO, KEN | 2021-2025 |
/// | `p-timor` | | | TLS | 2023 |
/// | `p-sub` (under project `skills-asean`) | skills | mohrss, tsinghua | asean | 2018-2027 |
/// | `p-close` | | | | none |
/// | event 0 `e-mou` 2019-04 | employment | mohrss | CHN, global | 2019 |
/// | event 1 `e-launch` 2018 | skills | | asean | 2018 |
/// | event 2 `e-visit` 2019 | social-protection | acftu | KEN | 2019 |
/// | project 0 `skills-asean` | skills | tsinghua + funder mohrss | asean | 2018-2027 |
/// | project 1 `sp-lao-kenya` | social-protection | acftu + funder mohrss | LAO, KEN | 2022-2026 |
///
/// `asean` = KHM, LAO; `global` has no member list. Long because it is the
/// table above written out, one item a few lines.
pub fn sample() -> FactSheet {
    FactSheet {
        format_version: 1,
        meta: Meta {
            country: "CHN".into(),
            country_name: "China".into(),
            title: "China".into(),
            lead: Some(para("lead", "China and the ILO have cooperated since 1985.", &[], &[], &["CHN"])),
            ..Meta::default()
        },
        themes: vec![
            Theme { id: "skills".into(), name: "Skills".into() },
            Theme { id: "employment".into(), name: "Employment".into() },
            Theme { id: "social-protection".into(), name: "Social protection".into() },
        ],
        partners: vec![
            partner("mohrss", "MOHRSS", "Ministry of Human Resources and Social Security"),
            partner("acftu", "ACFTU", "All-China Federation of Trade Unions"),
            partner("tsinghua", "Tsinghua", "Tsinghua University"),
        ],
        geographies: vec![
            country("CHN", "China"),
            country("KHM", "Cambodia"),
            country("LAO", "Lao PDR"),
            country("KEN", "Kenya"),
            country("TLS", "Timor-Leste"),
            group("asean", "ASEAN", Some(&["KHM", "LAO"])),
            group("global", "More than 80 countries", None),
        ],
        sections: vec![Section {
            id: "cooperation".into(),
            title: "Cooperation".into(),
            paragraphs: vec![
                para("p-skills", "Skills training with Tsinghua in Cambodia.", &["skills"], &["tsinghua"], &["KHM"]),
                para(
                    "p-social",
                    "Social protection in Lao PDR and Kenya, 2021–25.",
                    &["social-protection"],
                    &[],
                    &["LAO", "KEN"],
                ),
                para("p-timor", "Timor-Leste joined the programme in 2023.", &[], &[], &["TLS"]),
            ],
            subsections: vec![Subsection {
                id: "s-skills".into(),
                title: "Skills for ASEAN (2018-27)".into(),
                project: Some("skills-asean".into()),
                paragraphs: vec![para("p-sub", "More.", &[], &[], &[])],
            }],
            closing: vec![para("p-close", "Contact the office.", &[], &[], &[])],
            ..Section::default()
        }],
        events: vec![
            event(
                ["e-mou", "2019-04", "Memorandum of understanding", "An MoU was signed in Beijing."],
                &["employment"],
                &["mohrss"],
                &["CHN", "global"],
            ),
            event(["e-launch", "2018", "Programme launched", "The programme started."], &["skills"], &[], &["asean"]),
            event(
                ["e-visit", "2019", "Visit to Kenya", "A delegation visited Nairobi."],
                &["social-protection"],
                &["acftu"],
                &["KEN"],
            ),
        ],
        projects: vec![
            Project {
                id: "skills-asean".into(),
                title: "Skills for ASEAN".into(),
                period: Period { start: 2018, end: 2027 },
                funders: ids(&["mohrss"]),
                partners: ids(&["tsinghua"]),
                themes: ids(&["skills"]),
                geographies: ids(&["asean"]),
                summary: "Vocational training across the region.".into(),
                results: vec!["Trained 500 teachers.".into()],
                figures: vec![Figure {
                    id: "f1".into(),
                    value: 40.0,
                    unit: "TVET institutions".into(),
                    geography: "asean".into(),
                    ..Figure::default()
                }],
                source: source("Skills for ASEAN."),
                ..Project::default()
            },
            Project {
                id: "sp-lao-kenya".into(),
                title: "Social protection in Lao PDR and Kenya".into(),
                period: Period { start: 2022, end: 2026 },
                funders: ids(&["mohrss"]),
                partners: ids(&["acftu"]),
                themes: ids(&["social-protection"]),
                geographies: ids(&["LAO", "KEN"]),
                summary: "Extending coverage to informal workers.".into(),
                source: source("Social protection."),
                ..Project::default()
            },
        ],
        ..FactSheet::default()
    }
}

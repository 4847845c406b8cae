//! Checks beyond parsing: unique ids, references that resolve, sane amounts and
//! periods, required text present, links of allowed schemes, provenance that
//! points at a real section, groups within their limits (`geography`'s
//! [`Groups`]: what the views then leave out). Returns every problem, each
//! with its JSON path.
//!
//! Paths name positions in the *file*: when parsing dropped a broken element,
//! [`Origins`] maps the kept elements back to their original indices.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::geography::{Cut, Groups, Owner, EXPANSION_PER_ID, MAX_GROUP_DEPTH, MAX_GROUP_MEMBERS, MIN_EXPANSION};
use super::link::SafeUrl;
use super::local_text::LocalText;
use super::problem::{excerpt, Problem};
use super::types::*;

/// For each top-level list, the file index of each kept element.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    lists: BTreeMap<&'static str, Vec<usize>>,
}

impl Origins {
    pub(crate) fn list_mut(&mut self, key: &'static str) -> &mut Vec<usize> {
        self.lists.entry(key).or_default()
    }

    /// `key[i]`, with `i` translated to the element's index in the file.
    fn path(&self, key: &str, i: usize) -> String {
        let original = self.lists.get(key).and_then(|v| v.get(i)).copied().unwrap_or(i);
        format!("{key}[{original}]")
    }
}

/// Every problem found in `sheet`. `origins` comes from parsing; use
/// `Origins::default()` for a sheet built in code.
pub fn validate(sheet: &FactSheet, origins: &Origins) -> Vec<Problem> {
    let mut v = Validator { sheet, origins, problems: Vec::new(), known: Known::of(sheet), texts: Vec::new() };
    v.meta();
    v.ids();
    // What a file costs comes first: a group past its limits is the problem
    // an editor must see, before the thousands its members may raise.
    v.group_limits();
    v.catalogues();
    v.text();
    v.events();
    v.projects();
    v.reach();
    v.contributions();
    v.contacts();
    let mut problems = v.problems;
    problems.extend(super::languages::missing_languages(&v.texts, &sheet.meta.language));
    problems
}

/// The ids things may refer to.
struct Known<'a> {
    themes: HashSet<&'a str>,
    partners: HashSet<&'a str>,
    geographies: HashSet<&'a str>,
    projects: HashSet<&'a str>,
    sections: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    fn of(sheet: &'a FactSheet) -> Self {
        let mut sections: HashSet<&str> = sheet.sections.iter().map(|s| s.id.as_str()).collect();
        sections.insert("lead");
        Known {
            themes: sheet.themes.iter().map(|t| t.id.as_str()).collect(),
            partners: sheet.partners.iter().map(|p| p.id.as_str()).collect(),
            geographies: sheet.geographies.iter().map(|g| g.id.as_str()).collect(),
            projects: sheet.projects.iter().map(|p| p.id.as_str()).collect(),
            sections,
        }
    }
}

#[derive(Clone, Copy)]
enum Ref {
    Theme,
    Partner,
    Geography,
    Project,
    Section,
}

struct Validator<'a> {
    sheet: &'a FactSheet,
    origins: &'a Origins,
    problems: Vec<Problem>,
    known: Known<'a>,
    /// Every text that may be given by language, with its path.
    texts: Vec<(String, &'a LocalText)>,
}

impl<'a> Validator<'a> {
    fn error(&mut self, path: String, message: String) {
        self.problems.push(Problem::error(path, message));
    }

    fn warning(&mut self, path: String, message: String) {
        self.problems.push(Problem::warning(path, message));
    }

    /// A text of the sheet: required in every language it is given in (an
    /// empty one is reported at its language's path, `title.fr`), and kept
    /// for the check that its languages match the other texts'.
    fn required_text(&mut self, path: &str, field: &str, value: &'a LocalText) {
        for (tag, text) in value.variants() {
            if text.trim().is_empty() {
                let at = match tag {
                    Some(tag) => format!("{path}.{field}.{tag}"),
                    None => format!("{path}.{field}"),
                };
                self.error(at, format!("`{field}` must not be empty"));
            }
        }
        self.texts.push((format!("{path}.{field}"), value));
    }

    fn required(&mut self, path: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(format!("{path}.{field}"), format!("`{field}` must not be empty"));
        }
    }

    fn refs(&mut self, path: &str, field: &str, ids: &[String], kind: Ref) {
        for (i, id) in ids.iter().enumerate() {
            self.one_ref(&format!("{path}.{field}[{i}]"), id, kind);
        }
    }

    fn one_ref(&mut self, path: &str, id: &str, kind: Ref) {
        let (set, what) = match kind {
            Ref::Theme => (&self.known.themes, "theme"),
            Ref::Partner => (&self.known.partners, "partner"),
            Ref::Geography => (&self.known.geographies, "geography"),
            Ref::Project => (&self.known.projects, "project"),
            Ref::Section => (&self.known.sections, "section"),
        };
        if !set.contains(id) {
            let plural = match kind {
                Ref::Geography => "geographies".to_string(),
                _ => format!("{what}s"),
            };
            self.error(path.to_string(), format!("unknown {what} id `{}`: it is not in `{plural}`", excerpt(id)));
        }
    }

    fn source(&mut self, path: &str, source: &Source) {
        self.required(path, "quote", &source.quote);
        if source.section.trim().is_empty() {
            self.required(path, "section", &source.section);
        } else {
            self.one_ref(&format!("{path}.section"), &source.section, Ref::Section);
        }
    }

    fn money(&mut self, path: &str, money: &Money) {
        let a = money.amount_usd;
        if !a.is_finite() {
            self.error(format!("{path}.amount_usd"), "the amount is not a finite number".into());
        } else if a < 0.0 {
            self.error(format!("{path}.amount_usd"), format!("the amount is negative ({a})"));
        }
    }

    fn period(&mut self, path: &str, period: &Period) {
        if period.end < period.start {
            self.error(
                format!("{path}.period"),
                format!("the period ends ({}) before it starts ({})", period.end, period.start),
            );
        }
    }

    fn url(&mut self, path: String, url: &str) {
        if let Err(reason) = SafeUrl::parse(url) {
            let shown = excerpt(url);
            self.error(
                path,
                format!(
                    "link `{shown}` is refused ({reason}): a link must start with https://, http://, mailto: or tel:"
                ),
            );
        }
    }

    fn meta(&mut self) {
        let m = &self.sheet.meta;
        for (field, value) in [("country_name", &m.country_name), ("language", &m.language)] {
            self.required("meta", field, value);
        }
        self.required_text("meta", "title", &m.title);
        // Not required, but one of the sheet's texts: its languages count.
        self.texts.push(("meta.subtitle".into(), &m.subtitle));
        if !is_alpha3(&m.country) {
            self.error(
                "meta.country".into(),
                format!("`{}` is not an ISO 3166-1 alpha-3 code such as KEN", excerpt(&m.country)),
            );
        }
        self.required("meta.source", "title", &m.source.title);
        if let Some(url) = &m.source.url {
            self.url("meta.source.url".into(), url);
        }
        if let Some(lead) = &m.lead {
            self.paragraph("meta.lead", lead);
        }
    }

    /// Duplicate ids within each list, and paragraph ids across the whole text.
    fn ids(&mut self) {
        let s = self.sheet;
        let lists: [(&str, Vec<&str>); 10] = [
            ("highlights", s.highlights.iter().map(|x| x.id.as_str()).collect()),
            ("themes", s.themes.iter().map(|x| x.id.as_str()).collect()),
            ("partners", s.partners.iter().map(|x| x.id.as_str()).collect()),
            ("geographies", s.geographies.iter().map(|x| x.id.as_str()).collect()),
            ("sections", s.sections.iter().map(|x| x.id.as_str()).collect()),
            ("events", s.events.iter().map(|x| x.id.as_str()).collect()),
            ("projects", s.projects.iter().map(|x| x.id.as_str()).collect()),
            ("reach", s.reach.iter().map(|x| x.id.as_str()).collect()),
            ("contributions", s.contributions.iter().map(|x| x.id.as_str()).collect()),
            ("contacts", s.contacts.iter().map(|x| x.id.as_str()).collect()),
        ];
        for (key, ids) in lists {
            let mut first: HashMap<&str, usize> = HashMap::new();
            for (i, id) in ids.into_iter().enumerate() {
                let path = self.origins.path(key, i);
                if id.trim().is_empty() {
                    self.error(format!("{path}.id"), "`id` must not be empty".into());
                } else if let Some(&j) = first.get(id) {
                    let other = self.origins.path(key, j);
                    self.error(format!("{path}.id"), format!("duplicate id `{}`: {other} has it too", excerpt(id)));
                } else {
                    first.insert(id, i);
                }
            }
        }
        // Paragraph and subsection ids must be unique across the whole text: links point at them.
        let mut seen: HashMap<&str, String> = HashMap::new();
        if let Some(lead) = &s.meta.lead {
            seen.insert(lead.id.as_str(), "meta.lead".into());
        }
        let mut dupes = Vec::new();
        for (si, section) in s.sections.iter().enumerate() {
            let sp = self.origins.path("sections", si);
            let mut note = |id: &'a str, path: String| match seen.get(id) {
                Some(other) => dupes.push((path, format!("duplicate id `{}`: {other} has it too", excerpt(id)))),
                None => {
                    seen.insert(id, path);
                }
            };
            for (pi, p) in section.paragraphs.iter().enumerate() {
                note(&p.id, format!("{sp}.paragraphs[{pi}]"));
            }
            for (ui, sub) in section.subsections.iter().enumerate() {
                note(&sub.id, format!("{sp}.subsections[{ui}]"));
                for (pi, p) in sub.paragraphs.iter().enumerate() {
                    note(&p.id, format!("{sp}.subsections[{ui}].paragraphs[{pi}]"));
                }
            }
            for (pi, p) in section.closing.iter().enumerate() {
                note(&p.id, format!("{sp}.closing[{pi}]"));
            }
        }
        for (path, message) in dupes {
            self.error(format!("{path}.id"), message);
        }
        // Figures are listed under projects and events but shown on the map by id.
        let mut figures: HashMap<&str, String> = HashMap::new();
        let owners = s.projects.iter().enumerate().map(|(i, p)| (self.origins.path("projects", i), &p.figures));
        let owners =
            owners.chain(s.events.iter().enumerate().map(|(i, e)| (self.origins.path("events", i), &e.figures)));
        for (owner, list) in owners.collect::<Vec<_>>() {
            for (fi, f) in list.iter().enumerate() {
                let path = format!("{owner}.figures[{fi}]");
                if let Some(other) = figures.get(f.id.as_str()) {
                    let message = format!("duplicate id `{}`: {other} has it too", excerpt(&f.id));
                    self.error(format!("{path}.id"), message);
                } else {
                    figures.insert(f.id.as_str(), path);
                }
            }
        }
    }

    fn catalogues(&mut self) {
        let s = self.sheet;
        for (i, t) in s.themes.iter().enumerate() {
            self.required_text(&self.origins.path("themes", i), "name", &t.name);
        }
        for (i, p) in s.partners.iter().enumerate() {
            let path = self.origins.path("partners", i);
            self.required(&path, "name", &p.name);
            if let Some(parent) = &p.parent {
                self.one_ref(&format!("{path}.parent"), parent, Ref::Partner);
            }
        }
        for (i, g) in s.geographies.iter().enumerate() {
            let path = self.origins.path("geographies", i);
            self.required_text(&path, "name", &g.name);
            match g.kind {
                GeographyKind::Country => {
                    if !is_alpha3(&g.id) {
                        self.error(
                            format!("{path}.id"),
                            format!(
                                "a country's id must be its ISO 3166-1 alpha-3 code (such as KHM), not `{}`",
                                excerpt(&g.id)
                            ),
                        );
                    }
                    if g.members.is_some() {
                        self.problems.push(Problem::warning(
                            format!("{path}.members"),
                            "a country has no members; did you mean kind \"group\"?",
                        ));
                    }
                }
                GeographyKind::Group => {
                    if let Some(members) = &g.members {
                        self.refs(&path, "members", members, Ref::Geography);
                    }
                }
            }
        }
        for (i, h) in s.highlights.iter().enumerate() {
            let path = self.origins.path("highlights", i);
            self.required_text(&path, "figure", &h.figure);
            self.required_text(&path, "label", &h.label);
            self.source(&format!("{path}.source"), &h.source);
        }
    }

    fn paragraph(&mut self, path: &str, p: &'a Paragraph) {
        self.required_text(path, "text", &p.text);
        self.refs(path, "themes", &p.themes, Ref::Theme);
        self.refs(path, "partners", &p.partners, Ref::Partner);
        self.refs(path, "geographies", &p.geographies, Ref::Geography);
    }

    fn text(&mut self) {
        for (si, section) in self.sheet.sections.iter().enumerate() {
            let sp = self.origins.path("sections", si);
            self.required_text(&sp, "title", &section.title);
            for (pi, p) in section.paragraphs.iter().enumerate() {
                self.paragraph(&format!("{sp}.paragraphs[{pi}]"), p);
            }
            for (ui, sub) in section.subsections.iter().enumerate() {
                let up = format!("{sp}.subsections[{ui}]");
                self.required_text(&up, "title", &sub.title);
                if let Some(project) = &sub.project {
                    self.one_ref(&format!("{up}.project"), project, Ref::Project);
                }
                for (pi, p) in sub.paragraphs.iter().enumerate() {
                    self.paragraph(&format!("{up}.paragraphs[{pi}]"), p);
                }
            }
            for (pi, p) in section.closing.iter().enumerate() {
                self.paragraph(&format!("{sp}.closing[{pi}]"), p);
            }
        }
    }

    fn events(&mut self) {
        for (i, e) in self.sheet.events.iter().enumerate() {
            let path = self.origins.path("events", i);
            self.required_text(&path, "title", &e.title);
            self.refs(&path, "partners", &e.partners, Ref::Partner);
            self.refs(&path, "themes", &e.themes, Ref::Theme);
            self.refs(&path, "geographies", &e.geographies, Ref::Geography);
            if let Some(project) = &e.project {
                self.one_ref(&format!("{path}.project"), project, Ref::Project);
            }
            self.figures(&path, &e.figures);
            self.source(&format!("{path}.source"), &e.source);
        }
    }

    fn projects(&mut self) {
        for (i, p) in self.sheet.projects.iter().enumerate() {
            let path = self.origins.path("projects", i);
            self.required_text(&path, "title", &p.title);
            self.required_text(&path, "summary", &p.summary);
            self.period(&path, &p.period);
            for (pi, phase) in p.phases.iter().enumerate() {
                let pp = format!("{path}.phases[{pi}]");
                self.required_text(&pp, "title", &phase.title);
                if phase.last_year() < phase.start {
                    self.error(
                        format!("{pp}.end"),
                        format!("the phase ends ({}) before it starts ({})", phase.last_year(), phase.start),
                    );
                }
                if phase.start < p.period.start || phase.last_year() > p.period.end {
                    self.warning(
                        pp.clone(),
                        format!(
                            "the phase ({}-{}) lies outside the project's period ({}-{})",
                            phase.start,
                            phase.last_year(),
                            p.period.start,
                            p.period.end
                        ),
                    );
                }
                self.source(&format!("{pp}.source"), &phase.source);
            }
            if let Some(money) = &p.funding {
                self.money(&format!("{path}.funding"), money);
            }
            if let Some(source) = &p.funding_source {
                self.source(&format!("{path}.funding_source"), source);
            }
            self.refs(&path, "funders", &p.funders, Ref::Partner);
            self.refs(&path, "partners", &p.partners, Ref::Partner);
            self.refs(&path, "themes", &p.themes, Ref::Theme);
            self.refs(&path, "geographies", &p.geographies, Ref::Geography);
            for (ri, r) in p.results.iter().enumerate() {
                if r.variants().any(|(_, text)| text.trim().is_empty()) {
                    self.error(format!("{path}.results[{ri}]"), "a result must not be empty".into());
                }
                self.texts.push((format!("{path}.results[{ri}]"), r));
            }
            self.figures(&path, &p.figures);
            self.source(&format!("{path}.source"), &p.source);
        }
    }

    fn figures(&mut self, path: &str, figures: &'a [Figure]) {
        for (fi, f) in figures.iter().enumerate() {
            let fp = format!("{path}.figures[{fi}]");
            if !f.value.is_finite() || f.value < 0.0 {
                self.error(
                    format!("{fp}.value"),
                    format!("a count must be a finite number of zero or more, not {}", f.value),
                );
            }
            self.required_text(&fp, "unit", &f.unit);
            self.one_ref(&format!("{fp}.geography"), &f.geography, Ref::Geography);
            self.source(&format!("{fp}.source"), &f.source);
        }
    }

    fn reach(&mut self) {
        for (i, r) in self.sheet.reach.iter().enumerate() {
            let path = self.origins.path("reach", i);
            self.required_text(&path, "title", &r.title);
            if r.geographies.is_empty() {
                self.error(
                    format!("{path}.geographies"),
                    "a reach entry must name at least one country or region".into(),
                );
            }
            self.refs(&path, "geographies", &r.geographies, Ref::Geography);
            self.refs(&path, "themes", &r.themes, Ref::Theme);
            self.refs(&path, "partners", &r.partners, Ref::Partner);
            if let Some(period) = &r.period {
                self.period(&path, period);
            }
            self.source(&format!("{path}.source"), &r.source);
        }
    }

    fn contributions(&mut self) {
        for (i, c) in self.sheet.contributions.iter().enumerate() {
            let path = self.origins.path("contributions", i);
            self.required_text(&path, "title", &c.title);
            match &c.amount {
                Some(amount) => self.money(&format!("{path}.amount"), amount),
                None if c.kind == ContributionKind::StatedTotal => self
                    .error(format!("{path}.amount"), "a stated total needs its amount, as the source states it".into()),
                None => {}
            }
            match &c.period {
                Some(period) => self.period(&path, period),
                None if c.amount.is_some() => {
                    self.error(format!("{path}.period"), "an amount needs the years it covers".into())
                }
                None => {}
            }
            self.refs(&path, "funders", &c.funders, Ref::Partner);
            self.refs(&path, "themes", &c.themes, Ref::Theme);
            self.source(&format!("{path}.source"), &c.source);
        }
    }

    /// The limits `Groups` met while expanding groups, as the views meet them.
    fn group_limits(&mut self) {
        let groups = Groups::of(self.sheet);
        let (_, budget) = groups.budget();
        let budget = format!(
            "expanding groups into their members may cost {} for a sheet of this size ({EXPANSION_PER_ID} for each \
             geography id it writes, at least {})",
            count(budget),
            count(MIN_EXPANSION)
        );
        for &cut in groups.cuts() {
            match cut {
                Cut::Deep { geography } => {
                    let path = self.origins.path("geographies", geography);
                    self.error(
                        format!("{path}.members"),
                        format!(
                            "groups inside this group nest more than {MAX_GROUP_DEPTH} levels deep; the deeper ones \
                             are not followed"
                        ),
                    );
                }
                Cut::Long { geography, countries } => {
                    let path = self.origins.path("geographies", geography);
                    let most = count(MAX_GROUP_MEMBERS);
                    self.error(
                        format!("{path}.members"),
                        format!(
                            "a group stands for at most {most} countries (there are about 250): the members of this \
                             one, with those of the groups in it, run past {most} entries; only the {} countries \
                             of the first {most} are counted, the rest are left out",
                            count(countries)
                        ),
                    );
                }
                Cut::Spent { geography, countries, more } => {
                    let path = self.origins.path("geographies", geography);
                    let after = if more > 0 {
                        format!(", and the {} groups after it for none", count(more))
                    } else {
                        String::new()
                    };
                    self.error(
                        format!("{path}.members"),
                        format!(
                            "{budget}, and the groups before this one took it all: it stands for the {} countries \
                             read by then{after}",
                            count(countries)
                        ),
                    );
                }
                Cut::Items { first, more } => {
                    let (what, path) = match first {
                        Owner::Paragraph(i) => ("paragraph", self.paragraph_path(i)),
                        Owner::Event(i) => ("event", self.origins.path("events", i)),
                        Owner::Project(i) => ("project", self.origins.path("projects", i)),
                        Owner::Reach(i) => ("reach entry", self.origins.path("reach", i)),
                    };
                    self.error(
                        format!("{path}.geographies"),
                        format!(
                            "{budget}, and it ran out here: this {what} and {} other items after it are filtered \
                             and mapped by the places they name alone, not by the members of their groups",
                            count(more)
                        ),
                    );
                }
            }
        }
    }

    /// The path of a paragraph by its place in `FactSheet::reading_order`.
    fn paragraph_path(&self, position: usize) -> String {
        let s = self.sheet;
        let mut paths: Vec<String> = s.meta.lead.iter().map(|_| "meta.lead".to_string()).collect();
        for (si, section) in s.sections.iter().enumerate() {
            let sp = self.origins.path("sections", si);
            paths.extend((0..section.paragraphs.len()).map(|pi| format!("{sp}.paragraphs[{pi}]")));
            for (ui, sub) in section.subsections.iter().enumerate() {
                paths.extend((0..sub.paragraphs.len()).map(|pi| format!("{sp}.subsections[{ui}].paragraphs[{pi}]")));
            }
            paths.extend((0..section.closing.len()).map(|pi| format!("{sp}.closing[{pi}]")));
        }
        paths.into_iter().nth(position).unwrap_or_else(|| "sections".to_string())
    }

    fn contacts(&mut self) {
        for (i, c) in self.sheet.contacts.iter().enumerate() {
            let path = self.origins.path("contacts", i);
            self.required(&path, "name", &c.name);
            for (li, link) in c.links.iter().enumerate() {
                let lp = format!("{path}.links[{li}]");
                self.required(&lp, "label", &link.label);
                self.url(format!("{lp}.url"), &link.url);
            }
        }
    }
}

/// A count with its thousands apart: `4,096`.
fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// Three ASCII capital letters, the shape of an ISO 3166-1 alpha-3 code.
pub fn is_alpha3(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

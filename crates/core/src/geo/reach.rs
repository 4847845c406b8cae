//! What the map shows for a set of matching projects: the countries and
//! groups they reach, how many projects reach each, and the beneficiary
//! figures attached to each geography. Pure: the map and its table both read
//! this, so they always agree.
//!
//! Rules:
//! - A project reaches every geography it names and, for a group with known
//!   members, each member country (not past the sheet's budget for groups:
//!   `model::geography::Groups`, whose member lists every place shares). A
//!   figure's geography is reached too.
//! - So does an entry of `sheet.reach` (countries and regions reached without
//!   a named project); such a place counts no project and says so.
//! - Figures come from the matching projects and the matching events (the
//!   SCORE seminars' participants are an event's); only projects are counted.
//! - A figure stays on the geography the source attaches it to: a group's
//!   figure is the group's, never split into countries, never summed.
//! - The sheet's own country (`meta.country`) is the origin of the South–South
//!   links; it is marked, not hidden.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::geography::{Geographies, Groups, Owner};
use crate::model::{FactSheet, Figure, GeographyKind};

use super::world::World;

/// A geography reached by matching projects.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub id: String,
    /// The sheet's name for it, else the id.
    pub name: String,
    pub kind: GeographyKind,
    /// Member countries of a group, when known (nested groups expanded); a
    /// country's only member is itself.
    pub members: Members,
    /// Indices (into `sheet.projects`) of the matching projects that reach it.
    pub projects: Vec<usize>,
    /// Indices (into `sheet.reach`) of the matching entries that name it:
    /// reached without a named project.
    pub entries: Vec<usize>,
    /// Figures attached to it.
    pub figures: Vec<FigureRef>,
    /// Named by a project or a figure itself (not only through a group).
    pub direct: bool,
    /// The sheet's own country: where the South–South links start.
    pub origin: bool,
}

/// A place's member countries: a country's is itself; a group's are read
/// from the sheet's [`Groups`], shared, never copied per place.
#[derive(Clone)]
pub struct Members(Listed);

#[derive(Clone)]
enum Listed {
    Country(String),
    Group(Arc<Groups>, u32),
    Unknown,
}

impl Members {
    fn of(groups: &Arc<Groups>, id: &str, country: bool) -> Members {
        if country {
            return Members(Listed::Country(id.to_string()));
        }
        Members(groups.id(id).map_or(Listed::Unknown, |group| Listed::Group(groups.clone(), group)))
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let (own, group) = match &self.0 {
            Listed::Country(id) => (Some(id.as_str()), None),
            Listed::Group(groups, group) => (None, Some((groups, *group))),
            Listed::Unknown => (None, None),
        };
        let listed =
            group.into_iter().flat_map(|(groups, group)| groups.members_of(group).iter().map(|&m| groups.name(m)));
        own.into_iter().chain(listed)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.iter().any(|m| m == id)
    }

    pub fn len(&self) -> usize {
        match &self.0 {
            Listed::Country(_) => 1,
            Listed::Group(groups, group) => groups.members_of(*group).len(),
            Listed::Unknown => 0,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl PartialEq for Members {
    fn eq(&self, other: &Members) -> bool {
        self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for Members {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Where a figure is: `(item index, figure index)` in a project or an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FigureRef {
    Project(usize, usize),
    Event(usize, usize),
}

impl FigureRef {
    /// The figure in the sheet.
    pub fn get(self, sheet: &FactSheet) -> Option<&Figure> {
        match self {
            FigureRef::Project(p, f) => sheet.projects.get(p).and_then(|p| p.figures.get(f)),
            FigureRef::Event(e, f) => sheet.events.get(e).and_then(|e| e.figures.get(f)),
        }
    }

    /// The project it belongs to, if any.
    pub fn project(self) -> Option<usize> {
        match self {
            FigureRef::Project(p, _) => Some(p),
            FigureRef::Event(..) => None,
        }
    }
}

/// Every place reached, sorted by name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reach {
    pub places: Vec<Place>,
}

impl Reach {
    pub fn get(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// Reached countries other than the origin.
    pub fn countries(&self) -> impl Iterator<Item = &Place> {
        self.places.iter().filter(|p| p.kind == GeographyKind::Country && !p.origin)
    }

    /// Places that carry figures.
    pub fn with_figures(&self) -> impl Iterator<Item = &Place> {
        self.places.iter().filter(|p| !p.figures.is_empty())
    }

    /// The number of projects reaching a country, 0 when none does.
    pub fn project_count(&self, id: &str) -> usize {
        self.get(id).map_or(0, |p| p.projects.len())
    }

    /// True when the place is reached only without a named project.
    pub fn unnamed_only(&self, id: &str) -> bool {
        self.get(id).is_some_and(Place::unnamed_only)
    }
}

impl Place {
    /// Reached, but by no matching named project: only by `sheet.reach` entries.
    pub fn unnamed_only(&self) -> bool {
        self.projects.is_empty() && !self.entries.is_empty()
    }
}

/// What the matching projects and events (indices into `sheet.projects` and
/// `sheet.events`) reach.
pub fn reach(sheet: &FactSheet, projects: &[usize], events: &[usize]) -> Reach {
    reach_with(sheet, &Arc::new(Groups::of(sheet)), projects, events, &[])
}

/// The same, with the sheet's groups worked out already (`Index::groups`)
/// and the matching entries of `sheet.reach` (places reached without a named
/// project): each place they name, and the member countries of a group they
/// name, is reached.
pub fn reach_with(
    sheet: &FactSheet,
    groups: &Arc<Groups>,
    projects: &[usize],
    events: &[usize],
    entries: &[usize],
) -> Reach {
    let geo = Geographies::of(sheet);
    // By id: looked up for each place of each project (FxHash: ids are short).
    let mut places: FxHashMap<String, Place> = FxHashMap::default();
    for &i in entries {
        let Some(r) = sheet.reach.get(i) else {
            continue;
        };
        let expanded = groups.expands(Owner::Reach(i));
        for g in &r.geographies {
            let note = |place: &mut Place| {
                if !place.entries.contains(&i) {
                    place.entries.push(i);
                }
            };
            touch(sheet, &geo, groups, &mut places, g, None, true, note);
            for m in groups.members(g).filter(|_| expanded) {
                touch(sheet, &geo, groups, &mut places, m, None, false, note);
            }
        }
    }
    for &i in projects {
        let Some(p) = sheet.projects.get(i) else {
            continue;
        };
        let expanded = groups.expands(Owner::Project(i));
        let named = p.geographies.iter().map(String::as_str).chain(p.figures.iter().map(|f| f.geography.as_str()));
        for g in named {
            touch(sheet, &geo, groups, &mut places, g, Some(i), true, |_| {});
            for m in groups.members(g).filter(|_| expanded) {
                touch(sheet, &geo, groups, &mut places, m, Some(i), false, |_| {});
            }
        }
        for (k, f) in p.figures.iter().enumerate() {
            touch(sheet, &geo, groups, &mut places, &f.geography, Some(i), true, |place| {
                place.figures.push(FigureRef::Project(i, k));
            });
        }
    }
    for &i in events {
        let Some(e) = sheet.events.get(i) else {
            continue;
        };
        for (k, f) in e.figures.iter().enumerate() {
            touch(sheet, &geo, groups, &mut places, &f.geography, None, true, |place| {
                place.figures.push(FigureRef::Event(i, k));
            });
        }
    }
    let mut places: Vec<Place> = places.into_values().collect();
    for p in &mut places {
        p.projects.sort_unstable();
        p.projects.dedup();
    }
    places.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then_with(|| a.id.cmp(&b.id)));
    Reach { places }
}

/// Records `project` (and whether the place is named directly) in the place
/// for `id`, made on first use, then does `then` with it. One lookup for a
/// place made already.
#[allow(clippy::too_many_arguments)]
fn touch(
    sheet: &FactSheet,
    geo: &Geographies<'_>,
    groups: &Arc<Groups>,
    places: &mut FxHashMap<String, Place>,
    id: &str,
    project: Option<usize>,
    direct: bool,
    then: impl FnOnce(&mut Place),
) {
    let record = |place: &mut Place| {
        // A project touches its places one after another (its geographies,
        // then its figures' places): it is recorded already when it is the
        // last one. (Sorted and deduplicated at the end, for any order.)
        if let Some(project) = project {
            if place.projects.last() != Some(&project) {
                place.projects.push(project);
            }
        }
        place.direct |= direct;
        then(place);
    };
    match places.get_mut(id) {
        Some(place) => record(place),
        None => {
            let mut place = new_place(sheet, geo, groups, id);
            record(&mut place);
            places.insert(id.to_string(), place);
        }
    }
}

/// A place reached for the first time.
fn new_place(sheet: &FactSheet, geo: &Geographies<'_>, groups: &Arc<Groups>, id: &str) -> Place {
    let country = geo.is_country(id);
    Place {
        id: id.to_string(),
        name: geo.get(id).map_or(id, |g| &*g.name).to_string(),
        kind: if country { GeographyKind::Country } else { GeographyKind::Group },
        members: Members::of(groups, id, country),
        projects: Vec::new(),
        entries: Vec::new(),
        figures: Vec::new(),
        direct: false,
        origin: id == sheet.meta.country,
    }
}

/// Whether a place concerns the geographies of the `country` filter: the
/// same id, or shared member countries. An empty filter concerns everything.
pub fn concerns(sheet: &FactSheet, place: &Place, filter: &[String]) -> bool {
    Concern::of(sheet, filter).place(place)
}

/// What a `country` filter concerns, worked out once for many places: its
/// ids and their member countries.
pub struct Concern<'a> {
    everything: bool,
    ids: FxHashSet<&'a str>,
    members: FxHashSet<String>,
}

impl<'a> Concern<'a> {
    pub fn of(sheet: &FactSheet, filter: &'a [String]) -> Concern<'a> {
        let geo = Geographies::of(sheet);
        Concern {
            everything: filter.is_empty(),
            ids: filter.iter().map(String::as_str).collect(),
            members: filter.iter().flat_map(|f| geo.member_countries(f)).collect(),
        }
    }

    /// See [`concerns`].
    pub fn place(&self, place: &Place) -> bool {
        self.everything
            || self.ids.contains(place.id.as_str())
            || place.members.iter().any(|m| self.members.contains(m))
    }
}

/// Where a place's symbol goes on the map: a country's centroid; the mean of
/// the centroids of a group's members that the map has. `None` when the map
/// has none of them.
pub fn anchor(world: &World, place: &Place) -> Option<[f64; 2]> {
    if place.kind == GeographyKind::Country {
        return world.country(&place.id).map(|c| c.centroid);
    }
    let points: Vec<[f64; 2]> = place.members.iter().filter_map(|m| world.country(m)).map(|c| c.centroid).collect();
    if points.is_empty() {
        return None;
    }
    let n = points.len() as f64;
    let (sx, sy) = points.iter().fold((0.0, 0.0), |(x, y), p| (x + p[0], y + p[1]));
    Some([sx / n, sy / n])
}

/// Radius of a proportional circle: its area grows with the value, the
/// largest value gets `max_r`, and no circle is smaller than `min_r`.
pub fn circle_radius(value: f64, largest: f64, max_r: f64, min_r: f64) -> f64 {
    if largest <= 0.0 || value <= 0.0 {
        return min_r;
    }
    (max_r * (value / largest).sqrt()).clamp(min_r, max_r)
}

/// How dark a reached country is: 0 (not reached), 1, 2, or 3 (three or more projects).
pub fn shade_level(projects: usize) -> u8 {
    projects.min(3) as u8
}

/// A thin curved link from `from` to `to` (SVG path data), bowing to the left
/// of the direction of travel by a fifth of its length.
pub fn link_path(from: [f64; 2], to: [f64; 2]) -> String {
    let (dx, dy) = (to[0] - from[0], to[1] - from[1]);
    let (mx, my) = ((from[0] + to[0]) / 2.0, (from[1] + to[1]) / 2.0);
    let (cx, cy) = (mx + dy * 0.2, my - dx * 0.2);
    format!("M{:.1} {:.1}Q{:.1} {:.1} {:.1} {:.1}", from[0], from[1], cx, cy, to[0], to[1])
}

/// A row of the map's table: a place, and one of its figures if it has any.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub place: String,
    pub name: String,
    pub kind: GeographyKind,
    pub projects: usize,
    /// Reached without a named project (and by none that matches).
    pub unnamed_only: bool,
    pub figure: Option<FigureRef>,
}

/// The table's rows for the places that concern the filter: one per figure,
/// or one without a figure. Groups appear when a project or figure names them.
pub fn rows(sheet: &FactSheet, reach: &Reach, filter: &[String]) -> Vec<Row> {
    let mut out = Vec::new();
    let concern = Concern::of(sheet, filter);
    for p in &reach.places {
        let listed = p.kind == GeographyKind::Country || p.direct;
        if !listed || !concern.place(p) {
            continue;
        }
        let row = |figure| Row {
            place: p.id.clone(),
            name: p.name.clone(),
            kind: p.kind,
            projects: p.projects.len(),
            unnamed_only: p.unnamed_only(),
            figure,
        };
        if p.figures.is_empty() {
            out.push(row(None));
        } else {
            out.extend(p.figures.iter().map(|f| row(Some(*f))));
        }
    }
    out
}

/// What the table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Name,
    Projects,
    Beneficiaries,
}

/// The figure a row shows, if any.
pub fn row_figure<'a>(sheet: &'a FactSheet, row: &Row) -> Option<&'a Figure> {
    row.figure.and_then(|r| r.get(sheet))
}

/// Sorts rows in place. Rows without a figure go last when sorting by
/// beneficiaries, whatever the direction; ties keep name order.
pub fn sort_rows(sheet: &FactSheet, rows: &mut [Row], key: SortKey, ascending: bool) {
    let by_name = |a: &Row, b: &Row| a.name.to_lowercase().cmp(&b.name.to_lowercase());
    rows.sort_by(|a, b| {
        let primary = match key {
            SortKey::Name => by_name(a, b),
            SortKey::Projects => a.projects.cmp(&b.projects),
            SortKey::Beneficiaries => {
                let (va, vb) = (row_figure(sheet, a).map(|f| f.value), row_figure(sheet, b).map(|f| f.value));
                match (va, vb) {
                    (Some(x), Some(y)) => x.total_cmp(&y),
                    (Some(_), None) => return std::cmp::Ordering::Less,
                    (None, Some(_)) => return std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                }
            }
        };
        let primary = if ascending { primary } else { primary.reverse() };
        primary.then_with(|| by_name(a, b))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::world::Country;
    use crate::model::{Geography, Project, Qualifier, Source};

    fn geo(id: &str, kind: GeographyKind, name: &str, members: Option<&[&str]>) -> Geography {
        Geography {
            id: id.into(),
            kind,
            name: name.into(),
            members: members.map(|m| m.iter().map(|s| s.to_string()).collect()),
            members_note: None,
        }
    }

    fn figure(id: &str, value: f64, unit: &str, qualifier: Qualifier, geography: &str) -> Figure {
        Figure {
            id: id.into(),
            value,
            unit: unit.into(),
            qualifier,
            cumulative: false,
            geography: geography.into(),
            source: Source { section: "s".into(), quote: format!("quote {id}") },
        }
    }

    fn project(id: &str, geographies: &[&str], figures: Vec<Figure>) -> Project {
        Project {
            id: id.into(),
            title: id.into(),
            geographies: geographies.iter().map(|s| s.to_string()).collect(),
            figures,
            ..Default::default()
        }
    }

    fn sheet() -> FactSheet {
        use GeographyKind::{Country as C, Group as G};
        let mut s = FactSheet::default();
        s.meta.country = "CHN".into();
        s.geographies = vec![
            geo("CHN", C, "China", None),
            geo("KHM", C, "Cambodia", None),
            geo("LAO", C, "Lao PDR", None),
            geo("KEN", C, "Kenya", None),
            geo("TJK", C, "Tajikistan", None),
            geo("asean", G, "ASEAN", Some(&["KHM", "LAO", "SGP"])),
            geo("asean-china", G, "ASEAN and China", Some(&["asean", "CHN"])),
            geo("global-south", G, "Global South", None),
        ];
        s.projects = vec![
            project("skills", &["KHM", "LAO"], vec![figure("f1", 10000.0, "workers", Qualifier::MoreThan, "KHM")]),
            project("employment", &["asean"], vec![figure("f2", 186000.0, "beneficiaries", Qualifier::Over, "asean")]),
            project("protection", &["LAO", "KEN"], vec![]),
            project(
                "score",
                &["global-south"],
                vec![figure("f3", 1000.0, "participants", Qualifier::Over, "global-south")],
            ),
            project("tvet", &["asean-china"], vec![]),
        ];
        s
    }

    #[test]
    fn counts_projects_per_country_through_groups() {
        let s = sheet();
        let r = reach(&s, &[0, 1, 2, 3], &[]);
        assert_eq!(r.project_count("KHM"), 2); // skills, employment (via ASEAN)
        assert_eq!(r.project_count("LAO"), 3);
        assert_eq!(r.project_count("KEN"), 1);
        assert_eq!(r.project_count("SGP"), 1);
        assert_eq!(r.project_count("TJK"), 0);
        assert!(r.get("KHM").is_some_and(|p| p.direct));
        assert!(r.get("SGP").is_some_and(|p| !p.direct));
        let names: Vec<&str> = r.countries().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Cambodia", "Kenya", "Lao PDR", "SGP"]);
    }

    #[test]
    fn figures_stay_on_their_geography() {
        let s = sheet();
        let r = reach(&s, &[0, 1, 2, 3], &[]);
        assert_eq!(r.get("asean").map(|p| p.figures.clone()), Some(vec![FigureRef::Project(1, 0)]));
        assert_eq!(r.get("KHM").map(|p| p.figures.clone()), Some(vec![FigureRef::Project(0, 0)]));
        // Never split into the members.
        assert!(r.get("LAO").is_some_and(|p| p.figures.is_empty()));
        let with: Vec<&str> = r.with_figures().map(|p| p.id.as_str()).collect();
        assert_eq!(with, ["asean", "KHM", "global-south"]);
    }

    #[test]
    fn event_figures_count_but_not_as_projects() {
        let mut s = sheet();
        s.events = vec![crate::model::Event {
            id: "seminars".into(),
            figures: vec![figure("f9", 1000.0, "participants", Qualifier::Over, "score-countries")],
            ..Default::default()
        }];
        let r = reach(&s, &[], &[0]);
        let place = r.get("score-countries").expect("the event's group");
        assert_eq!(place.figures, [FigureRef::Event(0, 0)]);
        assert!(place.projects.is_empty() && place.direct);
        assert_eq!(FigureRef::Event(0, 0).get(&s).map(|f| f.value), Some(1000.0));
        assert_eq!(rows(&s, &r, &[]).len(), 1);
        assert!(reach(&s, &[], &[]).places.is_empty(), "not when the event is filtered out");
    }

    #[test]
    fn only_matching_projects_count() {
        let s = sheet();
        let r = reach(&s, &[2], &[]);
        assert_eq!(r.project_count("KEN"), 1);
        assert_eq!(r.project_count("KHM"), 0);
        assert!(r.with_figures().next().is_none());
        assert!(reach(&s, &[], &[]).places.is_empty());
        assert!(reach(&s, &[99], &[99]).places.is_empty());
    }

    #[test]
    fn a_project_past_the_budget_reaches_the_places_it_names_alone() {
        let s = sheet();
        let full = Arc::new(Groups::of(&s));
        let (spent, _) = full.budget();
        // Room for every project but the last, `tvet` (asean-china).
        let groups = Arc::new(Groups::within(&s, spent - 1));
        assert!(!groups.expands(Owner::Project(4)) && groups.expands(Owner::Project(1)));
        let r = reach_with(&s, &groups, &[1, 4], &[], &[]);
        assert_eq!(r.project_count("KHM"), 1, "employment, through asean");
        assert_eq!(r.project_count("asean-china"), 1);
        assert_eq!(r.project_count("CHN"), 0, "tvet names asean-china alone");
        assert_eq!(reach_with(&s, &full, &[1, 4], &[], &[]).project_count("CHN"), 1);
        // A group's members are the groups' own, shared.
        let members: Vec<&str> = r.get("asean-china").map(|p| p.members.iter().collect()).unwrap_or_default();
        assert_eq!(members, ["KHM", "LAO", "SGP", "CHN"]);
        assert!(r.get("asean").is_some_and(|p| p.members.contains("SGP") && p.members.len() == 3));
        assert!(r.get("KHM").is_some_and(|p| p.members.iter().eq(["KHM"])));
    }

    #[test]
    fn origin_is_marked_not_counted_as_reached() {
        let s = sheet();
        let r = reach(&s, &[4], &[]);
        assert!(r.get("CHN").is_some_and(|p| p.origin));
        assert!(r.countries().all(|p| p.id != "CHN"));
    }

    #[test]
    fn table_rows_follow_the_country_filter() {
        let s = sheet();
        let r = reach(&s, &[0, 1, 2, 3], &[]);
        let all = rows(&s, &r, &[]);
        // Countries, plus the groups projects name; one row per figure.
        let ids: Vec<&str> = all.iter().map(|r| r.place.as_str()).collect();
        assert_eq!(ids, ["asean", "KHM", "global-south", "KEN", "LAO", "SGP"]);
        let kenya = rows(&s, &r, &["KEN".to_string()]);
        assert_eq!(kenya.iter().map(|r| r.place.as_str()).collect::<Vec<_>>(), ["KEN"]);
        // A country filter keeps the groups it belongs to.
        let cambodia = rows(&s, &r, &["KHM".to_string()]);
        assert_eq!(cambodia.iter().map(|r| r.place.as_str()).collect::<Vec<_>>(), ["asean", "KHM"]);
        // A group filter keeps its members.
        let asean = rows(&s, &r, &["asean".to_string()]);
        assert_eq!(asean.iter().map(|r| r.place.as_str()).collect::<Vec<_>>(), ["asean", "KHM", "LAO", "SGP"]);
    }

    #[test]
    fn rows_sort_by_each_column() {
        let s = sheet();
        let r = reach(&s, &[0, 1, 2, 3], &[]);
        let mut all = rows(&s, &r, &[]);
        sort_rows(&s, &mut all, SortKey::Beneficiaries, false);
        let ids: Vec<&str> = all.iter().map(|r| r.place.as_str()).collect();
        assert_eq!(ids[..3], ["asean", "KHM", "global-south"]);
        sort_rows(&s, &mut all, SortKey::Beneficiaries, true);
        let ids: Vec<&str> = all.iter().map(|r| r.place.as_str()).collect();
        assert_eq!(ids[..3], ["global-south", "KHM", "asean"]);
        assert!(all[3..].iter().all(|r| r.figure.is_none()));
        sort_rows(&s, &mut all, SortKey::Projects, false);
        assert_eq!(all[0].place, "LAO");
        sort_rows(&s, &mut all, SortKey::Name, true);
        assert_eq!(all[0].name, "ASEAN");
    }

    #[test]
    fn group_symbols_sit_between_known_members() {
        let s = sheet();
        let r = reach(&s, &[1], &[]);
        let country = |id: &str, x: f64, y: f64| Country {
            id: id.into(),
            name: id.into(),
            path: "M0 0z".into(),
            centroid: [x, y],
            bbox: [x, y, x, y],
        };
        let world =
            World { countries: vec![country("KHM", 10.0, 20.0), country("LAO", 20.0, 10.0)], ..Default::default() };
        // SGP is not on this map: the anchor uses the members it has.
        assert_eq!(r.get("asean").and_then(|p| anchor(&world, p)), Some([15.0, 15.0]));
        assert_eq!(r.get("KHM").and_then(|p| anchor(&world, p)), Some([10.0, 20.0]));
        assert_eq!(r.get("SGP").and_then(|p| anchor(&world, p)), None);
    }

    #[test]
    fn circles_grow_with_the_square_root() {
        assert_eq!(circle_radius(100.0, 100.0, 20.0, 3.0), 20.0);
        assert_eq!(circle_radius(25.0, 100.0, 20.0, 3.0), 10.0);
        assert_eq!(circle_radius(0.01, 100.0, 20.0, 3.0), 3.0);
        assert_eq!(circle_radius(5.0, 0.0, 20.0, 3.0), 3.0);
        assert_eq!((shade_level(0), shade_level(2), shade_level(7)), (0, 2, 3));
        assert!(link_path([0.0, 0.0], [10.0, 0.0]).starts_with("M0.0 0.0Q5.0"));
    }
}

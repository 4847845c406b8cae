//! Questions about a sheet's geographies that several parts ask: what an id
//! names, whether it is a country, and which countries a group stands for.
//! One answer here, so the filters (`query`) and the map (`geo`) agree.
//!
//! What groups may cost: a group stands for at most [`MAX_GROUP_MEMBERS`]
//! countries, and [`Groups`] expands each group once per sheet, shared by
//! every item that names it, within a budget proportional to the ids the file
//! writes ([`expansion_budget`]). Past the budget, an item's groups stand for
//! themselves alone. Each limit met is kept ([`Cut`]) for the validator to
//! word; the limits hold where the work is done, checked or not.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use super::types::{FactSheet, Geography, GeographyKind};

/// Groups inside groups are followed this many levels deep, no further (the
/// validator reports a deeper one). A real sheet nests two levels (ASEAN inside
/// an ASEAN–China group); the bound keeps a hostile chain of thousands cheap.
pub const MAX_GROUP_DEPTH: usize = 8;

/// A group stands for at most this many countries: its member list, with
/// the lists of the groups in it, is read this many entries far and no
/// further (the validator reports a longer one). There are about 250
/// countries and territories, so a group of every one fits four times over;
/// a longer list is a mistake, or a file made to cost, since each member is
/// worked out again for every item that names the group.
pub const MAX_GROUP_MEMBERS: usize = 1_000;

/// What expanding groups may cost, per geography id the file writes (in a
/// member list, an item's geographies, a figure's place): each entry of a
/// group's lists read counts once; each member of a group, with the groups
/// it is in, once more for each differently tagged item that names the
/// group, and once for each project or reach entry that does (the map's
/// lists). The synthetic 10,000-project sheet, naming its regions, spends
/// about 13 per id; a group of thousands named by thousands of items would
/// spend hundreds.
pub const EXPANSION_PER_ID: usize = 16;

/// The budget of a small sheet: expanding may always cost this much (a
/// group of every country, each in two other groups, named by 1,300
/// differently tagged items; a quarter of it for the synthetic 10,000-project
/// sheet). Each unit is at most 8 bytes of lists, so some 8 MB.
pub const MIN_EXPANSION: usize = 1_000_000;

/// How much expanding the groups of `sheet` may cost: [`EXPANSION_PER_ID`]
/// for each geography id it writes, at least [`MIN_EXPANSION`].
pub fn expansion_budget(sheet: &FactSheet) -> usize {
    let members = sheet.geographies.iter().map(|g| g.members.as_ref().map_or(0, Vec::len));
    let paragraphs = sheet
        .meta
        .lead
        .iter()
        .chain(sheet.sections.iter().flat_map(|s| s.all_paragraphs()))
        .map(|p| p.geographies.len());
    let events = sheet.events.iter().map(|e| e.geographies.len() + e.figures.len());
    let projects = sheet.projects.iter().map(|p| p.geographies.len() + p.figures.len());
    let reach = sheet.reach.iter().map(|r| r.geographies.len());
    let written: usize = members.chain(paragraphs).chain(events).chain(projects).chain(reach).sum();
    written.saturating_mul(EXPANSION_PER_ID).max(MIN_EXPANSION)
}

/// A sheet's geographies by id, for many questions in a row: built once in
/// O(n), each lookup O(1). The [`FactSheet`] methods below build one per call.
pub struct Geographies<'a> {
    by_id: HashMap<&'a str, &'a Geography>,
}

/// What reading a group's member lists found.
struct Walk<K> {
    countries: Vec<K>,
    /// Entries read.
    read: usize,
    /// Every entry was read (none left past the limit).
    complete: bool,
    /// A group was met deeper than [`MAX_GROUP_DEPTH`], and not followed.
    deep: bool,
}

impl<'a> Geographies<'a> {
    pub fn of(sheet: &'a FactSheet) -> Self {
        let mut by_id = HashMap::with_capacity(sheet.geographies.len());
        for g in &sheet.geographies {
            // The first of duplicate ids wins, as everywhere else.
            by_id.entry(g.id.as_str()).or_insert(g);
        }
        Geographies { by_id }
    }

    pub fn get(&self, id: &str) -> Option<&'a Geography> {
        self.by_id.get(id).copied()
    }

    /// Whether an id is a country: the sheet says so, or the sheet does not
    /// list it and it looks like an ISO 3166-1 alpha-3 code.
    pub fn is_country(&self, id: &str) -> bool {
        match self.get(id) {
            Some(g) => g.kind == GeographyKind::Country,
            None => id.len() == 3 && id.bytes().all(|b| b.is_ascii_uppercase()),
        }
    }

    fn list(&self, id: &str) -> Option<&'a [String]> {
        self.get(id).and_then(|g| g.members.as_deref())
    }

    /// The countries a geography stands for: itself for a country; the known
    /// members of a group, nested groups expanded (at most
    /// [`MAX_GROUP_DEPTH`] levels, [`MAX_GROUP_MEMBERS`] entries), each
    /// country once, in the order listed; nothing for a group without a
    /// member list.
    pub fn member_countries(&self, id: &str) -> Vec<String> {
        let list = |at: &str| self.list(at).map(|l| l.iter().map(String::as_str));
        let walk = walk(id, MAX_GROUP_MEMBERS, &mut FxHashSet::default(), |at| self.is_country(at), list);
        walk.countries.into_iter().map(String::from).collect()
    }
}

/// How a walk tells an id met for the first time: a set of ids as text, or
/// for numbers a stamp per number that a walk's number of its own renews.
trait Seen<K> {
    fn first(&mut self, id: K) -> bool;
}

impl<K: Eq + std::hash::Hash> Seen<K> for FxHashSet<K> {
    fn first(&mut self, id: K) -> bool {
        self.insert(id)
    }
}

/// Per number, the walk that met it last.
struct Stamps {
    walk: u32,
    met: Vec<u32>,
}

impl Seen<u32> for Stamps {
    fn first(&mut self, id: u32) -> bool {
        match self.met.get_mut(id as usize) {
            Some(met) if *met == self.walk => false,
            Some(met) => {
                *met = self.walk;
                true
            }
            None => true,
        }
    }
}

/// The countries `root` stands for (see [`Geographies::member_countries`]),
/// reading at most `limit` entries: depth first in the order listed, with a
/// stack of its own, each id visited once (cycles end there). For ids as
/// text or as numbers ([`Groups`]), one way.
fn walk<K, L>(
    root: K,
    limit: usize,
    seen: &mut impl Seen<K>,
    is_country: impl Fn(K) -> bool,
    list: impl Fn(K) -> Option<L>,
) -> Walk<K>
where
    K: Copy,
    L: Iterator<Item = K>,
{
    let mut walk = Walk { countries: Vec::new(), read: 0, complete: true, deep: false };
    if is_country(root) {
        walk.countries.push(root);
        return walk;
    }
    let Some(entries) = list(root) else {
        return walk;
    };
    seen.first(root);
    let mut stack: Vec<(L, usize)> = vec![(entries, 1)];
    while let Some((entries, depth)) = stack.last_mut() {
        let depth = *depth;
        let Some(at) = entries.next() else {
            stack.pop();
            continue;
        };
        if walk.read == limit {
            walk.complete = false;
            break;
        }
        walk.read += 1;
        if !seen.first(at) {
            continue;
        }
        if is_country(at) {
            walk.countries.push(at);
        } else if let Some(entries) = list(at) {
            if depth <= MAX_GROUP_DEPTH {
                stack.push((entries, depth + 1));
            } else {
                walk.deep = true;
            }
        }
    }
    walk
}

impl FactSheet {
    /// The geography with this id, if the sheet lists it.
    pub fn geography(&self, id: &str) -> Option<&Geography> {
        self.geographies.iter().find(|g| g.id == id)
    }

    /// The sheet's name for a geography, else its id.
    pub fn geography_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.geography(id).map_or(id, |g| &*g.name)
    }

    /// See [`Geographies::is_country`].
    pub fn is_country(&self, id: &str) -> bool {
        match self.geography(id) {
            Some(g) => g.kind == GeographyKind::Country,
            None => id.len() == 3 && id.bytes().all(|b| b.is_ascii_uppercase()),
        }
    }

    /// See [`Geographies::member_countries`]; for many questions build a
    /// [`Geographies`] once.
    pub fn member_countries(&self, id: &str) -> Vec<String> {
        Geographies::of(self).member_countries(id)
    }
}

/// Where a list of geographies sits: an item the filters and the map take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    /// A paragraph, by its place in [`FactSheet::reading_order`].
    Paragraph(usize),
    Event(usize),
    Project(usize),
    /// An entry of `sheet.reach`.
    Reach(usize),
}

impl Owner {
    fn kind(self) -> (usize, usize) {
        match self {
            Owner::Paragraph(i) => (0, i),
            Owner::Event(i) => (1, i),
            Owner::Project(i) => (2, i),
            Owner::Reach(i) => (3, i),
        }
    }
}

/// A limit [`Groups`] met, for the validator to word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// The group at `geography` (its index in `sheet.geographies`) holds
    /// groups nested deeper than [`MAX_GROUP_DEPTH`], not followed.
    Deep { geography: usize },
    /// The group at `geography` (its index in `sheet.geographies`) has lists
    /// longer than [`MAX_GROUP_MEMBERS`] entries: it stands for the
    /// `countries` of the first ones.
    Long { geography: usize, countries: usize },
    /// The budget ran out while the group at `geography` was expanded: it
    /// stands for the `countries` found by then, and `more` groups after it
    /// for none.
    Spent { geography: usize, countries: usize, more: usize },
    /// The budget ran out for the items: `first` and `more` items after it
    /// stand for the places they name alone.
    Items { first: Owner, more: usize },
}

/// `start..end` in a list shared by every id.
type Span = (u32, u32);

/// A sheet's groups expanded once, for every item to share: each geography
/// id the sheet names as a number, each group's member countries and each
/// country's groups as lists of those numbers, each item's places (its
/// geographies as the filters see them: a subsection paragraph's with its
/// project's), and whether its groups stand for their members (they do,
/// unless the budget ran out before it). Built in O(size of the file + the
/// budget spent); `query::Index` keeps one, the map's reach and the
/// validator ask it too.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Groups {
    names: Vec<String>,
    ids: FxHashMap<String, u32>,
    /// Per id, its member countries in `members`.
    down: Vec<Span>,
    members: Vec<u32>,
    /// Per id, the groups whose members it is in, in `within`.
    up: Vec<Span>,
    within: Vec<u32>,
    /// Per kind of item (`Owner::kind`), each item's places in `places`.
    items: [Vec<Span>; 4],
    places: Vec<u32>,
    expanded: [Vec<bool>; 4],
    budget: usize,
    spent: usize,
    cuts: Vec<Cut>,
}

fn span(list: &[Span], at: usize) -> std::ops::Range<usize> {
    list.get(at).map_or(0..0, |&(a, b)| a as usize..b as usize)
}

impl Groups {
    /// The groups of `sheet`, within its [`expansion_budget`].
    pub fn of(sheet: &FactSheet) -> Groups {
        Groups::within(sheet, expansion_budget(sheet))
    }

    /// The same within `budget`: each group's lists read (an entry costs
    /// 1), then each item in order (paragraphs, events, projects, reach
    /// entries) costs what the index and the map work out for it: for a set
    /// of places not seen before, each place, its groups, and each member
    /// country of a group among them with that country's groups; for a
    /// project or reach entry, each member country of the groups it names
    /// (its figures' places too). An item that does not fit is not
    /// expanded; a later, cheaper one may be.
    pub fn within(sheet: &FactSheet, budget: usize) -> Groups {
        let geo = Geographies::of(sheet);
        let mut g = Groups { budget, ..Groups::default() };
        for x in &sheet.geographies {
            g.intern(&x.id);
        }
        // Every member list as numbers (the first of a repeated id's), and
        // which ids are countries: the walks below read numbers only.
        let mut lists: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for x in &sheet.geographies {
            if let (Some(list), true) = (&x.members, geo.get(&x.id).is_some_and(|first| std::ptr::eq(first, x))) {
                let id = g.intern(&x.id);
                let entries = list.iter().map(|m| g.intern(m)).collect();
                lists.insert(id, entries);
            }
        }
        let country: Vec<bool> = g.names.iter().map(|n| geo.is_country(n)).collect();
        let is_country = |x: u32| country.get(x as usize).copied().unwrap_or(false);
        let list = |x: u32| lists.get(&x).map(|l| l.iter().copied());
        let mut seen = Stamps { walk: 0, met: vec![0; country.len()] };
        // Each group's member countries, once.
        let mut expanded: Vec<(u32, Vec<u32>)> = Vec::new();
        let mut spent_at: Option<(usize, usize)> = None;
        let mut more = 0;
        for (i, x) in sheet.geographies.iter().enumerate() {
            let Some(id) = g.id(&x.id).filter(|id| lists.contains_key(id)) else {
                continue;
            };
            if !geo.get(&x.id).is_some_and(|first| std::ptr::eq(first, x)) {
                continue;
            }
            let limit = MAX_GROUP_MEMBERS.min(budget.saturating_sub(g.spent));
            seen.walk += 1;
            let walk = walk(id, limit, &mut seen, is_country, list);
            g.spent += walk.read;
            if walk.deep {
                g.cuts.push(Cut::Deep { geography: i });
            }
            if !walk.complete {
                if limit == MAX_GROUP_MEMBERS {
                    g.cuts.push(Cut::Long { geography: i, countries: walk.countries.len() });
                } else if spent_at.is_none() {
                    spent_at = Some((i, walk.countries.len()));
                } else {
                    more += 1;
                }
            }
            expanded.push((id, walk.countries));
        }
        if let Some((geography, countries)) = spent_at {
            g.cuts.push(Cut::Spent { geography, countries, more });
        }
        g.index_lists(expanded);
        g.plan(sheet);
        g
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), id);
        id
    }

    /// `down` and `members` from each group's list, `up` and `within` the other way.
    fn index_lists(&mut self, lists: Vec<(u32, Vec<u32>)>) {
        let n = self.names.len();
        self.down = vec![(0, 0); n];
        let mut count = vec![0u32; n];
        for (id, list) in lists {
            let start = self.members.len() as u32;
            for &m in &list {
                count[m as usize] += 1;
            }
            self.members.extend(list);
            self.down[id as usize] = (start, self.members.len() as u32);
        }
        let mut at = 0;
        self.up = count
            .iter()
            .map(|&c| {
                at += c;
                (at - c, at - c)
            })
            .collect();
        self.within = vec![0; at as usize];
        for group in 0..n {
            for k in span(&self.down, group) {
                let m = self.members[k] as usize;
                let end = &mut self.up[m].1;
                self.within[*end as usize] = group as u32;
                *end += 1;
            }
        }
    }

    /// Each item's places, and whether its groups are expanded.
    fn plan(&mut self, sheet: &FactSheet) {
        // What one place costs an item that has not been counted yet.
        let cost: Vec<usize> = (0..self.names.len() as u32)
            .map(|x| {
                let own = 1 + self.groups_of(x).len();
                own + self.members_of(x).iter().map(|&m| 1 + self.groups_of(m).len()).sum::<usize>()
            })
            .collect();
        let mut counted: FxHashSet<Vec<u32>> = FxHashSet::default();
        let mut cut: Option<(Owner, usize)> = None;
        let mut add = |g: &mut Groups, owner: Owner, names: &mut dyn Iterator<Item = &String>, named: usize| {
            let mut places: Vec<u32> = names.map(|n| g.intern(n)).collect();
            places.sort_unstable();
            places.dedup();
            let index = if counted.contains(&places) {
                0
            } else {
                places.iter().map(|&p| cost.get(p as usize).copied().unwrap_or(1)).sum()
            };
            let fits = g.spent.saturating_add(index).saturating_add(named) <= g.budget;
            if fits {
                g.spent += index + named;
                if index > 0 {
                    counted.insert(places.clone());
                }
            } else {
                match &mut cut {
                    None => cut = Some((owner, 0)),
                    Some((_, more)) => *more += 1,
                }
            }
            let (kind, _) = owner.kind();
            let start = g.places.len() as u32;
            g.places.extend(places);
            g.items[kind].push((start, g.places.len() as u32));
            g.expanded[kind].push(fits);
        };
        for (i, (p, project)) in sheet.reading_order().into_iter().enumerate() {
            let inherited = project.map_or(&[][..], |p| &p.geographies[..]);
            add(self, Owner::Paragraph(i), &mut p.geographies.iter().chain(inherited), 0);
        }
        for (i, e) in sheet.events.iter().enumerate() {
            add(self, Owner::Event(i), &mut e.geographies.iter(), 0);
        }
        for (i, p) in sheet.projects.iter().enumerate() {
            let named = p.geographies.iter().chain(p.figures.iter().map(|f| &f.geography));
            let named: usize = named.map(|n| self.id(n).map_or(0, |x| self.members_of(x).len())).sum();
            add(self, Owner::Project(i), &mut p.geographies.iter(), named);
        }
        for (i, r) in sheet.reach.iter().enumerate() {
            let named: usize = r.geographies.iter().map(|n| self.id(n).map_or(0, |x| self.members_of(x).len())).sum();
            add(self, Owner::Reach(i), &mut r.geographies.iter(), named);
        }
        if let Some((first, more)) = cut {
            self.cuts.push(Cut::Items { first, more });
        }
    }

    /// The number of an id the sheet names.
    pub fn id(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }

    /// The id of a number.
    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }

    /// How many ids the sheet names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The member countries of a group (none for a country, or a group
    /// without a known list), as [`Geographies::member_countries`] gives
    /// them within the limits.
    pub fn members_of(&self, id: u32) -> &[u32] {
        &self.members[span(&self.down, id as usize)]
    }

    /// The groups whose members include `id`.
    pub fn groups_of(&self, id: u32) -> &[u32] {
        &self.within[span(&self.up, id as usize)]
    }

    /// The member countries of the group named `name`, by id.
    pub fn members(&self, name: &str) -> impl Iterator<Item = &str> {
        let list = self.id(name).map_or(&[][..], |id| self.members_of(id));
        list.iter().map(|&m| self.name(m))
    }

    /// An item's places, each once.
    pub fn places(&self, owner: Owner) -> &[u32] {
        let (kind, i) = owner.kind();
        &self.places[span(&self.items[kind], i)]
    }

    /// Whether an item's groups stand for their members (and its countries
    /// for their groups): not past the budget, nor for an item not in the sheet.
    pub fn expands(&self, owner: Owner) -> bool {
        let (kind, i) = owner.kind();
        self.expanded[kind].get(i).copied().unwrap_or(false)
    }

    /// What expanding may cost, and what it did.
    pub fn budget(&self) -> (usize, usize) {
        (self.spent, self.budget)
    }

    /// The limits met.
    pub fn cuts(&self) -> &[Cut] {
        &self.cuts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geo(id: &str, kind: GeographyKind, members: Option<&[&str]>) -> Geography {
        Geography {
            id: id.into(),
            kind,
            name: id.to_uppercase().into(),
            members: members.map(|m| m.iter().map(|s| s.to_string()).collect()),
            ..Geography::default()
        }
    }

    fn sheet() -> FactSheet {
        use GeographyKind::*;
        FactSheet {
            geographies: vec![
                geo("KHM", Country, None),
                geo("LAO", Country, None),
                geo("asean", Group, Some(&["KHM", "LAO", "SGP"])),
                // Nested, listing a member twice and itself: each country once.
                geo("asean-china", Group, Some(&["asean", "CHN", "LAO", "asean-china"])),
                geo("global-south", Group, None),
            ],
            ..FactSheet::default()
        }
    }

    #[test]
    fn members_expand_nested_groups_once() {
        let s = sheet();
        assert_eq!(s.member_countries("asean-china"), ["KHM", "LAO", "SGP", "CHN"]);
        assert_eq!(s.member_countries("KHM"), ["KHM"]);
        assert!(s.member_countries("global-south").is_empty());
        assert!(s.member_countries("nowhere").is_empty());
    }

    #[test]
    fn a_chain_of_groups_is_followed_to_a_bounded_depth() {
        use GeographyKind::*;
        let chain = |n: usize| FactSheet {
            geographies: (0..n)
                .map(|i| {
                    let next = if i + 1 < n { format!("g{}", i + 1) } else { "KEN".to_string() };
                    geo(&format!("g{i}"), Group, Some(&[next.as_str()]))
                })
                .collect(),
            ..FactSheet::default()
        };
        // g0 holds g1 … g8 inside it: 8 levels, followed to KEN.
        let short = chain(MAX_GROUP_DEPTH + 1);
        let geos = Geographies::of(&short);
        assert_eq!(geos.member_countries("g0"), ["KEN"]);
        assert!(Groups::of(&short).cuts().is_empty());
        let long = chain(5000);
        let geos = Geographies::of(&long);
        assert!(geos.member_countries("g0").is_empty(), "not followed past the bound");
        assert_eq!(geos.member_countries("g4999"), ["KEN"]);
        let deep: Vec<usize> = Groups::of(&long)
            .cuts()
            .iter()
            .filter_map(|c| match c {
                Cut::Deep { geography } => Some(*geography),
                _ => None,
            })
            .collect();
        assert_eq!(deep, (0..5000 - MAX_GROUP_DEPTH - 1).collect::<Vec<_>>(), "each group holding 9 levels or more");
        // A cycle ends.
        assert!(Groups::of(&sheet()).cuts().is_empty());
    }

    fn project(id: &str, geographies: &[&str]) -> crate::model::Project {
        crate::model::Project {
            id: id.into(),
            geographies: geographies.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    /// `n` ids shaped like country codes: AAA, AAB, …
    fn codes(n: usize) -> Vec<String> {
        (0..n).map(|i| [676, 26, 1].iter().map(|d| char::from(b'A' + (i / d % 26) as u8)).collect()).collect()
    }

    #[test]
    fn a_group_stands_for_the_countries_of_its_first_thousand_entries() {
        use GeographyKind::*;
        let many = codes(4096);
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let s = FactSheet {
            geographies: vec![
                geo("all", Group, Some(&many)),
                // Nested lists count too: 999 of its own, then `all`'s.
                geo("more", Group, Some(&[&many[..999], &["all"]].concat())),
            ],
            ..FactSheet::default()
        };
        let geos = Geographies::of(&s);
        assert_eq!(geos.member_countries("all"), many[..MAX_GROUP_MEMBERS]);
        assert_eq!(geos.member_countries("more"), many[..999], "`all` read, nothing of it counted");
        let groups = Groups::of(&s);
        assert_eq!(groups.members("all").collect::<Vec<_>>(), many[..MAX_GROUP_MEMBERS]);
        assert_eq!(
            groups.cuts(),
            [Cut::Long { geography: 0, countries: MAX_GROUP_MEMBERS }, Cut::Long { geography: 1, countries: 999 }]
        );
        assert!(Groups::of(&sheet()).cuts().is_empty());
    }

    #[test]
    fn items_past_the_budget_stand_for_their_places_alone() {
        let mut s = sheet();
        s.projects = vec![
            project("p0", &["asean"]),
            project("p1", &["asean"]),
            project("p2", &["asean", "KEN"]),
            project("p3", &["KHM"]),
        ];
        // Reading the lists costs 10 (3 entries of asean, 7 of asean-china).
        // A first item naming asean costs 13: asean, its 3 members and their 2
        // groups each (10), and 3 members on the map; the same places again, 3
        // (the map's). asean and KEN together cost 14; KHM and its 2 groups, 3.
        let groups = Groups::within(&s, 29);
        let expanded: Vec<bool> = (0..4).map(|i| groups.expands(Owner::Project(i))).collect();
        assert_eq!(expanded, [true, true, false, true], "a later, cheaper item still fits");
        assert_eq!(groups.budget(), (29, 29));
        assert_eq!(groups.cuts(), [Cut::Items { first: Owner::Project(2), more: 0 }]);
        let khm = groups.id("KHM").expect("KHM");
        assert_eq!(groups.places(Owner::Project(3)), [khm]);
        assert!(!groups.expands(Owner::Project(4)), "not in the sheet");
        // With room for everything, nothing is cut.
        let all = Groups::within(&s, 1_000);
        assert!(all.cuts().is_empty() && (0..4).all(|i| all.expands(Owner::Project(i))));
        // Nothing left for the lists: each group stands for no one.
        let none = Groups::within(&s, 2);
        assert_eq!(none.members("asean").count(), 2);
        assert_eq!(none.members("asean-china").count(), 0);
        assert_eq!(none.cuts()[0], Cut::Spent { geography: 2, countries: 2, more: 1 });
    }

    #[test]
    fn the_budget_grows_with_the_ids_a_file_writes() {
        let s = sheet();
        assert_eq!(expansion_budget(&s), MIN_EXPANSION);
        // A project of many ids, beside the sheet's 7 member entries.
        let n = MIN_EXPANSION / EXPANSION_PER_ID;
        let mut big = sheet();
        big.projects = vec![project("p", &codes(n).iter().map(String::as_str).collect::<Vec<_>>())];
        assert_eq!(expansion_budget(&big), (n + 7) * EXPANSION_PER_ID);
    }

    #[test]
    fn countries_are_what_the_sheet_says_or_look_like_iso_codes() {
        let s = sheet();
        assert!(s.is_country("KHM") && s.is_country("SGP"));
        assert!(!s.is_country("asean") && !s.is_country("nowhere") && !s.is_country("Khm"));
    }

    #[test]
    fn names_fall_back_to_the_id() {
        let s = sheet();
        assert_eq!(s.geography_name("asean"), "ASEAN");
        assert_eq!(s.geography_name("XYZ"), "XYZ");
    }
}

//! The filter state of one widget and its URL form.
//!
//! URL keys: `theme`, `partner`, `country` (ISO alpha-3 or a group id), `from`,
//! `to` (years), `q` (search), `view` (`full`, `projects`, `timeline`, `map`,
//! `funding`), `lang` (reserved). List facets take several values, repeated
//! or comma-separated (`theme=skills,employment`). The canonical form, written
//! by [`FilterState::to_query`], uses a fixed key order and omits defaults, so
//! one state has one URL.

pub use super::params::OWN_KEYS;
use super::params::{decode, encode, raw_pairs};
use super::text::capped_query;

/// Which part of the report is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Full,
    Projects,
    Timeline,
    Map,
    Funding,
}

impl View {
    /// Every view, in the tabs' order.
    pub const ALL: [View; 5] = [View::Full, View::Projects, View::Timeline, View::Map, View::Funding];

    /// The view's name in a URL (`view=map`), an attribute and a file name.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Full => "full",
            View::Projects => "projects",
            View::Timeline => "timeline",
            View::Map => "map",
            View::Funding => "funding",
        }
    }

    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// A facet with several values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    Theme,
    Partner,
    Country,
}

/// What a visitor has chosen. OR within a list facet, AND across facets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterState {
    pub themes: Vec<String>,
    pub partners: Vec<String>,
    /// Geography ids: ISO alpha-3 (`KEN`) or a group id (`asean`).
    pub countries: Vec<String>,
    /// First year, inclusive.
    pub from: Option<i32>,
    /// Last year, inclusive.
    pub to: Option<i32>,
    pub q: String,
    pub view: View,
    /// Reserved for later languages; kept on a round trip.
    pub lang: Option<String>,
}

/// The most values a facet takes from a query: a link naming thousands of
/// ids (each checked against the others) would cost the page for nothing.
pub const MAX_VALUES: usize = 64;

/// The longest filter value taken from a query, in characters: a longer one
/// is no id of any sheet worth echoing back, and is ignored.
pub const MAX_ID_CHARS: usize = 100;

fn push_unique(list: &mut Vec<String>, value: String) {
    if !value.is_empty() && list.len() < MAX_VALUES && !list.contains(&value) {
        list.push(value);
    }
}

fn country_id(value: &str) -> String {
    if value.len() == 3 && value.bytes().all(|b| b.is_ascii_alphabetic()) {
        value.to_ascii_uppercase()
    } else {
        value.to_string()
    }
}

fn year(value: &str) -> Option<i32> {
    value.trim().parse::<i32>().ok().filter(|y| (1000..=9999).contains(y))
}

impl FilterState {
    /// Reads a query string (with or without `?`). Values are percent-decoded
    /// (`+` is a space); list values may repeat the key or be comma-separated,
    /// and are trimmed and deduplicated; three-letter country codes are
    /// upper-cased. Unknown keys and values that do not parse are ignored,
    /// and so are values past [`MAX_VALUES`] a facet or over [`MAX_ID_CHARS`];
    /// the search is cut to [`MAX_QUERY_CHARS`](super::text::MAX_QUERY_CHARS).
    pub fn from_query(query: &str) -> FilterState {
        let mut s = FilterState::default();
        for (key, raw) in raw_pairs(query) {
            let value = decode(raw);
            let values = || {
                raw.split(',')
                    .map(|v| decode(v).trim().to_string())
                    .filter(|v| !v.is_empty() && v.chars().count() <= MAX_ID_CHARS)
            };
            match key.as_str() {
                "theme" => values().for_each(|v| push_unique(&mut s.themes, v)),
                "partner" => values().for_each(|v| push_unique(&mut s.partners, v)),
                "country" => values().for_each(|v| push_unique(&mut s.countries, country_id(&v))),
                "from" => s.from = year(&value).or(s.from),
                "to" => s.to = year(&value).or(s.to),
                "q" => s.q = capped_query(&value),
                "view" => s.view = View::parse(value.trim()).unwrap_or(s.view),
                "lang" if !value.trim().is_empty() => s.lang = Some(value.trim().to_string()),
                _ => {}
            }
        }
        s
    }

    /// The canonical query string: `""` for the default state, else `?...`.
    pub fn to_query(&self) -> String {
        let list = |values: &[String]| values.iter().map(|v| encode(v)).collect::<Vec<_>>().join(",");
        let mut parts: Vec<String> = Vec::new();
        if self.view != View::Full {
            parts.push(format!("view={}", self.view.as_str()));
        }
        for (key, values) in [("theme", &self.themes), ("partner", &self.partners), ("country", &self.countries)] {
            if !values.is_empty() {
                parts.push(format!("{key}={}", list(values)));
            }
        }
        if let Some(y) = self.from {
            parts.push(format!("from={y}"));
        }
        if let Some(y) = self.to {
            parts.push(format!("to={y}"));
        }
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode(&self.q)));
        }
        if let Some(lang) = &self.lang {
            parts.push(format!("lang={}", encode(lang)));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// How many filters are set: each chosen theme, partner and country, each
    /// end of the period, the search (the view and language do not count).
    pub fn active_count(&self) -> usize {
        self.themes.len()
            + self.partners.len()
            + self.countries.len()
            + usize::from(self.from.is_some())
            + usize::from(self.to.is_some())
            + usize::from(!self.q.trim().is_empty())
    }

    /// True when any filter is set.
    pub fn has_filters(&self) -> bool {
        self.active_count() > 0
    }

    /// The same view and language with no filters.
    pub fn cleared(&self) -> FilterState {
        FilterState { view: self.view, lang: self.lang.clone(), ..FilterState::default() }
    }

    /// Whether a list facet holds exactly `id` and nothing else.
    pub fn is_only(&self, facet: Facet, id: &str) -> bool {
        let id = if facet == Facet::Country { country_id(id) } else { id.to_string() };
        let list = self.list(facet);
        list.len() == 1 && list[0] == id
    }

    /// The state with a list facet set to `id` alone, other filters kept
    /// ("show only this theme").
    pub fn with_only(&self, facet: Facet, id: &str) -> FilterState {
        let mut next = self.clone();
        *next.list_mut(facet) = vec![if facet == Facet::Country { country_id(id) } else { id.to_string() }];
        next
    }

    /// The state with nothing chosen in a list facet, other filters kept.
    pub fn without(&self, facet: Facet) -> FilterState {
        let mut next = self.clone();
        next.list_mut(facet).clear();
        next
    }

    /// Chooses `id` alone in a facet, or clears the facet when `id` already
    /// was the only choice (a place clicked twice on the map).
    pub fn chosen(&self, facet: Facet, id: &str) -> FilterState {
        if self.is_only(facet, id) {
            self.without(facet)
        } else {
            self.with_only(facet, id)
        }
    }

    /// The ids chosen in a list facet.
    pub fn list(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Theme => &self.themes,
            Facet::Partner => &self.partners,
            Facet::Country => &self.countries,
        }
    }

    fn list_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        match facet {
            Facet::Theme => &mut self.themes,
            Facet::Partner => &mut self.partners,
            Facet::Country => &mut self.countries,
        }
    }

    /// Adds `id` to a list facet, or removes it when present. Country codes
    /// are upper-cased as [`FilterState::from_query`] does.
    pub fn toggled(&self, facet: Facet, id: &str) -> FilterState {
        let id = if facet == Facet::Country { country_id(id) } else { id.to_string() };
        let id = id.as_str();
        let mut next = self.clone();
        let list = next.list_mut(facet);
        match list.iter().position(|v| v == id) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(id.to_string()),
        }
        next
    }

    /// The year range as a closed interval with open ends filled in.
    pub fn period(&self) -> Option<(i32, i32)> {
        match (self.from, self.to) {
            (None, None) => None,
            (from, to) => Some((from.unwrap_or(i32::MIN), to.unwrap_or(i32::MAX))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_key() {
        let s = FilterState::from_query(
            "?theme=skills,employment&theme=skills&partner=mohrss&country=ken&country=asean\
             &from=2019&to=2025&q=Timor+L%C3%A9ste&view=map&lang=fr&data=x.json",
        );
        assert_eq!(s.themes, ["skills", "employment"]);
        assert_eq!(s.partners, ["mohrss"]);
        assert_eq!(s.countries, ["KEN", "asean"]);
        assert_eq!((s.from, s.to), (Some(2019), Some(2025)));
        assert_eq!(s.q, "Timor Léste");
        assert_eq!(s.view, View::Map);
        assert_eq!(s.lang.as_deref(), Some("fr"));
        let bare = FilterState::from_query("theme=skills&view=funding");
        assert_eq!(bare, FilterState::from_query("?theme=skills&view=funding"));
        assert_eq!(bare.view, View::Funding);
    }

    #[test]
    fn lists_repeat_or_use_commas_and_are_deduplicated() {
        let repeated = FilterState::from_query("theme=a&theme=b&theme=a&partner=x");
        let commas = FilterState::from_query("theme=a,b,a&partner=x,x");
        let mixed = FilterState::from_query("theme=a,b&theme=b&partner=x&partner=");
        assert_eq!(repeated.themes, ["a", "b"]);
        assert_eq!(repeated, commas);
        assert_eq!(repeated, mixed);
        // An encoded comma belongs to the value; spaces around values go.
        let s = FilterState::from_query("theme=a%2Cb,+c+&country=khm,%20Lao,kh1,asean,ASEAN");
        assert_eq!(s.themes, ["a,b", "c"]);
        assert_eq!(s.countries, ["KHM", "LAO", "kh1", "asean", "ASEAN"], "only 3-letter codes are upper-cased");
        assert_eq!(FilterState::from_query("country=KHM&country=khm").countries, ["KHM"]);
    }

    #[test]
    fn decodes_percent_escapes_plus_and_utf8() {
        let s = FilterState::from_query("q=%E5%8C%97%E4%BA%AC+%26+Timor%E2%80%91Leste%3F+100%25");
        assert_eq!(s.q, "北京 & Timor‑Leste? 100%");
        assert_eq!(FilterState::from_query("q=50%+off%2").q, "50% off%2", "bad escapes stay as text");
        assert_eq!(FilterState::from_query("lang=zh%2DHans").lang.as_deref(), Some("zh-Hans"));
    }

    #[test]
    fn ignores_junk() {
        let s = FilterState::from_query("from=soon&to=&view=galaxy&theme=,,&x=1&&=&lang=");
        assert_eq!(s, FilterState::default());
        assert_eq!(FilterState::from_query(""), FilterState::default());
        assert_eq!(FilterState::from_query("?"), FilterState::default());
        let s = FilterState::from_query("from=2019&from=20x9&to=2025.5&view=map&view=nope");
        assert_eq!((s.from, s.to, s.view), (Some(2019), None, View::Map), "a bad value keeps the earlier good one");
    }

    #[test]
    fn writes_the_canonical_form() {
        assert_eq!(FilterState::default().to_query(), "");
        assert_eq!(FilterState { q: "x".into(), ..FilterState::default() }.to_query(), "?q=x", "view=full is omitted");
        let s = FilterState::from_query(
            "lang=fr&q=Timor+L%C3%A9ste&to=2025&from=2019&country=ken,asean\
             &partner=mohrss&theme=skills,employment&view=map",
        );
        assert_eq!(
            s.to_query(),
            "?view=map&theme=skills,employment&partner=mohrss&country=KEN,asean\
             &from=2019&to=2025&q=Timor%20L%C3%A9ste&lang=fr"
        );
        assert_eq!(FilterState { view: View::Funding, ..FilterState::default() }.to_query(), "?view=funding");
        for v in [View::Full, View::Projects, View::Timeline, View::Map, View::Funding] {
            assert_eq!(View::parse(v.as_str()), Some(v));
        }
    }

    #[test]
    fn a_link_cannot_make_the_state_large() {
        let long_q = "x".repeat(10_000);
        let long_id = "a".repeat(MAX_ID_CHARS + 1);
        let many: Vec<String> = (0..5_000).map(|i| format!("t{i}")).collect();
        let s = FilterState::from_query(&format!(
            "q={long_q}&theme={}&partner={long_id},mohrss&country={}",
            many.join(","),
            many.join(",")
        ));
        assert_eq!(s.q.chars().count(), super::super::text::MAX_QUERY_CHARS);
        assert_eq!(s.themes.len(), MAX_VALUES);
        assert_eq!(s.themes[..2], ["t0", "t1"], "the first ones kept, in order");
        assert_eq!(s.countries.len(), MAX_VALUES);
        assert_eq!(s.partners, ["mohrss"], "an over-long value is ignored");
    }

    #[test]
    fn canonical_states_round_trip() {
        let states = [
            FilterState::default(),
            FilterState { view: View::Timeline, ..FilterState::default() },
            FilterState {
                themes: vec!["social-protection".into(), "a,b".into()],
                partners: vec!["mohrss".into()],
                countries: vec!["KEN".into()],
                from: Some(2020),
                to: None,
                q: "digital & 100% «Lao»".into(),
                view: View::Projects,
                lang: None,
            },
            FilterState {
                themes: vec!["skills".into(), "employment".into()],
                partners: vec!["acftu".into(), "iecc".into()],
                countries: vec!["asean".into(), "KHM".into(), "LAO".into()],
                from: None,
                to: Some(2027),
                q: "  Timor-Léste’s a+b=c #1 /x?y ".into(),
                view: View::Map,
                lang: Some("zh-Hans".into()),
            },
            FilterState {
                from: Some(1985),
                to: Some(2025),
                q: "北京 ñ".into(),
                view: View::Funding,
                ..Default::default()
            },
        ];
        for s in states {
            let q = s.to_query();
            assert_eq!(FilterState::from_query(&q), s, "{q}");
            assert_eq!(FilterState::from_query(&q).to_query(), q);
            assert!(!q.contains(' ') && !q.contains('+'), "{q}");
        }
        let s = FilterState { themes: vec!["social-protection".into(), "a,b".into()], ..FilterState::default() };
        assert_eq!(s.to_query(), "?theme=social-protection,a%2Cb");
    }

    #[test]
    fn toggling_clearing_and_activity() {
        let s = FilterState { view: View::Timeline, lang: Some("fr".into()), ..FilterState::default() };
        assert!(!s.has_filters());
        let t = s.toggled(Facet::Theme, "skills");
        assert!(t.has_filters());
        assert_eq!(t.themes, ["skills"]);
        assert!(t.toggled(Facet::Theme, "skills").themes.is_empty());
        assert_eq!(t.toggled(Facet::Partner, "mohrss").partners, ["mohrss"]);
        let c = s.toggled(Facet::Country, "khm");
        assert_eq!(c.countries, ["KHM"]);
        assert!(c.toggled(Facet::Country, "KHM").countries.is_empty());
        assert_eq!(c.toggled(Facet::Country, "asean").countries, ["KHM", "asean"]);
        let cleared = FilterState { q: "x".into(), from: Some(2000), ..t }.cleared();
        assert_eq!(cleared, s);
        for active in [
            FilterState { q: "x".into(), ..FilterState::default() },
            FilterState { from: Some(2000), ..FilterState::default() },
            FilterState { to: Some(2000), ..FilterState::default() },
            FilterState { countries: vec!["KEN".into()], ..FilterState::default() },
        ] {
            assert!(active.has_filters(), "{active:?}");
        }
        assert!(!FilterState { q: "  ".into(), ..FilterState::default() }.has_filters());
        let many = FilterState::from_query("?theme=a,b&country=KEN&from=2019&q=x&view=map&lang=fr");
        assert_eq!(many.active_count(), 5, "two themes, a country, a start year, a search");
        assert_eq!(FilterState { to: Some(2020), ..FilterState::default() }.period(), Some((i32::MIN, 2020)));
        assert_eq!(FilterState::default().period(), None);
    }

    #[test]
    fn one_facet_choice_sets_toggles_and_clears() {
        let s = FilterState::from_query("?theme=skills,employment&partner=mohrss&view=map");
        let only = s.with_only(Facet::Theme, "skills");
        assert_eq!(only.themes, ["skills"]);
        assert_eq!((only.partners.clone(), only.view), (s.partners.clone(), View::Map), "other filters kept");
        assert!(only.is_only(Facet::Theme, "skills") && !s.is_only(Facet::Theme, "skills"));
        let ken = s.chosen(Facet::Country, "ken");
        assert_eq!(ken.countries, ["KEN"]);
        assert!(ken.chosen(Facet::Country, "KEN").countries.is_empty(), "chosen twice clears");
        assert!(ken.chosen(Facet::Country, "ken").countries.is_empty(), "in any letter case");
        assert_eq!(ken.chosen(Facet::Country, "asean").countries, ["asean"]);
        let both = ken.with_only(Facet::Theme, "skills");
        assert_eq!(
            both.without(Facet::Country),
            FilterState { countries: Vec::new(), ..both.clone() },
            "one facet cleared"
        );
    }
}

//! The filter state of one widget and its URL form.
//!
//! URL keys: `theme`, `partner`, `country` (ISO alpha-3 or a group id), `from`,
//! `to` (years), `q` (search), `view` (`full`, `projects`, `timeline`, `map`,
//! `funding`), `lang` (reserved). List facets take several values, repeated
//! or comma-separated (`theme=skills,employment`). The canonical form, written
//! by [`FilterState::to_query`], uses a fixed key order and omits defaults, so
//! one state has one URL.

use super::params::{decode, encode, raw_pairs};

/// Keys this state owns in the URL; any other parameter is left alone.
pub const OWN_KEYS: [&str; 8] = ["view", "theme", "partner", "country", "from", "to", "q", "lang"];

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
        [View::Full, View::Projects, View::Timeline, View::Map, View::Funding].into_iter().find(|v| v.as_str() == s)
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

fn push_unique(list: &mut Vec<String>, value: String) {
    if !value.is_empty() && !list.contains(&value) {
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
    /// Reads a query string (with or without `?`). Unknown keys and values that
    /// do not parse are ignored.
    pub fn from_query(query: &str) -> FilterState {
        let mut s = FilterState::default();
        for (key, raw) in raw_pairs(query) {
            let value = decode(raw);
            let values = || raw.split(',').map(|v| decode(v).trim().to_string()).filter(|v| !v.is_empty());
            match key.as_str() {
                "theme" => values().for_each(|v| push_unique(&mut s.themes, v)),
                "partner" => values().for_each(|v| push_unique(&mut s.partners, v)),
                "country" => values().for_each(|v| push_unique(&mut s.countries, country_id(&v))),
                "from" => s.from = year(&value).or(s.from),
                "to" => s.to = year(&value).or(s.to),
                "q" => s.q = value,
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

    /// True when any filter is set (the view and language do not count).
    pub fn has_filters(&self) -> bool {
        !self.themes.is_empty()
            || !self.partners.is_empty()
            || !self.countries.is_empty()
            || self.from.is_some()
            || self.to.is_some()
            || !self.q.trim().is_empty()
    }

    /// The same view and language with no filters.
    pub fn cleared(&self) -> FilterState {
        FilterState { view: self.view, lang: self.lang.clone(), ..FilterState::default() }
    }

    /// Adds `id` to a list facet, or removes it when present.
    pub fn toggled(&self, facet: Facet, id: &str) -> FilterState {
        let mut next = self.clone();
        let list = match facet {
            Facet::Theme => &mut next.themes,
            Facet::Partner => &mut next.partners,
            Facet::Country => &mut next.countries,
        };
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
            "?theme=skills,employment&theme=skills&partner=mohrss&country=ken&country=asean&from=2019&to=2025&q=Timor+L%C3%A9ste&view=map&lang=fr&data=x.json",
        );
        assert_eq!(s.themes, ["skills", "employment"]);
        assert_eq!(s.partners, ["mohrss"]);
        assert_eq!(s.countries, ["KEN", "asean"]);
        assert_eq!((s.from, s.to), (Some(2019), Some(2025)));
        assert_eq!(s.q, "Timor Léste");
        assert_eq!(s.view, View::Map);
        assert_eq!(s.lang.as_deref(), Some("fr"));
    }

    #[test]
    fn ignores_junk() {
        let s = FilterState::from_query("from=soon&to=&view=galaxy&theme=,,&x=1&&=");
        assert_eq!(s, FilterState::default());
        assert_eq!(FilterState::from_query(""), FilterState::default());
    }

    #[test]
    fn canonical_round_trip() {
        let s = FilterState {
            themes: vec!["social-protection".into(), "a,b".into()],
            partners: vec!["mohrss".into()],
            countries: vec!["KEN".into()],
            from: Some(2020),
            to: None,
            q: "digital & 100% «Lao»".into(),
            view: View::Projects,
            lang: None,
        };
        let q = s.to_query();
        assert!(q.starts_with("?view=projects&theme=social-protection,a%2Cb&partner=mohrss&country=KEN&from=2020&q="), "{q}");
        assert_eq!(FilterState::from_query(&q), s);
        assert_eq!(FilterState::default().to_query(), "");
    }

    #[test]
    fn toggling_clearing_and_activity() {
        let s = FilterState { view: View::Timeline, ..FilterState::default() };
        assert!(!s.has_filters());
        let t = s.toggled(Facet::Theme, "skills");
        assert!(t.has_filters());
        assert_eq!(t.themes, ["skills"]);
        assert!(t.toggled(Facet::Theme, "skills").themes.is_empty());
        let c = FilterState { q: "x".into(), from: Some(2000), ..t }.cleared();
        assert_eq!(c, FilterState { view: View::Timeline, ..FilterState::default() });
        assert_eq!(FilterState { to: Some(2020), ..FilterState::default() }.period(), Some((i32::MIN, 2020)));
    }
}

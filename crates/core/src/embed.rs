//! Embedding, the pure part: what a widget on someone else's page is asked to
//! show, and the two snippets an editor pastes to embed the current view.
//!
//! `embed.js` hands each widget its element's attributes as a query string,
//! `data-` dropped (`<div data-ilo-factsheet data-view="map" data-country="KEN">`
//! gives `view=map&country=KEN`); an iframe (`embed.html?view=map`) hands over
//! its own query. [`Options::from_attributes`] reads either. The filter keys
//! are the URL's (`query::params::OWN_KEYS`); besides them:
//!
//! - `src`: the data file. A script embed may name any origin (the editor who
//!   wrote the page chose it; the server must allow CORS). In an iframe it
//!   comes from the frame's URL, so the same-origin rule of `?data=` applies
//!   (see [`crate::data_url`]): a link to our `embed.html` must never show
//!   someone else's content under our address.
//! - `theme`: `light`, `dark` and `auto` are colour schemes (the stylesheet
//!   reads the attribute); any other value is a theme filter.
//! - `url-sync`: the widget mirrors its state in the page URL (our own full
//!   page only; an embed keeps its state to itself by default).

use crate::query::params::{decode, raw_pairs};
use crate::query::{FilterState, View};

/// The colour schemes `theme` can name.
pub const COLOR_SCHEMES: [&str; 3] = ["light", "dark", "auto"];

/// What one widget is asked to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The data file as written (`None`: the default sheet).
    pub src: Option<String>,
    /// Filters, view and language from the attributes.
    pub filters: FilterState,
    /// A view was named: the widget shows that view alone, without tabs.
    pub single_view: bool,
    /// The widget mirrors its state in the page URL.
    pub url_sync: bool,
    /// `light`, `dark` or `auto`, when `theme` named one.
    pub color_scheme: Option<String>,
}

impl Options {
    /// Reads the attributes (`view=map&theme=dark&country=KEN,TJK`).
    pub fn from_attributes(query: &str) -> Options {
        let mut filter_pairs = Vec::new();
        let mut options = Options::default();
        for (key, raw) in raw_pairs(query) {
            let value = decode(raw).trim().to_string();
            match key.as_str() {
                "src" | "data" if !value.is_empty() => options.src = Some(value),
                "url-sync" => options.url_sync = !matches!(value.as_str(), "off" | "false" | "no"),
                "theme" if COLOR_SCHEMES.contains(&value.as_str()) => options.color_scheme = Some(value),
                _ => filter_pairs.push(format!("{key}={raw}")),
            }
        }
        options.filters = FilterState::from_query(&filter_pairs.join("&"));
        options.single_view = options.filters.view != View::Full;
        options
    }

    /// True when `next` differs from `self` only in filters and view (and
    /// colours, which are the stylesheet's), so a mounted widget can take it
    /// in place, without loading its data again.
    pub fn takes_in_place(&self, next: &Options) -> bool {
        self.src == next.src
            && self.url_sync == next.url_sync
            && self.single_view == next.single_view
            && self.filters.lang == next.filters.lang
    }
}

/// The two ways to embed one view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippets {
    /// `<script type="module" src=".../embed.js">` and a `<div data-ilo-factsheet …>`.
    pub script: String,
    /// An `<iframe>` of `embed.html?…`, for sites that remove scripts.
    pub iframe: String,
}

/// The snippets that embed `state` (its view, filters and language) from the
/// site at `base` (absolute, ending in `/`), with the data file `src` (an
/// absolute URL; `None` for the default sheet) and the frame's `title`.
pub fn snippets(base: &str, state: &FilterState, src: Option<&str>, title: &str) -> Snippets {
    let pairs = attribute_pairs(state, src);
    let attributes: String = pairs.iter().map(|(k, v)| format!(" data-{k}=\"{}\"", escape(v))).collect();
    let script = format!(
        "<script type=\"module\" src=\"{}embed.js\"></script>\n<div data-ilo-factsheet{attributes}></div>",
        escape(base)
    );
    let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode_keeping_commas(v))).collect();
    let query = if query.is_empty() { String::new() } else { format!("?{}", query.join("&")) };
    let iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\" style=\"border:0\" loading=\"lazy\"></iframe>",
        escape(&format!("{base}embed.html{query}")),
        escape(title),
        frame_height(state.view),
    );
    Snippets { script, iframe }
}

/// A starting height for an iframe showing `view`, in CSS pixels: the frame
/// is resized to its content by `embed.js`, and scrolls without it.
pub fn frame_height(view: View) -> u32 {
    match view {
        View::Map => 720,
        View::Funding => 760,
        View::Timeline => 640,
        View::Projects | View::Full => 900,
    }
}

/// The attributes (without `data-`) that say `state` and `src`, in a fixed order.
fn attribute_pairs(state: &FilterState, src: Option<&str>) -> Vec<(&'static str, String)> {
    let mut pairs = vec![("view", state.view.as_str().to_string())];
    for (key, values) in [("theme", &state.themes), ("partner", &state.partners), ("country", &state.countries)] {
        if !values.is_empty() {
            pairs.push((key, values.join(",")));
        }
    }
    if let Some(y) = state.from {
        pairs.push(("from", y.to_string()));
    }
    if let Some(y) = state.to {
        pairs.push(("to", y.to_string()));
    }
    if !state.q.is_empty() {
        pairs.push(("q", state.q.clone()));
    }
    if let Some(lang) = &state.lang {
        pairs.push(("lang", lang.clone()));
    }
    if let Some(src) = src {
        pairs.push(("src", src.to_string()));
    }
    pairs
}

/// A value inside a double-quoted HTML attribute.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes a value for a query, leaving the commas that separate
/// list items (a comma inside a value cannot be told from one).
fn encode_keeping_commas(value: &str) -> String {
    value.split(',').map(crate::query::params::encode).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_give_filters_view_and_source() {
        let o = Options::from_attributes("view=map&country=ken,TJK&src=https%3A%2F%2Fa.org%2Fs.json&lang=en");
        assert_eq!(o.filters.view, View::Map);
        assert_eq!(o.filters.countries, vec!["KEN".to_string(), "TJK".to_string()]);
        assert_eq!(o.filters.lang.as_deref(), Some("en"));
        assert_eq!(o.src.as_deref(), Some("https://a.org/s.json"));
        assert!(o.single_view);
        assert!(!o.url_sync);
    }

    #[test]
    fn colour_schemes_are_not_theme_filters() {
        let dark = Options::from_attributes("theme=dark");
        assert_eq!(dark.color_scheme.as_deref(), Some("dark"));
        assert!(dark.filters.themes.is_empty());
        let filter = Options::from_attributes("theme=social-protection");
        assert_eq!(filter.color_scheme, None);
        assert_eq!(filter.filters.themes, vec!["social-protection".to_string()]);
    }

    #[test]
    fn no_view_is_the_full_report_and_url_sync_is_opt_in() {
        let o = Options::from_attributes("");
        assert!(!o.single_view && !o.url_sync && o.src.is_none());
        assert!(Options::from_attributes("url-sync=").url_sync);
        assert!(Options::from_attributes("url-sync=on").url_sync);
        assert!(!Options::from_attributes("url-sync=off").url_sync);
        assert!(!Options::from_attributes("view=full").single_view);
    }

    #[test]
    fn a_filter_change_is_taken_in_place() {
        let a = Options::from_attributes("view=map&src=a.json");
        assert!(a.takes_in_place(&Options::from_attributes("view=funding&country=KEN&src=a.json&theme=dark")));
        assert!(!a.takes_in_place(&Options::from_attributes("view=map&src=b.json")));
        assert!(!a.takes_in_place(&Options::from_attributes("view=map&src=a.json&lang=fr")));
        assert!(!a.takes_in_place(&Options::from_attributes("src=a.json")));
    }

    #[test]
    fn snippets_say_the_view_filters_and_source() {
        let state = FilterState::from_query("?view=map&country=KEN,TJK&q=a%22b");
        let s = snippets("https://f.ilo.org/sheet/", &state, Some("https://f.ilo.org/d/k.json"), "Map \"x\"");
        assert_eq!(
            s.script,
            "<script type=\"module\" src=\"https://f.ilo.org/sheet/embed.js\"></script>\n\
             <div data-ilo-factsheet data-view=\"map\" data-country=\"KEN,TJK\" data-q=\"a&quot;b\" \
             data-src=\"https://f.ilo.org/d/k.json\"></div>"
        );
        assert_eq!(
            s.iframe,
            "<iframe src=\"https://f.ilo.org/sheet/embed.html?view=map&amp;country=KEN,TJK&amp;q=a%22b&amp;\
             src=https%3A%2F%2Ff.ilo.org%2Fd%2Fk.json\" title=\"Map &quot;x&quot;\" width=\"100%\" height=\"720\" \
             style=\"border:0\" loading=\"lazy\"></iframe>"
        );
    }

    #[test]
    fn a_snippet_reads_back_as_the_same_state() {
        let state = FilterState::from_query("?view=funding&theme=a,b&partner=p%20q&from=2010&to=2020&q=x%2Cy&lang=fr");
        let s = snippets("https://f.ilo.org/", &state, None, "t");
        let start = s.iframe.find("embed.html?").map(|i| i + "embed.html?".len()).unwrap_or_default();
        let end = s.iframe[start..].find('"').map(|i| start + i).unwrap_or(s.iframe.len());
        let query = s.iframe[start..end].replace("&amp;", "&");
        assert_eq!(Options::from_attributes(&query).filters, state);
    }
}

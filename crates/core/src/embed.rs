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
//!   page only; an embed keeps its state to itself by default), unless its
//!   value is one of [`URL_SYNC_OFF`].
//!
//! `embed.js` must know some of these rules before the wasm runs (which
//! attributes to watch, which prerendered copy shows what the widget will).
//! They are written here once: [`Protocol`] gathers them, the build writes
//! them into `embed.js` (`snapshot --parts` writes `protocol.json`,
//! `scripts/embed-assets.mjs` fills it in), and `embed.js` holds no copy.

use serde::Serialize;

use crate::data_url::DEFAULT_DATA_URL;
use crate::i18n::Lang;
use crate::query::params::{decode, raw_pairs, OWN_KEYS};
use crate::query::{FilterState, View};

/// The colour schemes `theme` can name.
pub const COLOR_SCHEMES: [&str; 3] = ["light", "dark", "auto"];

/// The values of `url-sync` that mean no (any other value, or none, means yes).
pub const URL_SYNC_OFF: [&str; 3] = ["off", "false", "no"];

/// The event a widget bubbles from its root when it has drawn its report
/// (or the reason there is none): `embed.js` then swaps out the copy.
pub const READY_EVENT: &str = "ilo-factsheet:ready";

/// The `type` of the message our iframe page posts to its parent with its height.
pub const HEIGHT_MESSAGE: &str = "ilo-factsheet:height";

/// The base address prerendered copies link to; `embed.js` puts the site's in its place.
pub const BASE_PLACEHOLDER: &str = "https://ilo-factsheet.invalid/";

/// What `embed.js` knows of the widget's rules, as the build hands them to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Protocol {
    /// The options an element gives (`data-view`, or `view` on `<ilo-factsheet>`).
    pub options: Vec<&'static str>,
    /// The options (and the page URL's `data`) that ask for another state
    /// than the bundled sheet's default, whose copy is prerendered.
    pub state: Vec<&'static str>,
    pub schemes: [&'static str; 3],
    pub url_sync_off: [&'static str; 3],
    pub views: Vec<&'static str>,
    /// The interface languages, English (built into the wasm) first.
    pub languages: Vec<&'static str>,
    /// (language, subtag): a tag of that language with that subtag asks
    /// for a variety the interface does not speak (`zh-TW`).
    pub not_spoken: Vec<(&'static str, &'static str)>,
    pub ready_event: &'static str,
    pub height_message: &'static str,
    pub placeholder: &'static str,
    /// The bundled sheet, relative to the site.
    pub data: &'static str,
}

impl Protocol {
    /// The rules as this build has them.
    pub fn current() -> Protocol {
        let mut options = vec!["src"];
        options.extend(OWN_KEYS);
        options.push("url-sync");
        let mut state = vec!["data", "src"];
        state.extend(OWN_KEYS.into_iter().filter(|k| *k != "view"));
        Protocol {
            options,
            state,
            schemes: COLOR_SCHEMES,
            url_sync_off: URL_SYNC_OFF,
            views: View::ALL.map(View::as_str).to_vec(),
            languages: Lang::ALL.map(Lang::code).to_vec(),
            not_spoken: Lang::ZH_TRADITIONAL.map(|subtag| (Lang::Zh.code(), subtag)).to_vec(),
            ready_event: READY_EVENT,
            height_message: HEIGHT_MESSAGE,
            placeholder: BASE_PLACEHOLDER,
            data: DEFAULT_DATA_URL,
        }
    }

    /// As JSON, the form `embed.js` is given.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

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
                "url-sync" => options.url_sync = !URL_SYNC_OFF.contains(&value.as_str()),
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
    fn the_protocol_is_what_the_widget_reads() {
        let p = Protocol::current();
        // Every option changes what a widget is asked for; nothing else does.
        for key in &p.options {
            let value = match *key {
                "view" => "map",
                "from" | "to" => "2020",
                "theme" => "skills",
                _ => "x",
            };
            let asked = Options::from_attributes(&format!("{key}={value}"));
            assert_ne!(asked, Options::default(), "{key} is read");
        }
        assert_eq!(Options::from_attributes("colour=red&data-view=map"), Options::default());
        for off in p.url_sync_off {
            assert!(!Options::from_attributes(&format!("url-sync={off}")).url_sync, "{off}");
        }
        // The state keys are the options that are not the view or URL mirroring, and the page's `data`.
        let mut expected: Vec<&str> =
            p.options.iter().copied().filter(|k| !matches!(*k, "view" | "url-sync")).collect();
        expected.insert(0, "data");
        assert_eq!(p.state, expected);
        for view in &p.views {
            assert_eq!(View::parse(view).map(View::as_str), Some(*view));
        }
        for scheme in p.schemes {
            assert_eq!(Options::from_attributes(&format!("theme={scheme}")).color_scheme.as_deref(), Some(scheme));
        }
        for (lang, subtag) in &p.not_spoken {
            assert_eq!(Lang::from_tag(&format!("{lang}-{subtag}")), None);
            assert!(Lang::from_tag(lang).is_some());
        }
        assert_eq!(p.languages[0], "en");
        let json = p.to_json();
        assert!(json.contains("\"url_sync_off\":[\"off\",\"false\",\"no\"]"), "{json}");
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

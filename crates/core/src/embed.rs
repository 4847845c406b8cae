//! Embedding, the pure part: what a widget on someone else's page is asked to
//! show, and the two snippets an editor pastes to embed the current view.
//!
//! `embed.js` hands each widget its element's attributes as a query string,
//! `data-` dropped (`<div data-ilo-factsheet data-view="map" data-country="KEN">`
//! gives `view=map&country=KEN`); an iframe (`embed.html?view=map`) hands over
//! its own query. [`Options::from_attributes`] reads either, and
//! [`Options::start`] says what the widget starts from on its [`Page`]: which
//! data address applies (and who may ask for it), the first filter state,
//! the page parameters its links keep. The filter keys are the URL's
//! (`query::params::OWN_KEYS`); besides them:
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

use crate::data_url::{self, Refused, DEFAULT_DATA_URL};
use crate::i18n::Lang;
use crate::query::params::{decode, encode, foreign_params, param, raw_pairs, OWN_KEYS};
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

/// Where a widget is mounted, as the page around it says.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    /// Our iframe page (`embed.html`): the options come from the frame's own
    /// URL, so its `src` is held to the site's data folder like a link's `?data=`.
    pub frame: bool,
    /// The page's query string (`?data=…&view=map`, or empty).
    pub search: &'a str,
    /// The document's base URL, which the page's own addresses are relative to.
    pub base: &'a str,
    /// The site `embed.js` came from (absolute, ending in `/`).
    pub site: &'a str,
}

/// What a widget starts from: its sheet, its first state, and the page's
/// parameters its links keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Start {
    /// The sheet's absolute URL, or why the address asked for was refused.
    pub data: Result<String, Refused>,
    /// The sheet's absolute URL when one was asked for and allowed (`None`:
    /// the default sheet); embed snippets name it.
    pub data_src: Option<String>,
    /// The first filter state: the page's URL on our own page, else the attributes.
    pub filters: FilterState,
    /// Parameters the filter state does not own, encoded: the page's own
    /// (`data=…`) on our page, else the sheet asked for (`data=<its URL>`).
    pub foreign_params: String,
}

impl Options {
    /// Which data address applies, and who may ask for it: the page's own
    /// HTML (a script embed's `src`) may name any web address; a URL (our
    /// iframe page's `src`, our page's `?data=`, only read when the widget
    /// mirrors the URL) may name only a sheet in the site's data folder
    /// ([`data_url::resolve`]). `absolute` makes an address absolute against
    /// a base (the browser's URL parser: the only part left to the caller).
    pub fn start(&self, page: &Page<'_>, absolute: impl Fn(&str, &str) -> String) -> Start {
        let asked: Option<Result<String, Refused>> = match (&self.src, page.frame, self.url_sync) {
            (Some(src), true, _) => Some(data_url::resolve(Some(src), page.base, page.site)),
            (Some(src), false, _) => Some(data_url::embed_src(src)),
            (None, false, true) => {
                param(page.search, "data").map(|p| data_url::resolve(Some(&p), page.base, page.site))
            }
            (None, _, _) => None,
        };
        let (data, data_src) = match asked {
            Some(Ok(url)) => {
                let url = absolute(&url, page.base);
                (Ok(url.clone()), Some(url))
            }
            Some(Err(refused)) => (Err(refused), None),
            None => (Ok(absolute(DEFAULT_DATA_URL, page.site)), None),
        };
        let (filters, foreign_params) = if self.url_sync {
            (FilterState::from_query(page.search), foreign_params(page.search))
        } else {
            let kept = data_src.as_ref().map(|u| format!("data={}", encode(u))).unwrap_or_default();
            (self.filters.clone(), kept)
        };
        Start { data, data_src, filters, foreign_params }
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

    const SITE: &str = "https://www.ilo.org/factsheets/";

    /// A page at `base` with the query `search`; `frame` for our iframe page.
    fn page<'a>(frame: bool, search: &'a str, base: &'a str) -> Page<'a> {
        Page { frame, search, base, site: SITE }
    }

    /// A stand-in for the browser's URL parser: absolute stays, a path is
    /// taken from the base's folder.
    fn absolute(url: &str, base: &str) -> String {
        if url.contains("://") {
            url.to_string()
        } else {
            let folder = base.find(['?', '#']).map_or(base, |i| &base[..i]);
            format!("{}{url}", &folder[..=folder.rfind('/').unwrap_or(0)])
        }
    }

    fn start(attributes: &str, at: Page<'_>) -> Start {
        Options::from_attributes(attributes).start(&at, absolute)
    }

    #[test]
    fn a_widget_that_names_no_sheet_shows_the_site_s_own() {
        let host = "https://host.example/news/page.html";
        let s = start("view=map&country=KEN", page(false, "?data=data/korea.json", host));
        assert_eq!(s.data, Ok(format!("{SITE}data/china.json")));
        assert_eq!((s.data_src, s.foreign_params.as_str()), (None, ""));
        assert_eq!(s.filters, Options::from_attributes("view=map&country=KEN").filters, "the attributes, not the page");
        // Our iframe page without `src`: the same.
        let frame = start("view=map", page(true, "?view=map", &format!("{SITE}embed.html")));
        assert_eq!(frame.data, Ok(format!("{SITE}data/china.json")));
    }

    #[test]
    fn a_script_embed_may_name_any_web_address_relative_to_its_page() {
        let host = "https://host.example/news/page.html?x=1";
        let elsewhere = start("src=https%3A%2F%2Fdata.example%2Fk.json", page(false, "", host));
        assert_eq!(elsewhere.data, Ok("https://data.example/k.json".to_string()));
        assert_eq!(elsewhere.data_src.as_deref(), Some("https://data.example/k.json"));
        assert_eq!(elsewhere.foreign_params, "data=https%3A%2F%2Fdata.example%2Fk.json");
        let relative = start("src=sheets/k.json", page(false, "", host));
        assert_eq!(relative.data, Ok("https://host.example/news/sheets/k.json".to_string()));
        let refused = start("src=javascript:alert(1)", page(false, "", host));
        assert!(matches!(refused.data, Err(Refused::NotWeb(_))));
        assert_eq!((refused.data_src, refused.foreign_params.as_str()), (None, ""));
    }

    #[test]
    fn a_frame_s_src_is_held_to_the_site_s_data_folder() {
        let frame = format!("{SITE}embed.html?src=data/korea.json");
        let korea = start("src=data/korea.json", page(true, "?src=data/korea.json", &frame));
        assert_eq!(korea.data, Ok(format!("{SITE}data/korea.json")));
        assert_eq!(korea.data_src, Some(format!("{SITE}data/korea.json")));
        for bad in ["https%3A%2F%2Fevil.example%2Fx.json", "uploads/x.json", "javascript:alert(1)"] {
            let s = start(&format!("src={bad}"), page(true, "", &frame));
            assert!(s.data.is_err(), "{bad}: {:?}", s.data);
            assert_eq!(s.data_src, None);
        }
    }

    #[test]
    fn our_page_reads_its_sheet_and_state_from_its_url_keeping_what_it_does_not_own() {
        let at = |search| page(false, search, "https://www.ilo.org/factsheets/index.html");
        let korea = start("url-sync=", at("?data=data/korea.json&view=map&utm_source=x"));
        assert_eq!(korea.data, Ok(format!("{SITE}data/korea.json")));
        assert_eq!(korea.filters.view, View::Map);
        assert_eq!(korea.foreign_params, "data=data%2Fkorea.json&utm_source=x");
        let evil = start("url-sync=", at("?data=https://evil.example/x.json"));
        assert!(matches!(evil.data, Err(Refused::OtherOrigin(_))));
        assert_eq!(start("url-sync=", at("")).data, Ok(format!("{SITE}data/china.json")));
        // The page's own HTML outranks its URL.
        let named = start("url-sync=&src=data/template.json", at("?data=data/korea.json"));
        assert_eq!(named.data, Ok(format!("{SITE}data/template.json")));
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

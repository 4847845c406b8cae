//! Which data file a page may load. Pure, so the rule is tested natively.
//!
//! The rule: a link (`?data=PATH` on our page, `src=` in our iframe page's
//! URL) may name only a sheet published in the site's own data folder,
//! `data/` beside `embed.js`. Anyone can make a link, and anyone who can put
//! a `.json` file elsewhere on the origin (an upload folder, another team's
//! directory) must not be able to make an ILO page show their text and
//! contacts. So the address is resolved against the page first, then must
//! lie under `{site}data/`; an address with a scheme (`https:`,
//! `javascript:`, `data:`) is refused unless it is an absolute URL on the
//! page's own origin, and so are a protocol-relative `//host/...`,
//! backslashes, control characters, `.` and `..` segments and encoded dots,
//! slashes and backslashes (`%2e`, `%2f`, `%5c`), which a server may read as
//! a step out of the folder. The fetch itself refuses a response that was
//! redirected (`shell::load`), so a redirect on the origin cannot lead away.
//!
//! A script embed's `data-src` is written by the editor of the host page, not
//! by whoever made a link, so it may name any `https:`/`http:` origin
//! ([`embed_src`]).

/// The default data file, relative to the site (where `embed.js` is).
pub const DEFAULT_DATA_URL: &str = "data/china.json";

/// The folder of the site whose sheets a link may name.
pub const DATA_FOLDER: &str = "data/";

/// Why a data address was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The address points at another origin (or could).
    OtherOrigin(String),
    /// The address is not a web address (`javascript:`, `data:`, `file:`).
    NotWeb(String),
    /// On this origin, but not a file in the site's data folder (or written
    /// with `.`, `..` or encoded dots to look like one). The folder's URL is
    /// the second field.
    OutsideData(String, String),
}

/// The absolute URL to fetch for a link's `data` (or an iframe's `src`):
/// `None` or empty gives the default sheet. `page` is the absolute URL the
/// address is relative to (the document's base), `site` the absolute URL of
/// the folder `embed.js` came from (ending in `/`).
pub fn resolve(param: Option<&str>, page: &str, site: &str) -> Result<String, Refused> {
    let value = match param.map(str::trim) {
        None | Some("") => return Ok(format!("{site}{DEFAULT_DATA_URL}")),
        Some(v) => v,
    };
    let folder = format!("{site}{DATA_FOLDER}");
    let other = || Err(Refused::OtherOrigin(value.to_string()));
    let outside = || Err(Refused::OutsideData(value.to_string(), folder.clone()));
    if value.contains('\\') || value.chars().any(char::is_control) {
        return other();
    }
    let Some(origin) = origin_of(page) else {
        return other();
    };
    let absolute = if let Some(rest) = value.strip_prefix(origin) {
        if !rest.starts_with('/') || rest.starts_with("//") {
            return other();
        }
        value.to_string()
    } else if value.starts_with("//") {
        return other();
    } else if has_scheme(value) {
        let lower = value.to_ascii_lowercase();
        return if lower.starts_with("https:") || lower.starts_with("http:") {
            other()
        } else {
            Err(Refused::NotWeb(value.to_string()))
        };
    } else if value.starts_with('/') {
        format!("{origin}{value}")
    } else {
        format!("{}{value}", directory_of(page))
    };
    let path = &absolute[origin.len()..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    let lower = path.to_ascii_lowercase();
    let stepping = path.split('/').any(|segment| segment == "." || segment == "..")
        || ["%2e", "%2f", "%5c"].iter().any(|encoded| lower.contains(encoded));
    let file = absolute.strip_prefix(&folder).unwrap_or_default();
    if stepping || file.is_empty() || file.starts_with(['?', '#']) || path.ends_with('/') {
        return outside();
    }
    Ok(absolute)
}

/// `scheme://authority` of an absolute `http(s)` URL.
fn origin_of(url: &str) -> Option<&str> {
    let after_scheme = url.find("://")? + 3;
    let scheme = &url[..after_scheme - 3];
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return None;
    }
    let end = url[after_scheme..].find(['/', '?', '#']).map_or(url.len(), |i| after_scheme + i);
    (end > after_scheme).then(|| &url[..end])
}

/// The URL of the folder a page is in: up to its path's last `/`.
fn directory_of(page: &str) -> &str {
    let path_end = page.find(['?', '#']).unwrap_or(page.len());
    let path = &page[..path_end];
    path.rfind('/').map_or(path, |i| &path[..=i])
}

/// The URL to fetch for a script embed's `data-src`: a relative path, or an
/// absolute `https:`/`http:` URL on any origin.
pub fn embed_src(value: &str) -> Result<String, Refused> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(DEFAULT_DATA_URL.to_string());
    }
    if value.contains('\\') || value.chars().any(char::is_control) {
        return Err(Refused::NotWeb(value.to_string()));
    }
    let lower = value.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("//");
    if has_scheme(value) && !web {
        return Err(Refused::NotWeb(value.to_string()));
    }
    Ok(value.to_string())
}

/// True when `value` starts with `scheme:` (RFC 3986: a letter, then letters,
/// digits, `+`, `-` or `.`), before any `/`, `?` or `#`.
fn has_scheme(value: &str) -> bool {
    let Some(colon) = value.find(':') else {
        return false;
    };
    let head = &value[..colon];
    !head.is_empty()
        && !head.contains(['/', '?', '#'])
        && head.starts_with(|c: char| c.is_ascii_alphabetic())
        && head.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "https://www.ilo.org/factsheets/";
    const PAGE: &str = "https://www.ilo.org/factsheets/index.html?data=x";

    fn ok(value: &str) -> Result<String, Refused> {
        resolve(Some(value), PAGE, SITE)
    }

    #[test]
    fn the_default_is_the_bundled_sheet_at_the_site() {
        assert_eq!(resolve(None, PAGE, SITE), Ok("https://www.ilo.org/factsheets/data/china.json".into()));
        assert_eq!(resolve(Some(" "), "https://www.ilo.org/factsheets/china/", SITE), resolve(None, PAGE, SITE));
    }

    #[test]
    fn sheets_in_the_data_folder_are_allowed() {
        let korea = Ok("https://www.ilo.org/factsheets/data/korea.json".to_string());
        assert_eq!(ok("data/korea.json"), korea);
        assert_eq!(ok(" data/korea.json "), korea);
        assert_eq!(ok("/factsheets/data/korea.json"), korea);
        assert_eq!(ok("https://www.ilo.org/factsheets/data/korea.json"), korea);
        assert_eq!(ok("data/a.json?v=2:3"), Ok("https://www.ilo.org/factsheets/data/a.json?v=2:3".into()));
        assert_eq!(ok("data/2026/kenya.json"), Ok("https://www.ilo.org/factsheets/data/2026/kenya.json".into()));
        // Relative to the page's folder, whatever the page's own name.
        assert_eq!(resolve(Some("data/korea.json"), "https://www.ilo.org/factsheets/", SITE), korea);
        assert!(resolve(Some("../data/korea.json"), "https://www.ilo.org/factsheets/china/", SITE).is_err());
    }

    #[test]
    fn files_elsewhere_on_the_origin_are_refused() {
        for bad in [
            "uploads/evil.json",
            "/uploads/evil.json",
            "/factsheets/evil.json",
            "/data/evil.json",
            "https://www.ilo.org/uploads/evil.json",
            "data/../uploads/evil.json",
            "data/./korea.json",
            "./data/korea.json",
            "data/%2e%2e/uploads/evil.json",
            "data/%2E%2E/uploads/evil.json",
            "data/.%2e/uploads/evil.json",
            "data%2f..%2fuploads/evil.json",
            "data/..%5cuploads/evil.json",
            "data/",
            "data",
            "data/?x=1",
            "data/sub/",
            "datax/korea.json",
        ] {
            assert!(matches!(ok(bad), Err(Refused::OutsideData(..))), "{bad} should be refused: {:?}", ok(bad));
        }
        let Err(Refused::OutsideData(_, folder)) = ok("/uploads/x.json") else { panic!("refused") };
        assert_eq!(folder, "https://www.ilo.org/factsheets/data/");
    }

    #[test]
    fn other_origins_are_refused() {
        for bad in [
            "https://example.com/x.json",
            "http://www.ilo.org/factsheets/data/x.json",
            "https://www.ilo.org.evil.com/factsheets/data/x.json",
            "https://www.ilo.org@evil.com/x.json",
            "https://www.ilo.org//evil.com/x.json",
            "//evil.com/factsheets/data/x.json",
            "\\\\evil.com\\x.json",
            "HTTPS://example.com/x.json",
            "data/a\nb.json",
        ] {
            assert!(matches!(ok(bad), Err(Refused::OtherOrigin(_))), "{bad} should be refused: {:?}", ok(bad));
        }
        for bad in ["javascript:alert(1)", "data:application/json,{}", "file:///etc/passwd"] {
            assert!(matches!(ok(bad), Err(Refused::NotWeb(_))), "{bad} should be refused: {:?}", ok(bad));
        }
        // A site on another origin than the page: nothing the page links to is its data.
        let elsewhere = resolve(Some("data/korea.json"), "https://host.example/page.html", SITE);
        assert!(matches!(elsewhere, Err(Refused::OutsideData(..))));
    }

    #[test]
    fn embeds_may_name_other_origins_but_only_web_addresses() {
        assert_eq!(embed_src("https://example.org/k.json"), Ok("https://example.org/k.json".into()));
        assert_eq!(embed_src(" HTTP://example.org/k.json"), Ok("HTTP://example.org/k.json".into()));
        assert_eq!(embed_src("data/k.json"), Ok("data/k.json".into()));
        assert_eq!(embed_src(""), Ok(DEFAULT_DATA_URL.into()));
        for bad in ["javascript:alert(1)", "data:application/json,{}", "file:///etc/passwd", "https:\\\\x", "a\nb:"] {
            assert!(matches!(embed_src(bad), Err(Refused::NotWeb(_))), "{bad} should be refused");
        }
    }
}

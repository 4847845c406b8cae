//! Which data file a page may load. Pure, so the rule is tested natively.
//!
//! The rule: `?data=PATH` may name a JSON file on the page's own origin only.
//! A link must never make an ILO page show someone else's content, so a value
//! with a scheme (`https:`, `javascript:`, `data:`), a protocol-relative
//! `//host/...`, or backslashes is refused, unless it is an absolute URL whose
//! origin is exactly the page's.
//!
//! A script embed's `data-src` is written by the editor of the host page, not
//! by whoever made a link, so it may name any `https:`/`http:` origin
//! ([`embed_src`]); an iframe's `src` comes from the frame's URL and follows
//! the page rule.

/// The default data file, relative to the page.
pub const DEFAULT_DATA_URL: &str = "data/china.json";

/// Why a data address was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The address points at another origin (or could).
    OtherOrigin(String),
    /// The address is not a web address (`javascript:`, `data:`, `file:`).
    NotWeb(String),
}

/// The URL to fetch for a `data` parameter (`None` or empty: the default).
/// `page_origin` is like `https://www.ilo.org` (no trailing slash).
pub fn resolve(param: Option<&str>, page_origin: &str) -> Result<String, Refused> {
    let value = match param.map(str::trim) {
        None | Some("") => return Ok(DEFAULT_DATA_URL.to_string()),
        Some(v) => v,
    };
    let refused = || Err(Refused::OtherOrigin(value.to_string()));
    if value.contains('\\') || value.chars().any(char::is_control) {
        return refused();
    }
    if let Some(rest) = value.strip_prefix(page_origin) {
        return if rest.starts_with('/') && !rest.starts_with("//") { Ok(rest.to_string()) } else { refused() };
    }
    if value.starts_with("//") || has_scheme(value) {
        return refused();
    }
    Ok(value.to_string())
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

    const ORIGIN: &str = "https://www.ilo.org";

    #[test]
    fn default_and_relative_paths_are_allowed() {
        assert_eq!(resolve(None, ORIGIN), Ok("data/china.json".into()));
        assert_eq!(resolve(Some(" "), ORIGIN), Ok("data/china.json".into()));
        assert_eq!(resolve(Some("data/kenya.json"), ORIGIN), Ok("data/kenya.json".into()));
        assert_eq!(resolve(Some("/sheets/a.json"), ORIGIN), Ok("/sheets/a.json".into()));
        assert_eq!(resolve(Some("data/a.json?v=2:3"), ORIGIN), Ok("data/a.json?v=2:3".into()));
    }

    #[test]
    fn same_origin_absolute_urls_are_allowed() {
        assert_eq!(resolve(Some("https://www.ilo.org/data/a.json"), ORIGIN), Ok("/data/a.json".into()));
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

    #[test]
    fn other_origins_are_refused() {
        for bad in [
            "https://example.com/x.json",
            "http://www.ilo.org/x.json",
            "https://www.ilo.org.evil.com/x.json",
            "https://www.ilo.org@evil.com/x.json",
            "https://www.ilo.org//evil.com/x.json",
            "//evil.com/x.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "\\\\evil.com\\x.json",
            "HTTPS://example.com/x.json",
        ] {
            assert!(resolve(Some(bad), ORIGIN).is_err(), "{bad} should be refused");
        }
    }
}

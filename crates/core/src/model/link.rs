//! Links from data that may become a clickable `href`: [`SafeUrl`] can only be
//! built by [`SafeUrl::parse`], which admits absolute `https:`, `http:`,
//! `mailto:` and `tel:` addresses and nothing else. Whatever renders a URL
//! from a data file (contact links today; sources, downloads and embeds later)
//! takes a `SafeUrl`, so a `javascript:`, `data:` or `vbscript:` address cannot
//! reach an `href` however it is spelled: any letter case, leading spaces or
//! control characters, tabs or newlines inside the scheme, percent- or
//! entity-encoded letters. A rejected address is shown as plain text with the
//! [`UrlRejection`] beside it, and the validator reports the same rejection.
//!
//! The rule is an allow-list on the scheme as a browser would read it (the
//! WHATWG URL parser strips leading and trailing C0 controls and spaces and
//! removes tabs and newlines anywhere), and it is stricter than the browser:
//! any control character anywhere is refused rather than stripped.

use std::fmt;

/// The schemes a link from data may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    Https,
    Http,
    Mailto,
    Tel,
}

impl Scheme {
    const ALL: [(Scheme, &'static str); 4] =
        [(Scheme::Https, "https"), (Scheme::Http, "http"), (Scheme::Mailto, "mailto"), (Scheme::Tel, "tel")];

    pub fn as_str(self) -> &'static str {
        Scheme::ALL.iter().find(|(s, _)| *s == self).map_or("", |(_, name)| name)
    }

    /// Whether the address opens another site (web links), as opposed to a
    /// mail or phone program.
    pub fn is_web(self) -> bool {
        matches!(self, Scheme::Https | Scheme::Http)
    }
}

/// An address that is safe to put in an `href`. The only way to get one is
/// [`SafeUrl::parse`]; its text is trimmed and its scheme lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SafeUrl {
    text: String,
    scheme: Scheme,
}

/// Why an address may not become a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlRejection {
    /// Nothing but spaces.
    Empty,
    /// Longer than [`SafeUrl::MAX_LEN`] bytes.
    TooLong(usize),
    /// A control character (NUL, tab, newline, DEL, …) inside the address.
    ControlCharacter,
    /// No scheme at all: a relative address, or one whose scheme is encoded.
    NoScheme,
    /// A scheme outside the allow-list (`javascript`, `data`, `ftp`, …), lower-cased.
    Scheme(String),
    /// `https:` or `http:` without `//` and a host, or `mailto:`/`tel:` with nothing after.
    Incomplete(Scheme),
}

impl fmt::Display for UrlRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlRejection::Empty => write!(f, "the address is empty"),
            UrlRejection::TooLong(n) => {
                write!(f, "the address is {n} bytes long, more than the {} allowed", SafeUrl::MAX_LEN)
            }
            UrlRejection::ControlCharacter => write!(f, "the address holds a control character"),
            UrlRejection::NoScheme => write!(f, "the address does not start with a scheme such as https:"),
            UrlRejection::Scheme(s) => write!(f, "the scheme `{s}:` is not allowed"),
            UrlRejection::Incomplete(s) if s.is_web() => {
                write!(f, "`{}:` must be followed by // and a host", s.as_str())
            }
            UrlRejection::Incomplete(s) => write!(f, "nothing follows `{}:`", s.as_str()),
        }
    }
}

impl SafeUrl {
    /// The longest address accepted, in bytes.
    pub const MAX_LEN: usize = 2048;

    /// Admits `raw` when it is an absolute `https:`, `http:`, `mailto:` or
    /// `tel:` address without control characters.
    pub fn parse(raw: &str) -> Result<SafeUrl, UrlRejection> {
        // What the URL parser strips at both ends: C0 controls and space.
        let text = raw.trim_matches(|c: char| c <= ' ');
        if text.is_empty() {
            return Err(UrlRejection::Empty);
        }
        if text.len() > SafeUrl::MAX_LEN {
            return Err(UrlRejection::TooLong(text.len()));
        }
        if text.chars().any(char::is_control) {
            return Err(UrlRejection::ControlCharacter);
        }
        let (name, rest) = text.split_once(':').ok_or(UrlRejection::NoScheme)?;
        let well_formed = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if !well_formed {
            return Err(UrlRejection::NoScheme);
        }
        let lower = name.to_ascii_lowercase();
        let scheme = Scheme::ALL
            .iter()
            .find(|(_, n)| *n == lower)
            .map(|(s, _)| *s)
            .ok_or_else(|| UrlRejection::Scheme(lower.clone()))?;
        let complete = if scheme.is_web() {
            rest.strip_prefix("//")
                .is_some_and(|r| r.split(['/', '?', '#']).next().is_some_and(|host| !host.is_empty()))
        } else {
            !rest.trim().is_empty()
        };
        if !complete {
            return Err(UrlRejection::Incomplete(scheme));
        }
        Ok(SafeUrl { text: format!("{lower}:{rest}"), scheme })
    }

    /// The address, for an `href`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn scheme(&self) -> Scheme {
        self.scheme
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_schemes_pass_trimmed_with_the_scheme_lower_cased() {
        let cases = [
            ("https://www.ilo.org/beijing", "https://www.ilo.org/beijing", Scheme::Https),
            ("  HTTP://example.org/x?y#z ", "http://example.org/x?y#z", Scheme::Http),
            ("mailto:beijing@ilo.org", "mailto:beijing@ilo.org", Scheme::Mailto),
            ("tel:+86 10 6532 5091", "tel:+86 10 6532 5091", Scheme::Tel),
            ("\u{0}\u{1f}https://a.b", "https://a.b", Scheme::Https),
        ];
        for (raw, text, scheme) in cases {
            let url = SafeUrl::parse(raw).unwrap_or_else(|e| panic!("{raw:?} refused: {e}"));
            assert_eq!((url.as_str(), url.scheme()), (text, scheme), "{raw:?}");
        }
    }

    #[test]
    fn script_schemes_are_refused_however_spelled() {
        let hostile = [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "   javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "javascript\u{0}:alert(1)",
            "%6A%61vascript:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "\\u006aavascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "vbscript:msgbox(1)",
            " VBScript:msgbox(1)",
            "javascript://%0aalert(1)",
            "jav&#x09;ascript:alert(1)",
            "\u{2028}javascript:alert(1)",
            "blob:https://a.b/x",
            "file:///etc/passwd",
        ];
        for raw in hostile {
            assert!(SafeUrl::parse(raw).is_err(), "{raw:?} was let through");
        }
    }

    #[test]
    fn rejections_say_why() {
        let reason = |raw: &str| SafeUrl::parse(raw).err();
        assert_eq!(reason("   "), Some(UrlRejection::Empty));
        assert_eq!(reason("javascript:x"), Some(UrlRejection::Scheme("javascript".into())));
        assert_eq!(reason("ftp://x.org"), Some(UrlRejection::Scheme("ftp".into())));
        assert_eq!(reason("/relative/path"), Some(UrlRejection::NoScheme));
        assert_eq!(reason("www.ilo.org"), Some(UrlRejection::NoScheme));
        assert_eq!(reason("https:"), Some(UrlRejection::Incomplete(Scheme::Https)));
        assert_eq!(reason("https:///path"), Some(UrlRejection::Incomplete(Scheme::Https)));
        assert_eq!(reason("http:example.org"), Some(UrlRejection::Incomplete(Scheme::Http)));
        assert_eq!(reason("mailto: "), Some(UrlRejection::Incomplete(Scheme::Mailto)));
        assert_eq!(reason("https://a.b/\u{7f}"), Some(UrlRejection::ControlCharacter));
        let long = format!("https://a.b/{}", "x".repeat(SafeUrl::MAX_LEN));
        assert_eq!(reason(&long), Some(UrlRejection::TooLong(long.len())));
        assert_eq!(UrlRejection::Scheme("javascript".into()).to_string(), "the scheme `javascript:` is not allowed");
    }

    #[test]
    fn a_safe_url_parses_again_to_itself() {
        for raw in ["https://a.b", " Mailto:x@y.z", "TEL:+1"] {
            let once = SafeUrl::parse(raw).expect("allowed");
            assert_eq!(SafeUrl::parse(once.as_str()).as_ref(), Ok(&once));
        }
    }
}

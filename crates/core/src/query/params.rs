//! URL query strings: percent-decoding and -encoding, and reading single
//! parameters. Shared by the filter state and the shell (which must keep
//! parameters it does not own, such as `data`).

/// Decodes `%XX` escapes and `+` (as space); invalid escapes are kept as text,
/// invalid UTF-8 is replaced.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-encodes everything but unreserved characters (`A-Z a-z 0-9 - . _ ~`)
/// and `,` (our list separator is encoded inside values, so a literal comma in
/// a value is `%2C`).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(char::from(b)),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Keys the filter state (`super::state::FilterState`) owns in the URL; any
/// other parameter is left alone. Here, not in `state`, so that `state` uses
/// this module and not the other way round.
pub const OWN_KEYS: [&str; 8] = ["view", "theme", "partner", "country", "from", "to", "q", "lang"];

/// A query string from the filter state's own part (`?view=map`, or empty)
/// and the parameters it does not own (`data=x.json`, encoded, or empty):
/// `?view=map&data=x.json`, or empty when both are.
pub fn join_search(own: &str, kept: &str) -> String {
    match (own.is_empty(), kept.is_empty()) {
        (true, true) => String::new(),
        (true, false) => format!("?{kept}"),
        (false, true) => own.to_string(),
        (false, false) => format!("{own}&{kept}"),
    }
}

/// The `key=value` pairs of a query string (with or without `?`), keys
/// decoded, values still encoded (so a list can be split on `,` first).
pub fn raw_pairs(query: &str) -> Vec<(String, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), v),
            None => (decode(p), ""),
        })
        .collect()
}

/// The `key=value` pairs of a query string (with or without `?`), decoded.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    raw_pairs(query).into_iter().map(|(k, v)| (k, decode(v))).collect()
}

/// The first value of `key`, decoded, if present and not empty.
pub fn param(query: &str, key: &str) -> Option<String> {
    pairs(query).into_iter().find(|(k, v)| k == key && !v.is_empty()).map(|(_, v)| v)
}

/// The parameters of `query` that the filter state does not own, re-encoded
/// in their original order and joined with `&` (no leading `?`).
pub fn foreign_params(query: &str) -> String {
    pairs(query)
        .into_iter()
        .filter(|(k, _)| !OWN_KEYS.contains(&k.as_str()))
        .map(|(k, v)| format!("{}={}", encode(&k), encode(&v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_and_kept_parameters_join_into_one_search() {
        assert_eq!(join_search("", ""), "");
        assert_eq!(join_search("?view=map", ""), "?view=map");
        assert_eq!(join_search("", "data=x.json"), "?data=x.json");
        assert_eq!(join_search("?view=map", "data=x.json"), "?view=map&data=x.json");
    }

    #[test]
    fn decodes_and_encodes() {
        assert_eq!(decode("Timor%20L%C3%A9ste+x%2"), "Timor Léste x%2");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(encode("a b,é"), "a%20b%2C%C3%A9");
        assert_eq!(decode(&encode("Lao PDR & Kenya, 100%")), "Lao PDR & Kenya, 100%");
    }

    #[test]
    fn reads_params_and_keeps_foreign_ones() {
        let q = "?theme=skills&data=data%2Fkenya.json&utm=a+b&q=x";
        assert_eq!(param(q, "data").as_deref(), Some("data/kenya.json"));
        assert_eq!(param(q, "missing"), None);
        assert_eq!(foreign_params(q), "data=data%2Fkenya.json&utm=a%20b");
        assert_eq!(foreign_params(""), "");
    }
}

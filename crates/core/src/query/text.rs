//! Search text: folding case and accents, search terms, highlighting matches
//! in the original text, and the years a paragraph mentions.

/// Folds one character: lowercase, accents stripped, typographic quotes and
/// dashes made plain. One character out, so positions map back; the few
/// letters that fold to two ([`fold`] spells `æ` `ae`) fold here to their
/// first, and combining marks stay as they are.
pub fn fold_char(c: char) -> char {
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'æ' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ĳ' => 'i',
        'ĵ' => 'j',
        'ķ' | 'ĸ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' | 'ơ' | 'œ' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' | 'ß' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'þ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ǔ' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ư' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        // Vietnamese (Latin Extended Additional), e.g. `Việt Nam`.
        '\u{1ea0}'..='\u{1eb7}' => 'a',
        '\u{1eb8}'..='\u{1ec7}' => 'e',
        '\u{1ec8}'..='\u{1ecb}' => 'i',
        '\u{1ecc}'..='\u{1ee3}' => 'o',
        '\u{1ee4}'..='\u{1ef1}' => 'u',
        '\u{1ef2}'..='\u{1ef9}' => 'y',
        '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
        other => other,
    }
}

/// True for a combining diacritical mark (decomposed text: `e` + U+0301).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}')
}

/// Folds one character onto `out`: usually one character, two for the
/// ligatures and `ß` (`œ` -> `oe`, so `oeuvre` finds `œuvre`), none for a
/// combining mark (so decomposed `é` folds like `é`).
fn fold_into(c: char, out: &mut impl Extend<char>) {
    if is_combining(c) {
        return;
    }
    let two = match c.to_lowercase().next().unwrap_or(c) {
        'æ' => Some(('a', 'e')),
        'œ' => Some(('o', 'e')),
        'ß' => Some(('s', 's')),
        'ĳ' => Some(('i', 'j')),
        'þ' => Some(('t', 'h')),
        _ => None,
    };
    match two {
        Some((a, b)) => out.extend([a, b]),
        None => out.extend([fold_char(c)]),
    }
}

/// `s` folded for comparison: lowercase, no accents, plain quotes and dashes.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // Most text of a sheet is ASCII: folded at once (the backtick is
        // the one ASCII character that folds to another than its lowercase).
        if c.is_ascii() && c != '`' {
            out.push(c.to_ascii_lowercase());
        } else {
            fold_into(c, &mut out);
        }
    }
    out
}

/// The longest search taken, in characters: a link's `?q=` or the search box
/// beyond it is cut there ([`capped_query`]), so highlighting, which costs
/// the terms' length times the text's, stays cheap.
pub const MAX_QUERY_CHARS: usize = 200;

/// The most terms a search has: further ones are dropped.
pub const MAX_TERMS: usize = 16;

/// A search text cut to [`MAX_QUERY_CHARS`] characters.
pub fn capped_query(q: &str) -> String {
    q.chars().take(MAX_QUERY_CHARS).collect()
}

/// The folded, whitespace-separated terms of a query (of its first
/// [`MAX_QUERY_CHARS`] characters), each once, at most [`MAX_TERMS`].
pub fn terms(q: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for term in fold(&capped_query(q)).split_whitespace() {
        if out.len() == MAX_TERMS {
            break;
        }
        if !out.iter().any(|t| t == term) {
            out.push(term.to_string());
        }
    }
    out
}

/// True when every term occurs in the folded haystack.
pub fn matches(haystack_folded: &str, terms: &[String]) -> bool {
    terms.iter().all(|t| haystack_folded.contains(t.as_str()))
}

/// A run of the original text, marked when it is a search hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// Splits `text` into runs, marking every occurrence of any term of `q`
/// (case- and accent-insensitive; overlapping hits merged). The runs'
/// texts concatenate back to `text` exactly. Works on characters: each
/// folded character remembers the original one it came from, and a
/// combining mark goes with the letter before it.
pub fn highlight(text: &str, q: &str) -> Vec<Segment> {
    let terms: Vec<Vec<char>> = terms(q).iter().map(|t| t.chars().collect()).collect();
    let chars: Vec<char> = text.chars().collect();
    // folded[k] came from chars[origin[k]].
    let mut folded: Vec<char> = Vec::with_capacity(chars.len());
    let mut origin: Vec<usize> = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = folded.len();
        fold_into(c, &mut folded);
        origin.resize(origin.len() + folded.len() - before, i);
    }
    let mut hit = vec![false; chars.len()];
    for t in terms.iter().filter(|t| !t.is_empty() && t.len() <= folded.len()) {
        for start in 0..=folded.len() - t.len() {
            if folded[start..start + t.len()] == t[..] {
                for &o in &origin[start..start + t.len()] {
                    hit[o] = true;
                }
            }
        }
    }
    for i in 1..chars.len() {
        if is_combining(chars[i]) {
            hit[i] = hit[i - 1];
        }
    }
    let mut out: Vec<Segment> = Vec::new();
    for (c, h) in chars.into_iter().zip(hit) {
        match out.last_mut() {
            Some(seg) if seg.hit == h => seg.text.push(c),
            _ => out.push(Segment { text: c.to_string(), hit: h }),
        }
    }
    if out.is_empty() {
        out.push(Segment { text: String::new(), hit: false });
    }
    out
}

/// The span of years a text mentions: four-digit years 1900-2099 as whole
/// tokens, and ranges `2021-2025`, `2023-25`, `2018-27`, `2021–25` (hyphen
/// or dash) by their ends. A two-digit end takes the first year's century and
/// must not fall before it (`2019-04` is not a range).
pub fn years_in_text(text: &str) -> Option<(i32, i32)> {
    let chars: Vec<char> = text.chars().collect();
    let mut span: Option<(i32, i32)> = None;
    let mut add = |y: i32| {
        span = Some(match span {
            None => (y, y),
            Some((lo, hi)) => (lo.min(y), hi.max(y)),
        })
    };
    let digits_at = |i: usize| {
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || !chars[i - 1].is_alphanumeric();
        if !chars[i].is_ascii_digit() || !boundary {
            i += 1;
            continue;
        }
        let end = digits_at(i);
        let token: String = chars[i..end].iter().collect();
        let is_year_token = end - i == 4 && (end == chars.len() || !chars[end].is_alphanumeric());
        match token.parse::<i32>() {
            Ok(y) if is_year_token && (1900..=2099).contains(&y) => {
                add(y);
                // A range: a hyphen or a dash, then 2 or 4 digits.
                if end + 1 < chars.len() && matches!(chars[end], '-' | '‐' | '‑' | '–' | '—') {
                    let next_end = digits_at(end + 1);
                    let len = next_end - (end + 1);
                    let tail_ok = next_end == chars.len() || !chars[next_end].is_alphanumeric();
                    let tail: String = chars[end + 1..next_end].iter().collect();
                    if tail_ok {
                        if let Ok(n) = tail.parse::<i32>() {
                            let second = match len {
                                2 => Some(y / 100 * 100 + n),
                                4 => Some(n),
                                _ => None,
                            };
                            if let Some(s) = second.filter(|s| *s >= y && (1900..=2099).contains(s)) {
                                add(s);
                            }
                            i = next_end;
                            continue;
                        }
                    }
                }
                i = end;
            }
            _ => i = end.max(i + 1),
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(segs: &[Segment]) -> Vec<&str> {
        segs.iter().filter(|s| s.hit).map(|s| s.text.as_str()).collect()
    }

    fn joined(segs: &[Segment]) -> String {
        segs.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn folds_case_accents_and_typography() {
        assert_eq!(fold("Timor-Léste ÇA Ñandú"), "timor-leste ca nandu");
        assert_eq!(fold("TIMOR leste"), fold("Timor-Leste").replace('-', " "));
        assert_eq!(fold("Å ø ü é ç ñ Ł Ş Ž ǎ Việt"), "a o u e c n l s z a viet");
        assert_eq!(fold("China’s “1+10” 2021–25 — x"), "china's \"1+10\" 2021-25 - x");
        assert_eq!(fold("Œuvre Ærø Straße"), "oeuvre aero strasse");
        assert_eq!(fold("Le\u{301}ste"), "leste", "decomposed accents fold like composed ones");
        assert_eq!(fold_char('É'), 'e');
        assert_eq!(terms("  LAO   pdr "), ["lao", "pdr"]);
        assert!(terms(" \t ").is_empty());
        assert_eq!(terms("lao LAO Lao pdr lao"), ["lao", "pdr"], "each term once");
        let many: String = (0..100).map(|i| format!("t{i} ")).collect();
        assert_eq!(terms(&many).len(), MAX_TERMS);
    }

    #[test]
    fn the_ascii_shortcut_folds_as_every_character_folds() {
        for c in (0u8..128).map(char::from) {
            let mut slow = String::new();
            fold_into(c, &mut slow);
            assert_eq!(fold(&c.to_string()), slow, "{c:?}");
        }
        assert_eq!(fold("`Decent Work`"), "'decent work'");
    }

    #[test]
    fn matching_needs_every_term() {
        let hay = fold("Extending social protection to workers in Lao PDR and Kenya");
        assert!(matches(&hay, &terms("kenya LAO")));
        assert!(matches(&hay, &terms("Kényà")));
        assert!(matches(&hay, &terms("lao pdr")));
        assert!(!matches(&hay, &terms("kenya mongolia")));
        assert!(matches(&hay, &[]));
        assert!(matches(&fold("Timor-Leste joined"), &terms("Timor-Léste")));
        assert!(matches(&fold("Tsinghua University"), &terms("TSINGHUA")));
    }

    #[test]
    fn a_long_search_is_cut_before_it_costs() {
        // Terms past the first MAX_QUERY_CHARS characters are not looked for.
        let q = format!("{} kenya", "zz ".repeat(5_000));
        assert_eq!(capped_query(&q).chars().count(), MAX_QUERY_CHARS);
        assert_eq!(terms(&q), ["zz"], "one term, once");
        assert!(hits(&highlight("Lao PDR and Kenya", &q)).is_empty());
        assert_eq!(capped_query("北京 ñ"), "北京 ñ", "cut by characters, not bytes");
    }

    #[test]
    fn highlight_marks_hits_and_keeps_the_text() {
        let text = "Timor-Leste joined; TIMOR-LESTE é Léste";
        let segs = highlight(text, "léste");
        assert_eq!(joined(&segs), text);
        assert_eq!(hits(&segs), ["Leste", "LESTE", "Léste"]);
        assert_eq!(
            highlight("Lao PDR and Kenya", "kenya lao"),
            [
                Segment { text: "Lao".into(), hit: true },
                Segment { text: " PDR and ".into(), hit: false },
                Segment { text: "Kenya".into(), hit: true },
            ]
        );
        // Overlapping and adjacent hits merge into one run.
        assert_eq!(highlight("aaaa", "aa aaa"), [Segment { text: "aaaa".into(), hit: true }]);
        assert_eq!(hits(&highlight("abcd", "ab cd")), ["abcd"]);
        assert_eq!(highlight("plain", ""), [Segment { text: "plain".into(), hit: false }]);
        assert_eq!(highlight("plain", "   "), [Segment { text: "plain".into(), hit: false }]);
        assert_eq!(highlight("", "x"), [Segment { text: String::new(), hit: false }]);
        assert_eq!(hits(&highlight("no match here", "zebra")), Vec::<&str>::new());
    }

    #[test]
    fn highlight_is_correct_on_multibyte_text() {
        let text = "北京 – Ça va, Timor‑Léste’s “œuvre” in Việt Nam";
        for q in ["ca", "leste's", "oeuvre", "viet", "-", "北京", "ŒUVRE viêt"] {
            let segs = highlight(text, q);
            assert_eq!(joined(&segs), text, "{q}");
            assert!(segs.iter().any(|s| s.hit), "{q} should hit");
        }
        assert_eq!(hits(&highlight(text, "ca")), ["Ça"]);
        assert_eq!(hits(&highlight(text, "leste's")), ["Léste’s"]);
        assert_eq!(hits(&highlight(text, "oeuvre")), ["œuvre"]);
        assert_eq!(hits(&highlight(text, "viet")), ["Việt"]);
        assert_eq!(hits(&highlight(text, "北京")), ["北京"]);
        // A ligature half-matched is highlighted whole.
        assert_eq!(hits(&highlight("cœur", "co")), ["cœ"]);
        // A combining accent stays with its letter.
        let decomposed = "Le\u{301}ste and e\u{301}";
        assert_eq!(hits(&highlight(decomposed, "LÉSTE")), ["Le\u{301}ste"]);
        assert_eq!(hits(&highlight(decomposed, "é")), ["e\u{301}", "e", "e\u{301}"], "é folds to e");
        assert_eq!(joined(&highlight(decomposed, "é")), decomposed);
    }

    #[test]
    fn finds_years_and_ranges() {
        assert_eq!(years_in_text("In 2012, and again in 2013."), Some((2012, 2013)));
        assert_eq!(years_in_text("totalling US$ 8 million in 2021-2025"), Some((2021, 2025)));
        assert_eq!(years_in_text("Programme 2023-25 (extended to 2027)"), Some((2023, 2027)));
        assert_eq!(years_in_text("Skills for ASEAN (2018-27)"), Some((2018, 2027)));
        assert_eq!(years_in_text("the plan for 2021–25"), Some((2021, 2025)));
        assert_eq!(years_in_text("the plan for 2021–2025"), Some((2021, 2025)));
        assert_eq!(years_in_text("skills (2018–27), since 1985"), Some((1985, 2027)));
        assert_eq!(years_in_text("the 2030 Agenda"), Some((2030, 2030)));
        assert_eq!(years_in_text("2019"), Some((2019, 2019)));
        assert_eq!(years_in_text("published 2019-04"), Some((2019, 2019)), "a month is not a range");
        assert_eq!(years_in_text("over 186,000 beneficiaries, 10,000 workers, 1985a"), None);
        assert_eq!(years_in_text("CH-1211 Geneva, Beijing 100600, 1850, 2100"), None);
        assert_eq!(years_in_text("no years at all"), None);
    }
}

//! Search text: folding case and accents, search terms, highlighting matches
//! in the original text, and the years a paragraph mentions.

/// Folds one character: lowercase, accents stripped, typographic quotes and
/// dashes made plain. Always one character out, so positions map back.
pub fn fold_char(c: char) -> char {
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '‘' | '’' | '‚' | '′' => '\'',
        '“' | '”' | '„' | '″' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        '\u{a0}' => ' ',
        other => other,
    }
}

/// `s` folded for comparison: lowercase, no accents.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// The folded, whitespace-separated terms of a query.
pub fn terms(q: &str) -> Vec<String> {
    fold(q).split_whitespace().map(str::to_string).collect()
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
/// texts concatenate back to `text` exactly.
pub fn highlight(text: &str, q: &str) -> Vec<Segment> {
    let terms = terms(q);
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = chars.iter().map(|&c| fold_char(c)).collect();
    let mut hit = vec![false; chars.len()];
    for term in &terms {
        let t: Vec<char> = term.chars().collect();
        if t.is_empty() || t.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - t.len() {
            if folded[start..start + t.len()] == t[..] {
                hit[start..start + t.len()].iter_mut().for_each(|h| *h = true);
            }
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
/// tokens, and ranges `2021-2025`, `2023-25`, `2021–25` by their ends.
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
                // A range: `-` or an en dash, then 2 or 4 digits.
                if end + 1 < chars.len() && matches!(chars[end], '-' | '–') {
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

    #[test]
    fn folds_case_accents_and_typography() {
        assert_eq!(fold("Timor-Léste ÇA Ñandú"), "timor-leste ca nandu");
        assert_eq!(fold("China’s “1+10” 2021–25"), "china's \"1+10\" 2021-25");
        assert_eq!(terms("  LAO   pdr "), ["lao", "pdr"]);
    }

    #[test]
    fn matching_needs_every_term() {
        let hay = fold("Extending social protection to workers in Lao PDR and Kenya");
        assert!(matches(&hay, &terms("kenya LAO")));
        assert!(matches(&hay, &terms("Kényà")));
        assert!(!matches(&hay, &terms("kenya mongolia")));
        assert!(matches(&hay, &[]));
    }

    #[test]
    fn highlight_marks_hits_and_keeps_the_text() {
        let text = "Timor-Leste joined; TIMOR-LESTE é Léste";
        let segs = highlight(text, "léste");
        assert_eq!(segs.iter().map(|s| s.text.as_str()).collect::<String>(), text);
        let hits: Vec<_> = segs.iter().filter(|s| s.hit).map(|s| s.text.as_str()).collect();
        assert_eq!(hits, ["Leste", "LESTE", "Léste"]);
        let merged = highlight("aaaa", "aa aaa");
        assert_eq!(merged, [Segment { text: "aaaa".into(), hit: true }]);
        assert_eq!(highlight("plain", ""), [Segment { text: "plain".into(), hit: false }]);
        assert_eq!(highlight("", "x"), [Segment { text: String::new(), hit: false }]);
    }

    #[test]
    fn finds_years_and_ranges() {
        assert_eq!(years_in_text("In 2012, and again in 2013."), Some((2012, 2013)));
        assert_eq!(years_in_text("Programme 2023-25 (extended to 2027)"), Some((2023, 2027)));
        assert_eq!(years_in_text("totalling US$ 8 million in 2021-2025"), Some((2021, 2025)));
        assert_eq!(years_in_text("skills (2018–27)"), Some((2018, 2027)));
        assert_eq!(years_in_text("the 2030 Agenda"), Some((2030, 2030)));
        assert_eq!(years_in_text("over 186,000 beneficiaries, 10,000 workers, 1985a"), None);
        assert_eq!(years_in_text("CH-1211 Geneva, Beijing 100600"), None);
    }
}

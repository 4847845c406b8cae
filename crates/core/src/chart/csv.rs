//! CSV text (RFC 4180): a header row, then one row per record; fields quoted
//! when they hold a comma, a quote, a line break or edge spaces; quotes doubled;
//! lines ended by CRLF. The text is UTF-8 as any Rust string.

/// One field, quoted when needed.
pub fn field(value: &str) -> String {
    let needs_quotes = value.contains([',', '"', '\n', '\r'])
        || value.starts_with(char::is_whitespace)
        || value.ends_with(char::is_whitespace);
    if needs_quotes {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// The CSV text of a table: `header` first, then `rows`.
pub fn to_csv<S: AsRef<str>>(header: &[S], rows: &[Vec<S>]) -> String {
    let mut out = String::new();
    for record in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let line: Vec<String> = record.iter().map(|f| field(f.as_ref())).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Reads CSV text back into records (for tests and checks; accepts what
/// [`to_csv`] writes, and LF line ends too).
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                any = false;
            }
            c => field.push(c),
        }
    }
    if any {
        record.push(field);
        records.push(record);
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fields_stay_plain() {
        assert_eq!(field("MOHRSS"), "MOHRSS");
        assert_eq!(field("5000000"), "5000000");
        assert_eq!(field(""), "");
        assert_eq!(field("2018–2027"), "2018–2027");
    }

    #[test]
    fn special_fields_are_quoted() {
        assert_eq!(field("skills, employment"), "\"skills, employment\"");
        assert_eq!(field("the \"1+10\" Dialogue"), "\"the \"\"1+10\"\" Dialogue\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\rhere"), "\"cr\rhere\"");
        assert_eq!(field(" padded"), "\" padded\"");
    }

    #[test]
    fn table_has_header_and_crlf_rows() {
        let csv = to_csv(
            &["Contributor", "Amount (US$)", "As stated"],
            &[
                vec!["MOHRSS", "15450000", "over US$ 15.45 million"],
                vec!["UNDESA China Fund", "1000000", "over US$ 1 million"],
            ],
        );
        assert_eq!(
            csv,
            "Contributor,Amount (US$),As stated\r\nMOHRSS,15450000,over US$ 15.45 million\r\nUNDESA China Fund,1000000,over US$ 1 million\r\n"
        );
        let empty: Vec<Vec<&str>> = Vec::new();
        assert_eq!(to_csv(&["a", "b"], &empty), "a,b\r\n");
    }

    #[test]
    fn round_trips_through_parse() {
        let rows = vec![
            vec!["Thanks to over US$ 1 million from UNDESA China Fund, the project…".to_string(), "x".into()],
            vec!["a \"quote\", and\r\nbreak".into(), "中国".into()],
            vec!["".into(), " ".into()],
        ];
        let csv = to_csv(&["quote".to_string(), "other".into()], &rows);
        let back = parse(&csv);
        assert_eq!(back[0], ["quote", "other"]);
        assert_eq!(&back[1..], &rows[..]);
        assert_eq!(parse("a,b\nc,d"), vec![vec!["a", "b"], vec!["c", "d"]]);
    }
}

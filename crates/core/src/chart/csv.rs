//! CSV text (RFC 4180): a header row, then one row per record; fields quoted
//! when they hold a comma, a quote, a line break or edge spaces; quotes doubled;
//! lines ended by CRLF. The text is UTF-8 as any Rust string.
//!
//! Safe to open in a spreadsheet: a cell is text or a number ([`Cell`]), and
//! no text cell starts a formula. A text that begins with `=`, `+`, `-`, `@`,
//! a tab or a carriage return (what Excel, LibreOffice and Google Sheets take
//! as the start of a formula) is written with an apostrophe in front, which
//! the spreadsheet shows as text. A number cell holds a plain decimal number
//! and is written as it is, so sums and sorting still work; anything else
//! given as a number is written as text.

/// One cell of a table: what the page shows, and how a spreadsheet must take it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Words, names, quotes: never a formula.
    Text(String),
    /// A plain decimal number (`15450000`, `-2.5`, `2018`), written as it is.
    Number(String),
}

impl Cell {
    /// A text cell.
    pub fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }

    /// A number cell of `value` as it is written (see [`is_plain_number`]).
    pub fn number(value: impl ToString) -> Cell {
        Cell::Number(value.to_string())
    }

    /// What the page shows.
    pub fn as_str(&self) -> &str {
        match self {
            Cell::Text(s) | Cell::Number(s) => s,
        }
    }

    /// The cell as it goes into the file, before quoting: a number as it
    /// is, a text that would start a formula behind an apostrophe.
    pub fn written(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Number(s) if is_plain_number(s) => s.into(),
            Cell::Text(s) | Cell::Number(s) if starts_formula(s) => format!("'{s}").into(),
            Cell::Text(s) | Cell::Number(s) => s.into(),
        }
    }
}

/// True for the characters a spreadsheet takes as the start of a formula.
pub fn starts_formula(value: &str) -> bool {
    value.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `-?digits(.digits)?`: a number any spreadsheet reads as one, and nothing else.
pub fn is_plain_number(value: &str) -> bool {
    let digits = value.strip_prefix('-').unwrap_or(value);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

/// One field, quoted when needed (its text as given: see [`Cell::written`]).
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

/// The CSV text of a table: `header` (text cells) first, then `rows`.
pub fn to_csv<S: AsRef<str>>(header: &[S], rows: &[Vec<Cell>]) -> String {
    let mut out = String::new();
    let header: Vec<Cell> = header.iter().map(|h| Cell::text(h.as_ref())).collect();
    for record in std::iter::once(header.as_slice()).chain(rows.iter().map(Vec::as_slice)) {
        let line: Vec<String> = record.iter().map(|c| field(&c.written())).collect();
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

    fn texts(row: &[&str]) -> Vec<Cell> {
        row.iter().map(|s| Cell::text(*s)).collect()
    }

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
    fn no_text_cell_starts_a_formula() {
        let evil = ["=HYPERLINK(\"https://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tX", "\rX", "-", "=", "-5"];
        let csv = to_csv(&["=header"], &evil.iter().map(|e| vec![Cell::text(*e)]).collect::<Vec<_>>());
        let back = parse(&csv);
        for (record, evil) in back.iter().zip(std::iter::once(&"=header").chain(&evil)) {
            let cell = &record[0];
            assert!(!starts_formula(cell), "{cell:?} starts a formula");
            assert_eq!(cell.strip_prefix('\''), Some(*evil), "the text is kept behind the apostrophe");
        }
        // Text that does not start one is left alone, apostrophes and all.
        assert_eq!(Cell::text("'quoted' 1+1=2").written(), "'quoted' 1+1=2");
        assert_eq!(Cell::text("China = 5").written(), "China = 5");
    }

    #[test]
    fn number_cells_stay_numbers_and_only_numbers_are_numbers() {
        for n in ["15450000", "-2.5", "0", "2018", "12.5"] {
            assert!(is_plain_number(n), "{n}");
            assert_eq!(Cell::number(n).written(), n);
        }
        assert_eq!(to_csv(&["a", "b"], &[vec![Cell::number(-1), Cell::number(2018)]]), "a,b\r\n-1,2018\r\n");
        // A "number" that is not one is written as text.
        for bad in ["-1+2", "=1", "1e9", "1.", ".5", "-", "", "1,000", "NaN", "+1"] {
            assert!(!is_plain_number(bad), "{bad}");
            assert!(!starts_formula(&Cell::number(bad).written()), "{bad}");
        }
    }

    #[test]
    fn table_has_header_and_crlf_rows() {
        let csv = to_csv(
            &["Contributor", "Amount (US$)", "As stated"],
            &[
                vec![Cell::text("MOHRSS"), Cell::number(15450000), Cell::text("over US$ 15.45 million")],
                vec![Cell::text("UNDESA China Fund"), Cell::number(1000000), Cell::text("over US$ 1 million")],
            ],
        );
        assert_eq!(
            csv,
            "Contributor,Amount (US$),As stated\r\nMOHRSS,15450000,over US$ 15.45 million\r\nUNDESA China Fund,1000000,over US$ 1 million\r\n"
        );
        assert_eq!(to_csv(&["a", "b"], &[]), "a,b\r\n");
    }

    #[test]
    fn round_trips_through_parse() {
        let rows = [
            ["Thanks to over US$ 1 million from UNDESA China Fund, the project…", "x"],
            ["a \"quote\", and\r\nbreak", "中国"],
            ["", " "],
        ];
        let csv = to_csv(&["quote", "other"], &rows.iter().map(|r| texts(r)).collect::<Vec<_>>());
        let back = parse(&csv);
        assert_eq!(back[0], ["quote", "other"]);
        assert_eq!(&back[1..], &rows.iter().map(|r| r.map(String::from).to_vec()).collect::<Vec<_>>()[..]);
        assert_eq!(parse("a,b\nc,d"), vec![vec!["a", "b"], vec!["c", "d"]]);
    }
}

//! Where a problem's JSON path lies in the file's text: the line and column
//! of the member (`projects[3].funding.amount_usd`, at its key) or element
//! (`projects[3]`, at its first character) the path names. Syntax errors come
//! with a line from the parser; every other problem only has its path, and
//! the editors' preview page finds its line here.
//!
//! [`Locator::new`] walks the text once, without recursion, into a flat
//! outline of its values (where each starts, the key it stands under, where
//! its children end); finding a path then follows the outline, so placing
//! many problems in a large file costs one walk, not one per problem. The walk
//! is forgiving: a syntax error ends the outline there, and whatever came
//! before it can still be found. Nothing here panics on any text or path.
//!
//! Paths are written as `parse` and `validate` write them: `$` for the whole
//! document, field names joined by `.` (`meta.source.url`), list positions in
//! brackets (`sections[2].paragraphs[0]`), and any other field name quoted in
//! brackets (`["a b"]`, see `parse::key_segment`). An object holding a key
//! twice is read with the last one winning, as the parser does, so the path
//! leads to that one.

use std::borrow::Cow;

use super::parse::key_segment;

/// A place in the text: 1-based line and column (in characters, as the
/// parser counts them), and whether the whole path was found (`exact`) or
/// only its longest existing beginning (a missing field: its object).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub exact: bool,
}

/// The line and column where `path` lies in `text`, when the whole path is
/// there. For one lookup; [`Locator`] answers many from one walk.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    Locator::new(text).find(path).filter(|p| p.exact).map(|p| (p.line, p.column))
}

/// What kind of value an outline entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Object,
    Array,
    Scalar,
}

/// One value of the text, in document order.
#[derive(Debug, Clone, Copy)]
struct Node {
    kind: Kind,
    /// Byte offset of the value's first character.
    start: usize,
    /// Byte offset of the opening quote of the key it stands under, in an object.
    key: Option<usize>,
    /// Index past its last descendant in the outline: its children are the
    /// entries from the next one up to here, each followed by its own.
    end: usize,
}

/// A text's outline, ready to find paths in.
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    text: &'a str,
    nodes: Vec<Node>,
    /// Byte offset where each line starts.
    lines: Vec<usize>,
}

impl<'a> Locator<'a> {
    /// Walks `text` once. A byte-order mark is skipped, as the parser skips it.
    pub fn new(text: &'a str) -> Locator<'a> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lines = std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
        Locator { text, nodes: outline(text.as_bytes()), lines }
    }

    /// Where `path` lies: the whole path, or the longest beginning of it that
    /// exists (`exact: false`). None when the path cannot be read or the text
    /// holds no value at all.
    pub fn find(&self, path: &str) -> Option<Place> {
        let segments = segments(path)?;
        let mut node = 0;
        let mut at = self.nodes.first()?.start;
        for segment in &segments {
            match self.child(node, segment) {
                Some(child) => {
                    node = child;
                    at = self.nodes.get(child).map_or(at, |n| n.key.unwrap_or(n.start));
                }
                None => return Some(self.place(at, false)),
            }
        }
        Some(self.place(at, true))
    }

    /// The child of `node` that `segment` names.
    fn child(&self, node: usize, segment: &Segment<'_>) -> Option<usize> {
        let parent = self.nodes.get(node)?;
        let mut children = self.children(node);
        match segment {
            Segment::Index(i) if parent.kind == Kind::Array => children.nth(*i),
            Segment::Key(name) if parent.kind == Kind::Object => {
                // The last match: a repeated key keeps its last value.
                children.filter(|&c| self.key_matches(c, name)).last()
            }
            _ => None,
        }
    }

    /// The outline entries directly under `node`.
    fn children(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.nodes.get(node).map_or(0, |n| n.end);
        let mut next = node + 1;
        std::iter::from_fn(move || {
            if next >= end {
                return None;
            }
            let this = next;
            // Always forward, whatever the outline says.
            next = self.nodes.get(this).map_or(end, |n| n.end.max(this + 1));
            Some(this)
        })
    }

    /// Whether the key of entry `node` is written `name` in a path.
    fn key_matches(&self, node: usize, name: &str) -> bool {
        let Some(key) = self.nodes.get(node).and_then(|n| n.key).and_then(|at| string_at(self.text, at)) else {
            return false;
        };
        // Plain names are compared as they are; others as `parse` quotes them.
        if name.starts_with('[') {
            key_segment(&key) == name
        } else {
            key == name
        }
    }

    /// Line and column of byte offset `at`.
    fn place(&self, at: usize, exact: bool) -> Place {
        let line = self.lines.partition_point(|&start| start <= at).max(1);
        let start = self.lines.get(line - 1).copied().unwrap_or(0);
        let column = self.text.get(start..at).map_or(0, |s| s.chars().count()) + 1;
        Place { line, column, exact }
    }
}

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment<'p> {
    /// A field: its plain name, or the quoted form in brackets (`["a b"]`).
    Key(&'p str),
    /// A list position.
    Index(usize),
}

/// A path's steps; None when it is not written as the parser writes paths.
fn segments(path: &str) -> Option<Vec<Segment<'_>>> {
    if path.is_empty() {
        return None;
    }
    let rest = path.strip_prefix('$').unwrap_or(path);
    let bytes = rest.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes.get(at) {
            Some(b'[') if bytes.get(at + 1) == Some(&b'"') => {
                let close = quoted_end(bytes, at + 2)?;
                if bytes.get(close + 1) != Some(&b']') {
                    return None;
                }
                out.push(Segment::Key(rest.get(at..close + 2)?));
                at = close + 2;
            }
            Some(b'[') => {
                let digits = bytes.get(at + 1..)?.iter().take_while(|b| b.is_ascii_digit()).count();
                if digits == 0 || bytes.get(at + 1 + digits) != Some(&b']') {
                    return None;
                }
                out.push(Segment::Index(rest.get(at + 1..at + 1 + digits)?.parse().ok()?));
                at += digits + 2;
            }
            // A name after a dot, or opening a path without `$` (`meta.country`).
            Some(b'.') => {
                let name = name_at(rest, at + 1)?;
                out.push(Segment::Key(name));
                at += 1 + name.len();
            }
            _ if at == 0 && !path.starts_with('$') => {
                let name = name_at(rest, 0)?;
                out.push(Segment::Key(name));
                at = name.len();
            }
            _ => return None,
        }
    }
    Some(out)
}

/// The plain field name starting at `at`, up to the next `.` or `[`.
fn name_at(path: &str, at: usize) -> Option<&str> {
    let rest = path.get(at..)?;
    let name = &rest[..rest.find(['.', '[']).unwrap_or(rest.len())];
    (!name.is_empty() && !name.contains(']')).then_some(name)
}

/// The index of the quote closing a Rust-quoted string whose text starts at
/// `from` (backslash escapes skipped).
fn quoted_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        match bytes.get(at)? {
            b'\\' => at += 2,
            b'"' => return Some(at),
            _ => at += 1,
        }
    }
}

/// The text's outline, in one pass and without recursion (nesting is only
/// as deep as a list on the heap). Stops at the first thing that is not JSON,
/// keeping what came before; the open lists and objects end there.
fn outline(bytes: &[u8]) -> Vec<Node> {
    #[derive(PartialEq)]
    enum Want {
        /// A value (after `:`, `[`, `,` in a list, or at the top).
        Value,
        /// A value or `]` (just after `[`).
        ValueOrClose,
        /// A key (after `,` in an object).
        Key,
        /// A key or `}` (just after `{`).
        KeyOrClose,
        Colon,
        /// `,` or the closing bracket of the innermost open list or object.
        CommaOrClose,
    }
    let mut nodes: Vec<Node> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut want = Want::Value;
    let mut key = None;
    let mut at = 0;
    loop {
        while bytes.get(at).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
            at += 1;
        }
        let Some(&b) = bytes.get(at) else { break };
        let closes = |b: u8, node: Option<&Node>| match node.map(|n| n.kind) {
            Some(Kind::Object) => b == b'}',
            Some(Kind::Array) => b == b']',
            _ => false,
        };
        let innermost = open.last().and_then(|&i| nodes.get(i));
        match want {
            Want::ValueOrClose | Want::KeyOrClose | Want::CommaOrClose if closes(b, innermost) => {
                if let Some(i) = open.pop() {
                    let end = nodes.len();
                    if let Some(n) = nodes.get_mut(i) {
                        n.end = end;
                    }
                }
                at += 1;
                want = Want::CommaOrClose;
            }
            Want::CommaOrClose if b == b',' => {
                at += 1;
                want = match innermost.map(|n| n.kind) {
                    Some(Kind::Object) => Want::Key,
                    _ => Want::Value,
                };
            }
            Want::Key | Want::KeyOrClose if b == b'"' => {
                key = Some(at);
                let Some(after) = string_end(bytes, at) else { break };
                at = after;
                want = Want::Colon;
            }
            Want::Colon if b == b':' => {
                at += 1;
                want = Want::Value;
            }
            Want::Value | Want::ValueOrClose => {
                let i = nodes.len();
                let (kind, after) = match b {
                    b'{' => (Kind::Object, Some(at + 1)),
                    b'[' => (Kind::Array, Some(at + 1)),
                    b'"' => (Kind::Scalar, string_end(bytes, at)),
                    b',' | b':' | b']' | b'}' => (Kind::Scalar, None),
                    _ => (Kind::Scalar, Some(scalar_end(bytes, at))),
                };
                let Some(after) = after else { break };
                nodes.push(Node { kind, start: at, key: key.take(), end: i + 1 });
                at = after;
                want = match kind {
                    Kind::Object => Want::KeyOrClose,
                    Kind::Array => Want::ValueOrClose,
                    Kind::Scalar => Want::CommaOrClose,
                };
                if kind != Kind::Scalar {
                    open.push(i);
                }
            }
            _ => break,
        }
        // One value at the top: what follows it is not part of the document.
        if open.is_empty() && want == Want::CommaOrClose {
            break;
        }
    }
    // Lists and objects left open by an error or the end of the text end here.
    let end = nodes.len();
    for i in open {
        if let Some(n) = nodes.get_mut(i) {
            n.end = end;
        }
    }
    nodes
}

/// The offset just past the string whose opening quote is at `at`; None if
/// it never closes.
fn string_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// The offset just past a bare value (number, `true`, `false`, `null`, or
/// whatever stands there) starting at `at`.
fn scalar_end(bytes: &[u8], at: usize) -> usize {
    let len = bytes.get(at..).map_or(0, |rest| {
        rest.iter()
            .take_while(|b| !matches!(b, b',' | b']' | b'}' | b':' | b'"' | b' ' | b'\t' | b'\n' | b'\r'))
            .count()
    });
    at + len.max(1)
}

/// The JSON string whose opening quote is at `at`, unescaped. Broken escapes
/// read as U+FFFD (the parser refuses such a file; this only has to not fail).
fn string_at(text: &str, at: usize) -> Option<Cow<'_, str>> {
    let end = string_end(text.as_bytes(), at)?;
    let raw = text.get(at + 1..end - 1)?;
    if !raw.contains('\\') {
        return Some(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('u') => {
                let high = hex4(&mut chars);
                let c = match high {
                    Some(h @ 0xD800..=0xDBFF) => {
                        // A surrogate pair is written as two escapes.
                        let mut ahead = chars.clone();
                        let low = (ahead.next() == Some('\\') && ahead.next() == Some('u'))
                            .then(|| hex4(&mut ahead))
                            .flatten()
                            .filter(|l| (0xDC00..=0xDFFF).contains(l));
                        match low {
                            Some(l) => {
                                chars = ahead;
                                char::from_u32(0x10000 + ((h - 0xD800) << 10) + (l - 0xDC00))
                            }
                            None => None,
                        }
                    }
                    Some(code) => char::from_u32(code),
                    None => None,
                };
                out.push(c.unwrap_or('\u{fffd}'));
            }
            Some(other) => out.push(other),
            None => out.push('\u{fffd}'),
        }
    }
    Some(Cow::Owned(out))
}

/// Four hex digits, as a number.
fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    let mut value = 0;
    for _ in 0..4 {
        value = value * 16 + chars.next()?.to_digit(16)?;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &str = r#"{
  "format_version": 1,
  "meta": {
    "country": "CHN",
    "source": {"title": "T", "url": "javascript:alert(1)"}
  },
  "projects": [
    {"id": "a", "themes": ["x", "y"]},
    {
      "id": "b",
      "funding": {
        "amount_usd": "lots"
      }
    },
    [[1, 2], {"deep": [3, {"deeper": true}]}]
  ]
}"#;

    #[test]
    fn fields_and_list_positions_find_their_line_and_column() {
        assert_eq!(locate(SHEET, "$"), Some((1, 1)));
        assert_eq!(locate(SHEET, "format_version"), Some((2, 3)));
        assert_eq!(locate(SHEET, "meta"), Some((3, 3)));
        assert_eq!(locate(SHEET, "meta.country"), Some((4, 5)));
        assert_eq!(locate(SHEET, "meta.source.url"), Some((5, 30)));
        assert_eq!(locate(SHEET, "projects[0]"), Some((8, 5)));
        assert_eq!(locate(SHEET, "projects[0].themes[1]"), Some((8, 33)));
        assert_eq!(locate(SHEET, "projects[1]"), Some((9, 5)));
        assert_eq!(locate(SHEET, "projects[1].funding.amount_usd"), Some((12, 9)));
        assert_eq!(locate(SHEET, "$.projects[1].id"), Some((10, 7)));
    }

    #[test]
    fn nested_lists_and_objects() {
        assert_eq!(locate(SHEET, "projects[2]"), Some((15, 5)));
        assert_eq!(locate(SHEET, "projects[2][0][1]"), Some((15, 10)));
        assert_eq!(locate(SHEET, "projects[2][1].deep[1].deeper"), Some((15, 28)));
        assert_eq!(locate("[[[[[\"x\"]]]]]", "[0][0][0][0][0]"), Some((1, 6)));
        assert_eq!(locate("{\"a\":{},\"b\":[],\"c\":{\"d\":1}}", "c.d"), Some((1, 21)));
    }

    #[test]
    fn an_unknown_path_is_none_and_its_nearest_place_is_its_longest_existing_beginning() {
        for path in ["meta.title", "projects[3]", "projects[1].funding.currency", "nothing", "meta[0]", "projects.id"] {
            assert_eq!(locate(SHEET, path), None, "{path}");
        }
        let nearest = Locator::new(SHEET).find("projects[1].funding.currency");
        assert_eq!(nearest, Some(Place { line: 11, column: 7, exact: false }));
        assert_eq!(Locator::new(SHEET).find("zzz"), Some(Place { line: 1, column: 1, exact: false }));
        // A list position past a scalar, a field of a list: not there.
        assert_eq!(locate(SHEET, "format_version[0]"), None);
        assert_eq!(locate(SHEET, "projects[0].id.x"), None);
    }

    #[test]
    fn paths_not_written_as_the_parser_writes_them_are_none() {
        for path in
            ["", ".", "a.", "a..b", "[", "[x]", "[-1]", "[1", "[\"a\"", "[\"a", "a]", "$$", "[99999999999999999999999]"]
        {
            assert_eq!(Locator::new(SHEET).find(path), None, "{path:?}");
        }
        assert_eq!(Locator::new(SHEET).find(""), None);
        assert_eq!(Locator::new(SHEET).find("$").map(|p| p.exact), Some(true));
    }

    #[test]
    fn escaped_strings_and_keys_with_dots_brackets_and_quotes() {
        let text = "{\n\"t\\\"x\": {\"a\\\\b\": 1},\n  \"x.y\": [true],\n  \"a b\": \"s\\\"]}[{\",\n  \"[0]\": 2, \"caf\\u00e9\": 3, \"\\ud83d\\ude00\": 4\n}";
        let at = |key: &str| locate(text, &key_segment(key));
        assert_eq!(at("t\"x"), Some((2, 1)));
        assert_eq!(locate(text, &format!("{}[\"a\\\\b\"]", key_segment("t\"x"))), Some((2, 10)));
        assert_eq!(at("x.y"), Some((3, 3)));
        assert_eq!(locate(text, r#"["x.y"][0]"#), Some((3, 11)));
        assert_eq!(at("a b"), Some((4, 3)));
        assert_eq!(at("[0]"), Some((5, 3)));
        // The parser quotes a name that is not plain ASCII; as it is, it is found too.
        assert_eq!(locate(text, "café"), Some((5, 13)));
        assert_eq!(at("café"), Some((5, 13)));
        assert_eq!(at("😀"), Some((5, 29)));
        // A string holding brackets and quotes does not end the object early.
        assert_eq!(locate(r#"{"a": "}]\"[{", "b": 1}"#, "b"), Some((1, 17)));
    }

    #[test]
    fn a_repeated_key_leads_to_the_last_one_as_the_parser_reads_it() {
        let text = "{\"a\": {\"x\": 1},\n \"a\": {\"y\": 2}}";
        assert_eq!(locate(text, "a"), Some((2, 2)));
        assert_eq!(locate(text, "a.y"), Some((2, 8)));
        assert_eq!(locate(text, "a.x"), None);
    }

    #[test]
    fn a_syntax_error_keeps_what_came_before_it() {
        let text = "{\n  \"a\": [1, 2,, 3],\n  \"b\": 2\n}";
        assert_eq!(locate(text, "a[1]"), Some((2, 12)));
        assert_eq!(locate(text, "a[2]"), None);
        assert_eq!(locate(text, "b"), None);
        let truncated = "{\"meta\": {\"title\": \"Chi";
        assert_eq!(locate(truncated, "meta"), Some((1, 2)));
        assert_eq!(locate(truncated, "meta.title"), None);
        assert_eq!(Locator::new(truncated).find("meta.title").map(|p| p.exact), Some(false));
        // Trailing text after the document, a missing colon, a bare word.
        assert_eq!(locate("{\"a\": 1} {\"b\": 2}", "b"), None);
        assert_eq!(locate("{\"a\" 1, \"b\": 2}", "a"), None);
        assert_eq!(locate("{\"a\": tru, \"b\": 2}", "b"), Some((1, 12)));
    }

    #[test]
    fn a_byte_order_mark_and_windows_line_ends() {
        assert_eq!(locate("\u{feff}{\r\n\"a\": 1\r\n}", "a"), Some((2, 1)));
        assert_eq!(locate("\u{feff}{\"a\": 1}", "a"), Some((1, 2)));
    }

    #[test]
    fn texts_that_are_not_json_never_panic() {
        let texts = [
            "",
            " ",
            "\u{feff}",
            "{",
            "}",
            "[",
            "]",
            "\"",
            "\"\\",
            "\"\\u12",
            "{\"\\ud800\": 1}",
            "{\"a\\",
            "[,]",
            ":",
            "{:}",
            "{\"a\":}",
            "[1 2]",
            "<html>",
            "\u{0}",
            "é",
            "{\"é\":\"ü\"}",
            "[\"\\u00\"]",
            "{\"a\":{\"b\":[",
        ];
        let paths = ["$", "a", "a.b", "[0]", "[0][0]", "[\"a\"]", "a[0].b", "é", "[\"\\u{0}\"]"];
        for text in texts {
            for path in paths {
                let _ = locate(text, path);
                if let Some(place) = Locator::new(text).find(path) {
                    assert!(place.line >= 1 && place.column >= 1, "{text:?} {path:?}");
                }
            }
        }
        assert_eq!(Locator::new("").find("$"), None);
        assert_eq!(Locator::new("   ").find("$"), None);
    }

    #[test]
    fn deep_nesting_needs_no_recursion() {
        let text = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
        let path = "[0]".repeat(100_000);
        assert_eq!(locate(&text, &path), Some((1, 100_001)));
    }
}

//! What the editors' preview page shows of a file beside its report, derived
//! here so it is tested natively: each problem placed on its line (the
//! parser's own line for a syntax error, else its JSON path found in the text
//! by [`crate::model::locate`](mod@crate::model::locate)), the tally of errors and warnings, which lines
//! carry problems, and which lines of a long file are drawn at a time.

use std::collections::BTreeMap;

use crate::model::{Locator, Place, Problem, Severity};

/// Problems placed and listed; a hostile file may hold thousands more, which
/// are counted, not listed (placing one costs up to a walk along a list).
pub const LISTED: usize = 200;

/// Lines of the file drawn at a time: a sheet of several times China's size
/// shows whole; a longer one a window that a problem or a button moves.
pub const WINDOW: usize = 5_000;

/// A problem and where it is in the text, when it can be found.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub problem: Problem,
    pub place: Option<Place>,
}

/// What the preview page lists about a file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Review {
    /// The first [`LISTED`] problems the parser found, placed, in the order
    /// of the file (those with no place first: they concern it all).
    pub listed: Vec<Placed>,
    /// Problems not listed.
    pub more: usize,
    pub errors: usize,
    pub warnings: usize,
    /// The lines listed problems point at, with the worst severity on each.
    pub marks: BTreeMap<usize, Severity>,
}

impl Review {
    /// Places `problems` (found in `text`) for the list.
    pub fn of(text: &str, problems: &[Problem]) -> Review {
        let locator = Locator::new(text);
        let mut listed: Vec<Placed> = problems
            .iter()
            .take(LISTED)
            .map(|p| {
                let place = match p.line_column {
                    Some((line, column)) => Some(Place { line, column, exact: true }),
                    None => locator.find(&p.path),
                };
                Placed { problem: p.clone(), place }
            })
            .collect();
        listed.sort_by_key(|p| p.place.map(|place| (place.line, place.column)));
        let mut marks = BTreeMap::new();
        for placed in &listed {
            if let Some(place) = placed.place {
                let worst = marks.entry(place.line).or_insert(placed.problem.severity);
                *worst = (*worst).min(placed.problem.severity);
            }
        }
        let errors = problems.iter().filter(|p| p.is_error()).count();
        Review { more: problems.len() - listed.len(), errors, warnings: problems.len() - errors, listed, marks }
    }
}

/// The lines drawn of a file of `total` lines: `first` to `last`, 1-based,
/// at most [`WINDOW`] of them (none for an empty file: `last` is 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: usize,
    pub last: usize,
    pub total: usize,
}

impl Window {
    /// The window centred on `line` (as far as the file allows).
    pub fn around(total: usize, line: usize) -> Window {
        let last = line.saturating_sub(WINDOW / 2).max(1).saturating_add(WINDOW - 1).min(total);
        Window { first: last.saturating_sub(WINDOW - 1).max(1), last, total }
    }

    /// The file's first lines.
    pub fn top(total: usize) -> Window {
        Window::around(total, 1)
    }

    /// Whether `line` is drawn.
    pub fn shows(&self, line: usize) -> bool {
        (self.first..=self.last).contains(&line)
    }

    /// This window, moved to show `line` if it does not already.
    pub fn showing(self, line: usize) -> Window {
        if self.shows(line) {
            self
        } else {
            Window::around(self.total, line)
        }
    }

    /// Half a window earlier, when there are earlier lines.
    pub fn earlier(self) -> Option<Window> {
        (self.first > 1).then(|| Window::around(self.total, self.first))
    }

    /// Half a window later, when there are later lines.
    pub fn later(self) -> Option<Window> {
        (self.last < self.total).then(|| Window::around(self.total, self.last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse;

    const BROKEN: &str = r#"{
  "format_version": 1,
  "meta": {"country": "CHN", "country_name": "China", "title": "China", "subtitle": "s",
           "published": "2026-07", "language": "en", "source": {"title": "t"}},
  "themes": [{"id": "skills", "name": "Skills"}],
  "projects": [
    {"id": "a", "title": "A", "period": {"start": 2018, "end": 2027}, "summary": "s",
     "themes": ["nope"], "colour": "red", "source": {"section": "lead", "quote": "q"}},
    {"id": "b", "title": "B", "period": {"start": 2018, "end": 2027}, "summary": "s",
     "funding": {"amount_usd": "lots"}, "source": {"section": "lead", "quote": "q"}}
  ]
}"#;

    #[test]
    fn every_problem_is_placed_on_its_line_and_lines_are_marked_by_the_worst() {
        let parsed = parse(BROKEN);
        let review = Review::of(BROKEN, &parsed.problems);
        let listed: Vec<(&str, Option<usize>)> =
            review.listed.iter().map(|p| (p.problem.path.as_str(), p.place.map(|p| p.line))).collect();
        assert!(listed.contains(&("projects[0].themes[0]", Some(8))), "{listed:?}");
        assert!(listed.contains(&("projects[1].funding.amount_usd", Some(10))), "{listed:?}");
        assert!(listed.contains(&("projects[0].colour", Some(8))), "{listed:?}");
        assert!(review.listed.iter().all(|p| p.place.is_some_and(|p| p.exact)));
        assert_eq!((review.errors, review.warnings, review.more), (2, 1, 0));
        assert_eq!(review.marks.get(&8), Some(&Severity::Error), "an error and a warning: the error");
        assert_eq!(review.marks.get(&10), Some(&Severity::Error));
        assert_eq!(review.marks.len(), 2);
        let lines: Vec<_> = review.listed.iter().filter_map(|p| p.place.map(|p| p.line)).collect();
        assert_eq!(lines, [8, 8, 10], "in the order of the file");
    }

    #[test]
    fn a_syntax_error_keeps_the_parsers_line_and_a_missing_field_its_objects() {
        let text = "{\n  \"format_version\": 1,\n  \"meta\": {\n    \"country\": CHN\n  }\n}";
        let review = Review::of(text, &parse(text).problems);
        let place = review.listed[0].place.expect("placed");
        assert_eq!((place.line, place.exact), (4, true));
        let text = "{\n  \"format_version\": 1,\n  \"meta\": {\n    \"country\": \"CHN\"\n  }\n}";
        let review = Review::of(text, &parse(text).problems);
        let missing = review.listed.iter().find(|p| p.problem.message.contains("missing")).expect("a missing field");
        assert_eq!(missing.problem.path, "meta");
        assert_eq!(missing.place.map(|p| (p.line, p.exact)), Some((3, true)));
        let empty = Review::of("", &parse("").problems);
        assert_eq!((empty.errors, empty.listed[0].place), (1, None));
    }

    #[test]
    fn thousands_of_problems_list_the_first_and_count_the_rest() {
        let ids: Vec<String> = (0..1_000).map(|i| format!("{{\"id\": \"t{i}\"}}")).collect();
        let text = format!("{{\"format_version\": 1, \"themes\": [\n{}\n]}}", ids.join(",\n"));
        let problems = parse(&text).problems;
        assert!(problems.len() > LISTED, "{}", problems.len());
        let review = Review::of(&text, &problems);
        assert_eq!(review.listed.len(), LISTED);
        assert_eq!(review.more, problems.len() - LISTED);
        assert_eq!(review.errors + review.warnings, problems.len());
    }

    #[test]
    fn a_short_file_shows_whole() {
        assert_eq!(Window::top(0), Window { first: 1, last: 0, total: 0 });
        assert!(!Window::top(0).shows(1));
        assert_eq!(Window::top(2_099), Window { first: 1, last: 2_099, total: 2_099 });
        assert_eq!(Window::top(2_099).showing(2_000), Window::top(2_099));
        assert_eq!((Window::top(WINDOW).earlier(), Window::top(WINDOW).later()), (None, None));
    }

    #[test]
    fn a_long_file_shows_a_window_that_moves_to_a_line_and_by_half() {
        let total = 3 * WINDOW + 10;
        let top = Window::top(total);
        assert_eq!((top.first, top.last), (1, WINDOW));
        assert_eq!(top.earlier(), None);
        let later = top.later().expect("later lines");
        assert_eq!((later.first, later.last), (WINDOW / 2, WINDOW / 2 + WINDOW - 1));
        assert_eq!(later.earlier(), Some(top));
        let far = top.showing(2 * WINDOW);
        assert!(far.shows(2 * WINDOW) && far.last - far.first + 1 == WINDOW);
        let end = top.showing(total);
        assert_eq!((end.first, end.last), (total - WINDOW + 1, total));
        assert_eq!(end.later(), None);
        assert_eq!(Window::around(total, usize::MAX).last, total, "no overflow");
    }
}

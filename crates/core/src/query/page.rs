//! Long lists in pages: a list of thousands of matching items shows the first
//! [`PAGE`] and a "Show more" button, so a filter change repaints a page, not
//! the whole list. How many show, and how many the button adds, are here.

/// Items a long list shows at first, and adds with each "Show more".
pub const PAGE: usize = 60;

/// How much of a list of `total` items shows after `more` presses of "Show
/// more": the count shown, and what the next press would add (0: no button).
pub fn window(total: usize, more: usize) -> (usize, usize) {
    let shown = total.min(PAGE.saturating_mul(more.saturating_add(1)));
    (shown, (total - shown).min(PAGE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_list_shows_whole_with_no_button() {
        assert_eq!(window(0, 0), (0, 0));
        assert_eq!(window(5, 0), (5, 0));
        assert_eq!(window(PAGE, 0), (PAGE, 0));
    }

    #[test]
    fn a_long_list_grows_a_page_at_a_time_to_its_end() {
        let total = 2 * PAGE + 7;
        assert_eq!(window(total, 0), (PAGE, PAGE));
        assert_eq!(window(total, 1), (2 * PAGE, 7));
        assert_eq!(window(total, 2), (total, 0));
        assert_eq!(window(total, 9), (total, 0), "presses past the end change nothing");
        assert_eq!(window(10_000, usize::MAX), (10_000, 0), "no overflow");
    }
}

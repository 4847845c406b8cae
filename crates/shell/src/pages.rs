//! A long list a page at a time (`query::page`): how many "Show more"
//! presses a widget's list has had, counted for the list they were made on,
//! so a filter change starts the new list at its first page. The project
//! cards and the map legend's figures use it.

use leptos::prelude::*;

use crate::query::page;

/// The presses of one list's "Show more" button, and the list they were
/// made on.
pub struct Pages<T: 'static>(RwSignal<(Vec<T>, usize)>);

impl<T: 'static> Clone for Pages<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Pages<T> {}

impl<T: PartialEq + Clone + Send + Sync + 'static> Pages<T> {
    pub fn new() -> Pages<T> {
        Pages(RwSignal::new((Vec::new(), 0)))
    }

    /// For `list` as it is now: how many items show, and how many the next
    /// press adds (0: no button). Tracked: reruns after a press.
    pub fn window(&self, list: &[T]) -> (usize, usize) {
        page::window(list.len(), self.presses(list))
    }

    /// One more press of the button under `list`.
    pub fn more(&self, list: &[T]) {
        let presses = self.0.with_untracked(|(on, n)| if on.as_slice() == list { *n } else { 0 });
        self.0.set((list.to_vec(), presses + 1));
    }

    fn presses(&self, list: &[T]) -> usize {
        self.0.with(|(on, n)| if on.as_slice() == list { *n } else { 0 })
    }
}

impl<T: PartialEq + Clone + Send + Sync + 'static> Default for Pages<T> {
    fn default() -> Self {
        Pages::new()
    }
}

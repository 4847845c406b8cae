//! Filtering, search and facet counts over a fact sheet (in progress).

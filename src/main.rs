//! Browser entry point: mounts one report into every element marked
//! `data-ilo-factsheet` (the page's `#app` by default). Each mount reads its
//! own options from its element's attributes; nothing is global but the panic
//! hook, which can only be global.

fn main() {
    ilo_factsheet::ui::start();
}

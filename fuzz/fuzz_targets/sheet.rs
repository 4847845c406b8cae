//! Fuzz target: any bytes as a data file (decoded as a browser's `text()`
//! does, invalid UTF-8 replaced), read, checked and shown through every pure
//! derivation a view makes (`ilo_factsheet_core::harness::run`), under a filter
//! state read from a first line that starts with `?`. A panic or a hang is a
//! finding; `harness::run` asserts the invariants the views rely on.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (state, text) = ilo_factsheet_core::harness::split_input(&input);
    ilo_factsheet_core::harness::run(text, &state);
});

//! The editors' preview page (`preview.html`): a fact-sheet file chosen or
//! dropped from the editor's own computer is read in the browser, never sent
//! anywhere, and shown at once: a summary (errors, warnings, what the sheet
//! holds), every problem with its JSON path and line, each a button to that
//! line in the file's text, and beside them the report the widget makes of it
//! (the same [`App`], given the sheet in hand rather than a URL, its filters
//! kept to itself). Choosing or dropping a file again reads it again and
//! redraws everything. What is listed is derived by the core
//! (`preview::Review`, `preview::Window`); this draws it and reads files.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::model::parse::MAX_BYTES;
use crate::model::{Counts, Problem, Severity};
use crate::preview::{Placed, Review, Window};
use crate::query::FilterState;
use crate::ui::app::{App, Config, DataSource};
use crate::ui::language::Languages;
use ilo_factsheet_shell::ctx::Setting;
use ilo_factsheet_shell::i18n::{t, words, PreviewText as P, Text, Words};
use ilo_factsheet_shell::load::Loaded;

/// A file read: its name and text, the sheet read from it, its problems placed.
struct FileRead {
    name: String,
    text: String,
    loaded: Arc<Loaded>,
    review: Review,
}

impl FileRead {
    /// Reads a file's bytes as the checker does: bytes that are not UTF-8
    /// become U+FFFD, with a warning.
    fn of(name: String, bytes: Vec<u8>, words: &Words) -> FileRead {
        let (text, lossy) = match String::from_utf8(bytes) {
            Ok(text) => (text, false),
            Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
        };
        let loaded = Loaded::from_text(&text);
        let mut problems = loaded.problems.clone();
        if lossy {
            problems.insert(0, Problem::warning("$", words.t(Text::Preview(P::NotUtf8))));
        }
        let review = Review::of(&text, &problems);
        FileRead { name, text, loaded: Arc::new(loaded), review }
    }

    fn total_lines(&self) -> usize {
        self.text.split('\n').count()
    }
}

/// Where reading stands, for the summary and its announcement.
#[derive(Clone)]
enum Reading {
    Idle,
    Busy(String),
    Failed(String),
}

/// The page: file picker and drop zone, summary, problems, the file's text,
/// and the report.
#[component]
pub fn PreviewPage(base: String, languages: Languages) -> impl IntoView {
    let file = RwSignal::new(None::<Arc<FileRead>>);
    let reading = RwSignal::new(Reading::Idle);
    // Which read is the latest: a slow read that ends after a newer one is dropped.
    let ticket = StoredValue::new(0u64);
    // The report's filters and view, kept from one file to the next.
    let state = RwSignal::new(FilterState::default());
    let over = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();

    // Captured here: handlers run outside the widget's reactive owner.
    let page_words = StoredValue::new(words());
    let open = move |chosen: web_sys::File| read(chosen, file, reading, ticket, page_words.get_value());
    let on_change = move |_| {
        if let Some(el) = input.get() {
            if let Some(chosen) = el.files().and_then(|list| list.get(0)) {
                open(chosen);
            }
            // Choosing the same file again (edited since) must read it again.
            el.set_value("");
        }
    };
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer().is_some_and(|d| d.types().includes(&wasm_bindgen::JsValue::from_str("Files"), 0))
    };
    // Anywhere on the page: a file dropped beside the zone must not open in the tab.
    let on_dragover = move |ev: web_sys::DragEvent| {
        if carries_files(&ev) {
            ev.prevent_default();
            if let Some(d) = ev.data_transfer() {
                d.set_drop_effect("copy");
            }
            over.set(true);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        over.set(false);
        if let Some(dropped) = ev.data_transfer().and_then(|d| d.files()).and_then(|list| list.get(0)) {
            ev.prevent_default();
            open(dropped);
        }
    };
    let setting = Setting { base, local_file: true, ..Setting::default() };

    view! {
        <div class="ilo-factsheet ilo-preview" class:pv-over=move || over.get()
            class:pv-loaded=move || file.with(Option::is_some)
            on:dragover=on_dragover on:dragleave=move |_| over.set(false) on:drop=on_drop>
            <div class="pv-layout">
                <div class="pv-side">
                    <header class="pv-header">
                        <h1>{t(Text::Preview(P::Title))}</h1>
                        <p class="pv-intro">{t(Text::Preview(P::Intro))}</p>
                    </header>
                    // The zone is the input's label: a click, Enter or Space opens the picker.
                    <label class="pv-drop">
                        <input type="file" class="pv-input" accept=".json,application/json"
                            node_ref=input on:change=on_change />
                        <span class="pv-choose">
                            {move || {
                                let words = match (over.get(), file.with(Option::is_some)) {
                                    (true, _) => P::DropNow,
                                    (false, true) => P::ChooseAnother,
                                    (false, false) => P::Choose,
                                };
                                t(Text::Preview(words))
                            }}
                        </span>
                        <span class="pv-or-drop">{t(Text::Preview(P::OrDrop))}</span>
                    </label>
                    <Summary file=file reading=reading />
                    {move || file.get().map(|f| view! { <Details file=f /> })}
                </div>
                <section class="pv-report" aria-labelledby="pv-report-title">
                    <h2 id="pv-report-title" class="visually-hidden">{t(Text::Preview(P::Report))}</h2>
                    {move || match file.get() {
                        Some(f) => {
                            let config = Config {
                                data: Ok(DataSource::Read(f.loaded.clone())),
                                foreign_params: String::new(),
                                setting: setting.clone(),
                                // The report in the page's language (the reader's).
                                languages: languages.clone(),
                            };
                            view! { <App config=config state=state /> }.into_any()
                        }
                        None => view! {
                            <p class="pv-placeholder">{t(Text::Preview(P::ReportPlaceholder))}</p>
                        }.into_any(),
                    }}
                </section>
            </div>
        </div>
    }
}

/// Reads `chosen` and shows it, unless a newer file is asked for meanwhile.
/// A file larger than the app reads is refused unread.
fn read(
    chosen: web_sys::File,
    file: RwSignal<Option<Arc<FileRead>>>,
    reading: RwSignal<Reading>,
    ticket: StoredValue<u64>,
    words: Words,
) {
    let name = chosen.name();
    let this = ticket.get_value().wrapping_add(1);
    ticket.set_value(this);
    let bytes = chosen.size();
    if bytes > MAX_BYTES as f64 {
        file.set(None);
        let mb = |n: f64| n / 1_000_000.0;
        reading.set(Reading::Failed(words.t(Text::TooLarge(&name, mb(bytes), mb(MAX_BYTES as f64)))));
        return;
    }
    reading.set(Reading::Busy(name.clone()));
    spawn_local(async move {
        let outcome = wasm_bindgen_futures::JsFuture::from(chosen.array_buffer()).await;
        if ticket.try_get_value() != Some(this) {
            return;
        }
        match outcome {
            Ok(buffer) => {
                let read = FileRead::of(name, js_sys::Uint8Array::new(&buffer).to_vec(), &words);
                let _ = file.try_set(Some(Arc::new(read)));
                let _ = reading.try_set(Reading::Idle);
            }
            Err(error) => {
                let why = error
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .or_else(|| error.as_string())
                    .unwrap_or_default();
                let _ = file.try_set(None);
                let _ = reading.try_set(Reading::Failed(words.t(Text::Preview(P::ReadFailed(&name, &why)))));
            }
        }
    });
}

/// What the file holds and how it fares, in a polite live region: said
/// again after every read.
#[component]
fn Summary(file: RwSignal<Option<Arc<FileRead>>>, reading: RwSignal<Reading>) -> impl IntoView {
    let verdict = move || match reading.get() {
        Reading::Busy(name) => t(Text::Preview(P::Reading(&name))).into_owned(),
        Reading::Failed(message) => message,
        Reading::Idle => file.with(|f| match f {
            Some(f) => words().verdict(&f.name, f.review.errors, f.review.warnings),
            None => t(Text::Preview(P::NoFile)).into_owned(),
        }),
    };
    let tone = move || match (reading.get(), file.with(|f| f.as_ref().map(|f| (f.review.errors, f.review.warnings)))) {
        (Reading::Failed(_), _) | (Reading::Idle, Some((1.., _))) => "pv-verdict pv-bad",
        (Reading::Idle, Some((0, 1..))) => "pv-verdict pv-warned",
        (Reading::Idle, Some((0, 0))) => "pv-verdict pv-good",
        _ => "pv-verdict",
    };
    let holds = move || {
        file.with(|f| {
            f.as_ref().map(|f| {
                if f.loaded.fatal {
                    t(Text::Preview(P::NothingShown)).into_owned()
                } else {
                    words().holds(&Counts::of(&f.loaded.sheet))
                }
            })
        })
    };
    view! {
        <div class="pv-summary">
            <p class=tone role="status" aria-live="polite">{verdict}</p>
            <p class="pv-holds">{holds}</p>
        </div>
    }
}

/// The problems of a file read, and its text; a problem's button shows its
/// line (drawing that part of a long file), highlights it and focuses it.
#[component]
fn Details(file: Arc<FileRead>) -> impl IntoView {
    let total = file.total_lines();
    let long_file = total >= 10_000;
    let window = RwSignal::new(Window::top(total));
    // The line chosen: marked on the drawn lines themselves, not through a
    // signal each of thousands of lines would follow.
    let current = StoredValue::new(None::<usize>);
    let source = NodeRef::<leptos::html::Div>::new();
    let go = move |line: usize| {
        window.update(|w| *w = w.showing(line));
        current.set_value(Some(line));
        // Once the lines are drawn.
        request_animation_frame(move || focus_line(source, line));
    };
    let move_to = move |w: Window| {
        window.set(w);
        request_animation_frame(move || {
            if let Some(line) = current.get_value() {
                mark_line(source, line);
            }
        });
    };
    let review = &file.review;
    let count = review.listed.len() + review.more;
    let problems = (count > 0).then(|| {
        let more = review.more;
        view! {
            <section class="pv-problems-box" aria-labelledby="pv-problems-title">
                <h2 id="pv-problems-title" class="pv-h">{t(Text::Preview(P::Problems(count)))}</h2>
                <ul class="pv-problems">
                    {review.listed.iter().cloned().map(|placed| view! { <ProblemItem placed=placed go=go /> }).collect_view()}
                    {(more > 0).then(|| view! { <li class="pv-more">{t(Text::MoreProblems(more))}</li> })}
                </ul>
            </section>
        }
    });
    let label = t(Text::Preview(P::SourceLabel(&file.name))).into_owned();
    let marks = review.marks.clone();
    let text = file.clone();
    let lines = move || {
        let w = window.get();
        text.text
            .split('\n')
            .enumerate()
            .skip(w.first.saturating_sub(1))
            .take((w.last + 1).saturating_sub(w.first))
            .map(|(i, line)| {
                let n = i + 1;
                let severity = marks.get(&n).map(|s| match s {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                });
                view! {
                    <div class="pv-line" data-line=n data-severity=severity tabindex="-1">
                        <span class="pv-ln">{n}</span>
                        <span class="pv-code">{line.strip_suffix('\r').unwrap_or(line).to_string()}</span>
                    </div>
                }
            })
            .collect_view()
    };
    let partial = move || {
        let w = window.get();
        (w.first > 1 || w.last < w.total).then(|| t(Text::Preview(P::LinesShown(w.first, w.last, w.total))))
    };
    view! {
        {problems}
        <section class="pv-source-box" aria-labelledby="pv-source-title">
            <h2 id="pv-source-title" class="pv-h">{t(Text::Preview(P::Source))}</h2>
            <p class="pv-partial">{partial}</p>
            {move || window.get().earlier().map(|w| view! {
                <button type="button" class="pv-more-lines" on:click=move |_| move_to(w)>
                    {t(Text::Preview(P::EarlierLines))}
                </button>
            })}
            // Scrolls by keyboard too: it is focusable, and named.
            <div class="pv-source" class:pv-long=long_file role="region" aria-label=label tabindex="0"
                node_ref=source>{lines}</div>
            {move || window.get().later().map(|w| view! {
                <button type="button" class="pv-more-lines" on:click=move |_| move_to(w)>
                    {t(Text::Preview(P::LaterLines))}
                </button>
            })}
        </section>
    }
}

/// One problem: a button to its line, or plain when it has no place.
#[component]
fn ProblemItem(placed: Placed, go: impl Fn(usize) + Copy + 'static) -> impl IntoView {
    let p = placed.problem;
    let (class, severity) = match p.severity {
        Severity::Error => ("error", t(Text::Preview(P::Error))),
        Severity::Warning => ("warning", t(Text::Preview(P::Warning))),
    };
    let at = placed.place.map(|place| match place.exact {
        true => t(Text::LineColumn(place.line, place.column)),
        false => t(Text::Preview(P::NearLine(place.line))),
    });
    let body = view! {
        <span class="pv-severity">{severity}</span>
        <code class="pv-path">{p.path}</code>
        {at.map(|at| view! { <span class="pv-at">{at}</span> })}
        <span class="pv-message">{p.message}</span>
    };
    let line = placed.place.map(|place| place.line);
    view! {
        <li>
            {match line {
                Some(line) => view! {
                    <button type="button" class="pv-problem" data-severity=class on:click=move |_| go(line)>
                        {body}
                    </button>
                }.into_any(),
                None => view! { <div class="pv-problem" data-severity=class>{body}</div> }.into_any(),
            }}
        </li>
    }
}

/// Scrolls line `line` to the middle of the text's box and focuses it; the
/// page itself scrolls only as far as needed to show it (where the file sits
/// beside the report, not at all: the report stays where it was).
fn focus_line(source: NodeRef<leptos::html::Div>, line: usize) {
    let (Some(box_), Some(el)) = (source.get_untracked(), mark_line(source, line)) else { return };
    // The box is the line's offset parent (positioned).
    box_.set_scroll_top(el.offset_top() - (box_.client_height() - el.offset_height()) / 2);
    let focus = web_sys::FocusOptions::new();
    focus.set_prevent_scroll(true);
    let _ = el.focus_with_options(&focus);
    let scroll = web_sys::ScrollIntoViewOptions::new();
    scroll.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&scroll);
}

/// Marks line `line`, if it is drawn, as the one chosen (highlighted,
/// `aria-current`), and no other.
fn mark_line(source: NodeRef<leptos::html::Div>, line: usize) -> Option<web_sys::HtmlElement> {
    let box_ = source.get_untracked()?;
    if let Ok(Some(before)) = box_.query_selector(".pv-current") {
        let _ = before.class_list().remove_1("pv-current");
        let _ = before.remove_attribute("aria-current");
    }
    let el = box_.query_selector(&format!("[data-line=\"{line}\"]")).ok()??.dyn_into::<web_sys::HtmlElement>().ok()?;
    let _ = el.class_list().add_1("pv-current");
    let _ = el.set_attribute("aria-current", "true");
    Some(el)
}

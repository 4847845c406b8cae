//! The loaded report: header, problems alert, the bar of view tabs (sticky
//! on phones, with the language and the filters' button), filters, and the
//! parts the chosen view shows (text sections, timeline, projects; the map
//! and funding views through `ui::on_demand`); an embed that named a view
//! gets a short title and a footer instead of the header and tabs (its bar
//! holds the filters' button alone).

use leptos::prelude::*;

use crate::model::problem::excerpt;
use crate::model::{Paragraph, ParagraphKind, Problem, Section, SectionRole};
use crate::query::View;
use crate::ui::on_demand::{OnDemand, Part};
use crate::ui::text::{shown, Highlighted};
use ilo_factsheet_shell::ctx::Ctx;
use ilo_factsheet_shell::i18n::{t, words, Text, Words};
use ilo_factsheet_shell::words::local;

#[component]
pub fn Report() -> impl IntoView {
    let ctx = Ctx::get();
    // A memo: a filter change must not rebuild the whole view, only a view change.
    let view = Memo::new(move |_| ctx.state.with(|s| s.view));
    let fatal = ctx.with_data(|d| d.fatal);
    // An embed that named a view shows it alone: a short title, no tabs.
    let single = ctx.setting.with_value(|s| s.single_view);
    // A file in an editor's hands (the preview page) is on no site to embed from.
    let embeddable = !ctx.setting.with_value(|s| s.local_file);
    // Where the skip link leads: past the title, tabs and filters.
    let content = NodeRef::<leptos::html::Div>::new();
    // The filters' sheet on a narrow widget: its button, panel and summary share it.
    let sheet = crate::ui::filters::FilterSheet::closed();
    view! {
        {(!fatal && !single).then(|| view! { <SkipLink to=content /> })}
        {(!fatal).then(|| if single { view! { <EmbedTitle /> }.into_any() } else { view! { <Header /> }.into_any() })}
        <Problems />
        {(!fatal).then(|| view! {
            // Sticky at the top on phones: the tabs, the language, the filters' button.
            <div class="view-bar" class:toggle-only=single>
                {(!single).then(|| view! {
                    <ViewTabs />
                    {embeddable.then(|| view! {
                        <crate::ui::language::LanguagePicker />
                        <crate::ui::embed_dialog::EmbedButton />
                    })}
                })}
                <crate::ui::filters::FiltersToggle sheet=sheet />
            </div>
            <div class="fs-body">
                <crate::ui::filters::Filters sheet=sheet />
                <div class="fs-content" id=ctx.dom_id("content") node_ref=content tabindex="-1">
                    <PrintedFilters />
                    <Summary sheet=sheet />
                    {move || match view.get() {
                        View::Full => view! { <FullReport /> }.into_any(),
                        View::Projects => view! { <crate::ui::projects::Projects /> }.into_any(),
                        View::Timeline => view! { <crate::ui::timeline::Timeline /> }.into_any(),
                        View::Map => view! {
                            <OnDemand part=Part::Map />
                            <crate::ui::projects::Projects />
                        }.into_any(),
                        View::Funding => view! { <OnDemand part=Part::Funding /> }.into_any(),
                    }}
                </div>
            </div>
            {single.then(|| view! { <EmbedFooter /> })}
        })}
    }
}

/// The first stop of the keyboard: a link, shown when focused, that moves
/// focus to the report's content, past the title, the tabs and the filters.
/// Inside a shadow root a `#fragment` finds nothing, so it focuses the
/// content itself.
#[component]
fn SkipLink(to: NodeRef<leptos::html::Div>) -> impl IntoView {
    let ctx = Ctx::get();
    view! {
        <a class="skip-link" href=format!("#{}", ctx.dom_id("content"))
            on:click=move |ev| {
                ev.prevent_default();
                if let Some(el) = to.get_untracked() {
                    let _ = el.focus();
                }
            }>{t(Text::SkipToContent)}</a>
    }
}

/// An embedded view's title: the sheet and the view, as a second-level
/// heading (the host page has its own first).
#[component]
fn EmbedTitle() -> impl IntoView {
    let ctx = Ctx::get();
    let meta = ctx.with_data(|d| d.sheet.meta.clone());
    let title = if meta.title.trim().is_empty() { t(Text::Untitled).into_owned() } else { local(&meta.title) };
    let view_name = move || crate::ui::embed_dialog::view_name(ctx.state.with(|s| s.view));
    view! {
        <header class="fs-header embed-header">
            <h2>{title}<span class="embed-view">" · "{view_name}</span></h2>
        </header>
    }
}

/// Under an embedded view: the way to the full report (in a new tab, with the
/// same filters) and to this view's snippets.
#[component]
fn EmbedFooter() -> impl IntoView {
    let ctx = Ctx::get();
    let full = move || ctx.state.with(|s| ctx.href(&crate::query::FilterState { view: View::Full, ..s.clone() }));
    view! {
        <footer class="embed-footer">
            <a class="full-sheet" href=full target="_blank" rel="noopener">{t(Text::FullSheet)}</a>
            <crate::ui::language::LanguagePicker />
            <crate::ui::embed_dialog::EmbedButton />
        </footer>
    }
}

#[component]
fn Header() -> impl IntoView {
    let ctx = Ctx::get();
    let (meta, highlights) = ctx.with_data(|d| (d.sheet.meta.clone(), d.sheet.highlights.clone()));
    // The view shown: on a phone, a single view starts with that view (CSS).
    let view_shown = move || ctx.state.with(|s| s.view.as_str());
    let (title, title_lang, title_dir) =
        if meta.title.trim().is_empty() { (t(Text::Untitled).into_owned(), None, None) } else { shown(&meta.title) };
    let (subtitle, subtitle_lang, subtitle_dir) = shown(&meta.subtitle);
    view! {
        <header class="fs-header" data-view=view_shown>
            // Never an empty heading, even when the file's `meta` is broken.
            <h1 lang=title_lang dir=title_dir>{title}</h1>
            <p class="subtitle" lang=subtitle_lang dir=subtitle_dir>{subtitle}</p>
            // As precise as the source gives it (a month, a year), or not at all.
            {meta.published.map(|date| view! {
                <p class="published">
                    <time datetime=String::from(date)>{words().date(date)}</time>
                </p>
            })}
            {(!highlights.is_empty()).then(|| view! {
                // On phones the strip scrolls sideways: focusable, so keys scroll it too.
                <ul class="highlights" aria-label=t(Text::Highlights) tabindex="0">
                    {highlights.into_iter().map(|h| view! {
                        <li class="highlight">
                            {let (figure, lang, dir) = shown(&h.figure); view! { <span class="figure" lang=lang dir=dir>{figure}</span> }}
                            {let (label, lang, dir) = shown(&h.label); view! { <span class="label" lang=lang dir=dir>{label}</span> }}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </header>
    }
}

/// Problems found in the data: errors in an alert, warnings folded away.
#[component]
fn Problems() -> impl IntoView {
    let ctx = Ctx::get();
    let fatal = ctx.with_data(|d| d.fatal);
    // Read at once, or once the file is checked (`app::read`): words()
    // captured here, where the component's context is.
    let words = words();
    move || {
        let (errors, warnings): (Vec<Problem>, Vec<Problem>) =
            ctx.problems.with(|all| all.iter().cloned().partition(Problem::is_error));
        problems_view(&words, fatal, errors, warnings)
    }
}

/// The errors' alert and the warnings' fold.
fn problems_view(words: &Words, fatal: bool, errors: Vec<Problem>, warnings: Vec<Problem>) -> impl IntoView {
    // A hostile file can hold thousands of problems: list the first ones.
    const LISTED: usize = 50;
    let list = |problems: Vec<Problem>| {
        let more = problems.len().saturating_sub(LISTED);
        view! {
            <ul>
                {problems.into_iter().take(LISTED).map(|p| {
                    let place = match p.line_column {
                        Some((line, column)) => words.t(Text::LineColumn(line, column)),
                        None => p.path.clone(),
                    };
                    view! { <li><code>{place}</code>" "{p.message}</li> }
                }).collect_view()}
                {(more > 0).then(|| view! { <li class="more">{words.t(Text::MoreProblems(more))}</li> })}
            </ul>
        }
    };
    view! {
        {(!errors.is_empty()).then(|| {
            let title = if fatal { words.t(Text::CannotShow) } else { words.t(Text::ProblemsTitle(errors.len())) };
            view! {
                <div class="problems" role="alert">
                    <p class="alert-title">{title}</p>
                    {list(errors)}
                </div>
            }
        })}
        {(!warnings.is_empty()).then(|| view! {
            <details class="warnings">
                <summary>{words.t(Text::WarningsTitle(warnings.len()))}</summary>
                {list(warnings)}
            </details>
        })}
    }
}

#[component]
fn ViewTabs() -> impl IntoView {
    let ctx = Ctx::get();
    // On a phone the tabs scroll sideways: the current one is scrolled into
    // the strip (the strip only, never the page).
    let strip = NodeRef::<leptos::html::Nav>::new();
    // On a view change only: a filter change must not force a layout.
    let view = Memo::new(move |_| ctx.state.with(|s| s.view));
    Effect::new(move |_| {
        view.track();
        if let Some(nav) = strip.get() {
            reveal_current_tab(&nav);
        }
    });
    view! {
        <nav class="views" aria-label=t(Text::Views) node_ref=strip>
            {View::ALL.into_iter().map(|v| {
                let label = t(Text::view(v));
                let target = move || ctx.state.with(|s| ctx.href(&crate::query::FilterState { view: v, ..s.clone() }));
                let current = move || ctx.state.with(|s| s.view == v).then_some("page");
                view! {
                    <a class="tab" href=target aria-current=current
                        on:click=move |ev| {
                            ev.prevent_default();
                            ctx.state.update(|s| s.view = v);
                        }>{label}</a>
                }
            }).collect_view()}
        </nav>
    }
}

/// Scrolls the tab strip `nav` sideways so its current tab is wholly in it
/// (its start, when it is wider than the strip).
fn reveal_current_tab(nav: &web_sys::HtmlElement) {
    let Ok(Some(tab)) = nav.query_selector("[aria-current=\"page\"]") else {
        return;
    };
    let (strip, tab) = (nav.get_bounding_client_rect(), tab.get_bounding_client_rect());
    let rtl = nav.matches(":dir(rtl)").unwrap_or(false);
    let too_wide = tab.width() > strip.width();
    let dx = if (tab.left() < strip.left() && !too_wide) || (too_wide && !rtl) {
        tab.left() - strip.left()
    } else if tab.right() > strip.right() || too_wide {
        tab.right() - strip.right()
    } else {
        return;
    };
    nav.scroll_by_with_x_and_y(dx, 0.0);
}

/// On paper only: what the printed report shows, filter by filter.
#[component]
fn PrintedFilters() -> impl IntoView {
    let ctx = Ctx::get();
    let lines = move || {
        ctx.state.with(|s| {
            ctx.with_data(|d| {
                let sheet = &d.sheet;
                let names = |ids: &[String], name: &dyn Fn(&str) -> String| {
                    // An id the sheet does not know comes from a link: said short.
                    ids.iter().map(|id| name(id)).map(|n| excerpt(&n)).collect::<Vec<_>>().join(", ")
                };
                let mut out: Vec<(String, String)> = Vec::new();
                let mut push = |label: Text<'static>, value: String| {
                    if !value.is_empty() {
                        out.push((t(label).into_owned(), value));
                    }
                };
                push(
                    Text::Themes,
                    names(&s.themes, &|id| {
                        sheet.themes.iter().find(|t| t.id == id).map_or_else(|| id.to_string(), |t| local(&t.name))
                    }),
                );
                push(Text::Partners, names(&s.partners, &|id| sheet.partner_name(id).to_string()));
                push(
                    Text::CountryOrRegion,
                    names(&s.countries, &|id| sheet.geography(id).map_or_else(|| id.to_string(), |g| local(&g.name))),
                );
                let years = match (s.from, s.to) {
                    (Some(a), Some(b)) => t(Text::Years(a, b)).into_owned(),
                    (Some(a), None) => t(Text::YearsFrom(a)).into_owned(),
                    (None, Some(b)) => t(Text::YearsTo(b)).into_owned(),
                    (None, None) => String::new(),
                };
                push(Text::Period, years);
                push(
                    Text::Search,
                    if s.q.trim().is_empty() { String::new() } else { format!("“{}”", excerpt(s.q.trim())) },
                );
                out
            })
        })
    };
    view! {
        <div class="print-only printed-filters">
            {move || {
                let lines = lines();
                if lines.is_empty() {
                    view! { <p>{t(Text::PrintedAll)}</p> }.into_any()
                } else {
                    view! {
                        <p>{t(Text::PrintedFiltered)}</p>
                        <ul>{lines.into_iter().map(|(label, value)| view! { <li><strong>{label}": "</strong>{value}</li> }).collect_view()}</ul>
                    }.into_any()
                }
            }}
        </div>
    }
}

/// How many items match, announced politely (by the filters' sheet instead
/// while it is open); the empty state when none do.
#[component]
fn Summary(sheet: crate::ui::filters::FilterSheet) -> impl IntoView {
    let ctx = Ctx::get();
    let active = move || ctx.state.with(|s| s.has_filters());
    let total = move || ctx.selection.with(|s| s.total());
    let live = move || if sheet.is_sheet() { "off" } else { "polite" };
    view! {
        <p class="summary" aria-live=live>
            {move || active().then(|| t(Text::ShowingCount(total())))}
        </p>
        {move || (active() && total() == 0).then(|| view! {
            <div class="empty-state">
                <p>{t(Text::NoMatch)}</p>
                <p>{t(Text::NoMatchHint)}</p>
                <button type="button" class="clear-all"
                    on:click=move |_| ctx.state.update(|s| *s = s.cleared())>{t(Text::ClearAll)}</button>
            </div>
        })}
    }
}

/// The whole text, then the timeline and the project cards.
#[component]
fn FullReport() -> impl IntoView {
    let ctx = Ctx::get();
    let (lead, sections) = ctx.with_data(|d| (d.sheet.meta.lead.clone(), d.sheet.sections.clone()));
    view! {
        {lead.map(|p| view! { <div class="lead"><ParagraphView paragraph=p /></div> })}
        {sections.into_iter().map(|s| view! { <SectionView section=s /> }).collect_view()}
        <crate::ui::timeline::Timeline />
        <crate::ui::projects::Projects />
    }
}

#[component]
fn SectionView(section: Section) -> impl IntoView {
    let ctx = Ctx::get();
    let ids: Vec<String> = section.all_paragraphs().map(|p| p.id.clone()).collect();
    let is_contacts = section.role == SectionRole::Contacts;
    // A section hides when filters leave it nothing to show (contacts always stay).
    let hidden = move || {
        !is_contacts
            && ctx.state.with(|s| s.has_filters())
            && ctx.selection.with(|s| !ids.iter().any(|id| s.shows_paragraph(id)))
    };
    let body = if is_contacts {
        view! { <crate::ui::contacts::Contacts /> }.into_any()
    } else {
        view! {
            <Paragraphs paragraphs=section.paragraphs.clone() />
            {section.subsections.iter().cloned().map(|sub| view! {
                <div class="subsection" id=ctx.dom_id(&format!("part-{}", sub.id))>
                    {let (title, lang, dir) = shown(&sub.title); view! { <h3 lang=lang dir=dir>{title}</h3> }}
                    <Paragraphs paragraphs=sub.paragraphs />
                </div>
            }).collect_view()}
            <Paragraphs paragraphs=section.closing.clone() />
        }
        .into_any()
    };
    view! {
        <section class="fs-section" id=ctx.dom_id(&format!("section-{}", section.id)) hidden=hidden>
            {let (title, lang, dir) = shown(&section.title); view! { <h2 lang=lang dir=dir>{title}</h2> }}
            {body}
        </section>
    }
}

/// Paragraphs in order; consecutive list items form one list.
#[component]
fn Paragraphs(paragraphs: Vec<Paragraph>) -> impl IntoView {
    let mut groups: Vec<(bool, Vec<Paragraph>)> = Vec::new();
    for p in paragraphs {
        let is_item = p.kind == ParagraphKind::ListItem;
        match groups.last_mut() {
            Some((true, items)) if is_item => items.push(p),
            _ => groups.push((is_item, vec![p])),
        }
    }
    groups
        .into_iter()
        .map(|(is_list, items)| {
            if is_list {
                view! {
                    <ul class="fs-list">
                        {items.into_iter().map(|p| view! { <ParagraphView paragraph=p item=true /> }).collect_view()}
                    </ul>
                }
                .into_any()
            } else {
                items.into_iter().map(|p| view! { <ParagraphView paragraph=p /> }).collect_view().into_any()
            }
        })
        .collect_view()
}

/// One paragraph, shown while it matches the filters, with search hits marked.
#[component]
fn ParagraphView(paragraph: Paragraph, #[prop(optional)] item: bool) -> impl IntoView {
    let ctx = Ctx::get();
    let id = paragraph.id.clone();
    let (text, lang, dir) = shown(&paragraph.text);
    move || {
        ctx.selection.with(|s| s.shows_paragraph(&id)).then(|| {
            let content = view! { <Highlighted text=text.clone() /> };
            let lang = lang.clone();
            if item {
                view! { <li data-paragraph=id.clone() lang=lang dir=dir>{content}</li> }.into_any()
            } else {
                view! { <p data-paragraph=id.clone() lang=lang dir=dir>{content}</p> }.into_any()
            }
        })
    }
}

//! Beside the map: the legend (keys, the figures drawn, the credit line) and
//! the details of the selected place(s), figures with their source sentences.

use std::borrow::Cow;

use leptos::prelude::*;

use super::{mt, place_name, MapCtx};
use crate::geo::symbols::drawn_figures;
use crate::model::{CountryRole, Figure, GeographyKind};
use crate::query::Facet;
use ilo_factsheet_shell::ctx::Ctx;
use ilo_factsheet_shell::i18n::{t, MapText, Text};
use ilo_factsheet_shell::pages::Pages;
use ilo_factsheet_shell::words::{figure_text, local};

/// Shading key, link, circles, the figures drawn, and the credit line.
#[component]
pub(super) fn Legend(m: MapCtx) -> impl IntoView {
    let ctx = Ctx::get();
    let origin_name = ctx.with_data(|d| d.sheet.meta.country_name.clone());
    // How the sheet's country is spoken of: by the role it plays.
    let roles = ctx.with_data(|d| d.sheet.meta.roles());
    let (origin_key, link_key) = if roles.contains(&CountryRole::SouthSouthPartner) {
        (MapText::Origin(&origin_name), Some(MapText::Link(&origin_name)))
    } else if roles.contains(&CountryRole::DevelopmentPartner) {
        (MapText::OriginPartner(&origin_name), Some(MapText::LinkPartner(&origin_name)))
    } else {
        (MapText::OriginHost(&origin_name), None)
    };
    let (origin_text, link_text) = (mt(origin_key).into_owned(), link_key.map(|k| mt(k).into_owned()));
    let unnamed = Memo::new(move |_| m.map_reach.with(|r| r.places.iter().any(|p| p.unnamed_only())));
    // The figures with a circle (from `geo::symbols`), in words.
    let drawn = Memo::new(move |_| {
        let Some(world) = m.world() else {
            return (Vec::new(), false);
        };
        m.map_reach.with(|r| {
            ctx.with_data(|d| {
                let (figures, unmapped) = drawn_figures(&d.sheet, r, &world);
                (figures.into_iter().map(|f| figure_text(&d.sheet, f)).collect::<Vec<String>>(), unmapped)
            })
        })
    });
    // A long list of figures a page at a time; a filter change starts it afresh.
    let pages = Pages::new();
    let more_label = move |add: usize, hidden: usize| t(Text::ShowMore(add, hidden));
    let attribution = move || m.world().map(|w| format!("{} {}", w.attribution, mt(MapText::Projection)));
    view! {
        <div class="map-legend">
            <h3>{mt(MapText::Legend)}</h3>
            <ul class="legend-keys">
                <li><span class="swatch level-1" aria-hidden="true"></span>{mt(MapText::Projects(1))}</li>
                <li><span class="swatch level-2" aria-hidden="true"></span>{mt(MapText::Projects(2))}</li>
                <li><span class="swatch level-3" aria-hidden="true"></span>{mt(MapText::ProjectsOrMore(3))}</li>
                {move || unnamed.get().then(|| view! {
                    <li><span class="swatch unnamed" aria-hidden="true"></span>{mt(MapText::Unnamed)}</li>
                })}
                <li><span class="swatch origin" aria-hidden="true"></span>{origin_text}</li>
                {link_text.map(|text| view! { <li><span class="swatch link" aria-hidden="true"></span>{text}</li> })}
                <li><span class="swatch circle" aria-hidden="true"></span>{mt(MapText::Circles)}</li>
            </ul>
            {move || {
                let (all, unmapped) = drawn.get();
                let (n, add) = pages.window(&all);
                let more = (add > 0).then(|| {
                    let label = more_label(add, all.len() - n);
                    let list = all.clone();
                    view! {
                        <button type="button" class="show-more" on:click=move |_| pages.more(&list)>
                            {label}
                        </button>
                    }
                });
                view! {
                    {(!all.is_empty()).then(|| view! {
                        <p class="legend-figures-title">{mt(MapText::FiguresShown)}</p>
                        <ul class="legend-figures">
                            {all[..n].iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view()}
                        </ul>
                        {more}
                    })}
                    {unmapped.then(|| view! { <p class="legend-note">{mt(MapText::Unmapped)}</p> })}
                }
            }}
            <p class="map-attribution">{attribution}</p>
        </div>
    }
}

/// The selected place(s): name, matching projects, figures with their qualifiers.
#[component]
pub(super) fn Details(m: MapCtx) -> impl IntoView {
    let ctx = Ctx::get();
    let panels = move || {
        let selected = ctx.state.with(|s| s.countries.clone());
        let world = m.world();
        selected
            .into_iter()
            .map(|id| {
                let (name, projects, own, groups, is_group) = m.table_reach.with(|r| {
                    ctx.with_data(|d| {
                        let sheet = &d.sheet;
                        let name = place_name(sheet, world.as_deref(), &id);
                        let place = r.get(&id);
                        let projects: Vec<(String, String)> = place
                            .map(|p| {
                                p.projects
                                    .iter()
                                    .filter_map(|&i| sheet.projects.get(i))
                                    .map(|p| (p.id.clone(), local(&p.title)))
                                    .collect()
                            })
                            .unwrap_or_default();
                        let quote_of = |f: &Figure| (figure_text(sheet, f), f.source.quote.clone());
                        let own: Vec<(String, String)> = place
                            .map(|p| p.figures.iter().filter_map(|f| f.get(sheet)).map(quote_of).collect())
                            .unwrap_or_default();
                        let groups: Vec<(String, String)> = r
                            .places
                            .iter()
                            .filter(|g| g.kind == GeographyKind::Group && g.id != id && g.members.contains(&id))
                            .flat_map(|g| g.figures.iter().filter_map(|f| f.get(sheet)).map(quote_of))
                            .collect();
                        let is_group = !sheet.is_country(&id);
                        (name, projects, own, groups, is_group)
                    })
                });
                let figure_list = |items: Vec<(String, String)>| {
                    view! {
                        <ul class="details-figures">
                            {items.into_iter().map(|(text, quote)| view! {
                                <li><span class="figure-text">{text}</span><blockquote class="details-quote">{quote}</blockquote></li>
                            }).collect_view()}
                        </ul>
                    }
                };
                let title = format!("{name}{}", if is_group { mt(MapText::GroupSuffix) } else { Cow::Borrowed("") });
                view! {
                    <div class="map-details" data-details=id.clone()>
                        <h3 class="details-title">{mt(MapText::Selected(&title))}</h3>
                        {if projects.is_empty() {
                            view! { <p>{mt(MapText::NoProject(&name))}</p> }.into_any()
                        } else {
                            view! {
                                <p>{mt(MapText::DetailsProjects(projects.len()))}</p>
                                <ul class="details-projects">
                                    {projects.into_iter().map(|(pid, title)| view! { <li data-project-ref=pid>{title}</li> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        {(!own.is_empty()).then(|| view! {
                            <h4>{t(Text::Beneficiaries)}</h4>
                            {figure_list(own)}
                        })}
                        {(!groups.is_empty()).then(|| view! {
                            <h4>{mt(MapText::GroupFigures(&name))}</h4>
                            {figure_list(groups)}
                        })}
                        <button type="button" class="show-all" on:click=move |_| ctx.state.update(|s| *s = s.without(Facet::Country))>
                            {mt(MapText::ShowAll)}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    view! { <div class="map-details-area" aria-live="polite">{panels}</div> }
}

//! The figures given (numbers with units) as a table: the value as written,
//! what it counts, who said it, and a link to the paragraph. Sortable by
//! order of appearance or by value; filterable by unit (values of different
//! units are not compared).

use crate::i18n::use_texts;
use crate::panels::{figures_of, BlockLink};
use crate::state::Reader;
use leptos::prelude::*;
use shilu_core::Figure;

/// How the table is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FigureSort {
    #[default]
    Order,
    /// Largest first, grouped by unit.
    ValueDesc,
    ValueAsc,
}

/// The units used, in order of first appearance.
pub fn units(figures: &[Figure]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in figures {
        if !out.contains(&f.unit) {
            out.push(f.unit.clone());
        }
    }
    out
}

/// Indices of the figures to show, in order: those with `unit` (all when
/// `None`), sorted by `sort`. By value, units stay grouped in order of first
/// appearance, so that 元 and 人 are never compared.
pub fn sorted_figures(figures: &[Figure], unit: Option<&str>, sort: FigureSort) -> Vec<usize> {
    let order = units(figures);
    let rank = |f: &Figure| {
        order
            .iter()
            .position(|u| *u == f.unit)
            .unwrap_or(usize::MAX)
    };
    let mut ids: Vec<usize> = (0..figures.len())
        .filter(|&i| unit.is_none_or(|u| figures[i].unit == u))
        .collect();
    match sort {
        FigureSort::Order => {}
        // Total orders (ties end on the index): unstable sorts are exact here.
        FigureSort::ValueDesc => ids.sort_unstable_by(|&a, &b| {
            let (fa, fb) = (&figures[a], &figures[b]);
            rank(fa)
                .cmp(&rank(fb))
                .then(fb.value.total_cmp(&fa.value))
                .then(a.cmp(&b))
        }),
        FigureSort::ValueAsc => ids.sort_unstable_by(|&a, &b| {
            let (fa, fb) = (&figures[a], &figures[b]);
            rank(fa)
                .cmp(&rank(fb))
                .then(fa.value.total_cmp(&fb.value))
                .then(a.cmp(&b))
        }),
    }
    ids
}

#[component]
pub fn FiguresTable() -> impl IntoView {
    let reader = expect_context::<Reader>();
    let t = use_texts();
    let figures = Memo::new(move |_| reader.doc.with(|d| figures_of(d)));
    let sort = RwSignal::new(FigureSort::Order);
    let unit = RwSignal::new(None::<String>);
    let shown = Memo::new(move |_| {
        figures.with(|f| unit.with(|u| sorted_figures(f, u.as_deref(), sort.get())))
    });
    let cycle_value_sort = move |_| {
        sort.update(|s| {
            *s = match s {
                FigureSort::ValueDesc => FigureSort::ValueAsc,
                _ => FigureSort::ValueDesc,
            }
        })
    };
    let aria_sort = move |col: FigureSort| match (col, sort.get()) {
        (FigureSort::Order, FigureSort::Order) => "ascending",
        (FigureSort::ValueDesc, FigureSort::ValueDesc) => "descending",
        (FigureSort::ValueDesc, FigureSort::ValueAsc) => "ascending",
        _ => "none",
    };
    let on_unit = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        unit.set((!v.is_empty()).then_some(v));
    };
    let rows = move || {
        let t = t();
        figures.with(|figs| {
            shown.with(|ids| {
                ids.iter()
                    .map(|&i| {
                        let f = &figs[i];
                        let text = f.text.clone();
                        let see = format!("（{}）", t.see_in_transcript);
                        view! {
                            <tr>
                                <td class="figures__n">{i + 1}</td>
                                <td class="figures__value">
                                    <BlockLink block=f.block.clone()>
                                        {text}
                                        <span class="visually-hidden">{see}</span>
                                    </BlockLink>
                                </td>
                                <td class="figures__label">{f.label.clone()}</td>
                                <td class="figures__speaker">{f.speaker.clone().unwrap_or_default()}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="insights__section figures" aria-labelledby="figures-title">
            <h3 class="insights__title" id="figures-title">{move || t().figures_heading}</h3>
            <div class="figures__controls">
                <label class="figures__unit">
                    {move || t().unit}" "
                    <select on:change=on_unit>
                        <option value="" prop:selected=move || unit.with(Option::is_none)>{move || t().all_units}</option>
                        {move || figures.with(|f| units(f).into_iter().map(|u| {
                            let label = u.clone();
                            let mine = u.clone();
                            view! { <option value=u prop:selected=move || unit.with(|x| x.as_deref() == Some(mine.as_str()))>{label}</option> }
                        }).collect_view())}
                    </select>
                </label>
                <span class="figures__count" aria-live="polite">{move || (t().figures_count)(shown.with(Vec::len))}</span>
            </div>
            <table class="figures__table">
                <thead>
                    <tr>
                        <th scope="col" class="figures__n" aria-sort=move || aria_sort(FigureSort::Order)>
                            <button type="button" class="figures__sort" on:click=move |_| sort.set(FigureSort::Order)>
                                "#"<span class="visually-hidden">{move || t().sort_by_order}</span>
                            </button>
                        </th>
                        <th scope="col" aria-sort=move || aria_sort(FigureSort::ValueDesc)>
                            <button type="button" class="figures__sort" on:click=cycle_value_sort>
                                {move || t().figure_value}
                                <span class="figures__arrow" aria-hidden="true">{move || match sort.get() {
                                    FigureSort::ValueDesc => "↓",
                                    FigureSort::ValueAsc => "↑",
                                    FigureSort::Order => "↕",
                                }}</span>
                            </button>
                        </th>
                        <th scope="col">{move || t().figure_label}</th>
                        <th scope="col">{move || t().figure_speaker}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(text: &str, value: f64, unit: &str) -> Figure {
        Figure {
            id: String::new(),
            text: text.into(),
            value,
            unit: unit.into(),
            label: String::new(),
            speaker: None,
            block: String::new(),
        }
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn by_value_keeps_units_apart() {
        let figs = [
            fig("57万", 570_000.0, "人"),
            fig("15亿", 1.5e9, "元"),
            fig("144.2万", 1_442_000.0, "人"),
            fig("1000元", 1000.0, "元"),
        ];
        assert_eq!(
            sorted_figures(&figs, None, FigureSort::Order),
            vec![0, 1, 2, 3]
        );
        assert_eq!(
            sorted_figures(&figs, None, FigureSort::ValueDesc),
            vec![2, 0, 1, 3]
        );
        assert_eq!(
            sorted_figures(&figs, None, FigureSort::ValueAsc),
            vec![0, 2, 3, 1]
        );
        assert_eq!(
            sorted_figures(&figs, Some("元"), FigureSort::ValueDesc),
            vec![1, 3]
        );
        assert_eq!(units(&figs), ["人", "元"]);
    }
}

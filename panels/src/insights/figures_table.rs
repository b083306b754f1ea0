//! The figures given (numbers with units) as a table: the value as written,
//! what it counts, who said it, and a link to the paragraph. Sortable by
//! order of appearance or by value; filterable by unit (values of different
//! units are not compared).
//!
//! Figures that a `repeat` check joins (one thing, one value, said in
//! several places) are one row: the first, with `×n` and links to the
//! others ([`repeat_groups`]).
//!
//! The unit `<select>` and the count (a live region) are Leptos elements,
//! so they persist; the table is HTML ([`figures_table_html`]) whose sort
//! buttons are `data-act="sort"`, with focus put back after a re-render.

use crate::figures_of;
use crate::host::PanelHost;
use crate::texts::{use_panel_texts, PanelTexts};
use leptos::prelude::*;
use shilu_core::{Check, CheckKind, Figure};
use shilu_ui::context::context;
use shilu_ui::html::{act, acts, attr, flag, key, opt, Action, FocusKey, Html, Region};

/// How the table is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FigureSort {
    #[default]
    Order,
    /// Largest first, grouped by unit.
    ValueDesc,
    ValueAsc,
}

/// A click on a sort button: by order of appearance, or by value (again:
/// the other way round).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SortAct {
    Order,
    Value,
}

impl Action for SortAct {
    fn write(&self) -> (&'static str, Option<String>) {
        let by = match self {
            SortAct::Order => "order",
            SortAct::Value => "value",
        };
        ("sort", Some(by.into()))
    }
    fn read(name: &str, arg: Option<&str>) -> Option<SortAct> {
        match (name, arg) {
            ("sort", Some("order")) => Some(SortAct::Order),
            ("sort", Some("value")) => Some(SortAct::Value),
            _ => None,
        }
    }
}

/// A figure's place among the repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Group {
    /// Said once (or not found the same elsewhere).
    Alone,
    /// The first of a repeat: the indices of the others, in order.
    Leads(Vec<usize>),
    /// A later one of a repeat: shown in its first's row.
    Joined,
}

/// For each figure, its group, from the `repeat` checks (a figure of two
/// repeats stays in the first).
pub fn repeat_groups(figures: &[Figure], checks: &[Check]) -> Vec<Group> {
    let index: std::collections::BTreeMap<&str, usize> = figures
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.as_str(), i))
        .collect();
    let mut groups = vec![Group::Alone; figures.len()];
    for c in checks.iter().filter(|c| c.kind == CheckKind::Repeat) {
        let mut ids: Vec<usize> = c
            .figures
            .iter()
            .filter_map(|id| index.get(id.as_str()).copied())
            .filter(|&i| groups[i] == Group::Alone)
            .collect();
        ids.sort_unstable();
        if let [first, rest @ ..] = ids.as_slice() {
            if rest.is_empty() {
                continue;
            }
            for &i in rest {
                groups[i] = Group::Joined;
            }
            groups[*first] = Group::Leads(rest.to_vec());
        }
    }
    groups
}

/// The rows to show of `ids` (as [`sorted_figures`] gives them): all but
/// the figures joined to an earlier one.
pub fn rows(ids: Vec<usize>, groups: &[Group]) -> Vec<usize> {
    ids.into_iter()
        .filter(|&i| groups.get(i) != Some(&Group::Joined))
        .collect()
}

/// The units used, in order of first appearance.
pub fn units(figures: &[Figure]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for f in figures {
        if !out.contains(&f.unit.as_str()) {
            out.push(&f.unit);
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

/// The unit `<option>`s: all units, then each unit used; `unit` is selected.
pub fn unit_options_html(figures: &[Figure], unit: Option<&str>, t: &PanelTexts) -> Html {
    let mut h = Html::new();
    h.el(
        "option",
        &[attr("value", ""), flag("selected", unit.is_none())],
        t.all_units,
    );
    for u in units(figures) {
        h.el(
            "option",
            &[attr("value", u), flag("selected", unit == Some(u))],
            u,
        );
    }
    h
}

/// The table of the figures `ids` (as ordered by [`sorted_figures`]), its
/// header showing the order `sort`.
pub fn figures_table_html(
    figures: &[Figure],
    groups: &[Group],
    ids: &[usize],
    sort: FigureSort,
    t: &PanelTexts,
) -> Html {
    let (by_order, by_value, arrow) = match sort {
        FigureSort::Order => ("ascending", "none", "↕"),
        FigureSort::ValueDesc => ("none", "descending", "↓"),
        FigureSort::ValueAsc => ("none", "ascending", "↑"),
    };
    let see = format!("（{}）", t.see_in_transcript);
    let mut h = Html::new();
    h.open("table", &[attr("class", "figures__table")])
        .open("thead", &[])
        .open("tr", &[])
        .open(
            "th",
            &[
                attr("scope", "col"),
                attr("class", "figures__n"),
                attr("aria-sort", by_order),
            ],
        )
        .open(
            "button",
            &[
                attr("type", "button"),
                attr("class", "figures__sort"),
                attr("id", "figures-sort-order"),
                key("sort-order"),
                act(&SortAct::Order),
            ],
        )
        .text("#")
        .el("span", &[attr("class", "visually-hidden")], t.sort_by_order)
        .close("button")
        .close("th")
        .open("th", &[attr("scope", "col"), attr("aria-sort", by_value)])
        .open(
            "button",
            &[
                attr("type", "button"),
                attr("class", "figures__sort"),
                attr("id", "figures-sort-value"),
                key("sort-value"),
                act(&SortAct::Value),
            ],
        )
        .text(t.figure_value)
        .el(
            "span",
            &[attr("class", "figures__arrow"), attr("aria-hidden", "true")],
            arrow,
        )
        .close("button")
        .close("th")
        .el("th", &[attr("scope", "col")], t.figure_label)
        .el("th", &[attr("scope", "col")], t.figure_speaker)
        .close("tr")
        .close("thead")
        .open("tbody", &[]);
    for &i in ids {
        let f = &figures[i];
        let others: &[usize] = match groups.get(i) {
            Some(Group::Leads(o)) => o,
            _ => &[],
        };
        let href = format!("#{}", f.block);
        let class = (!others.is_empty()).then_some("is-repeated");
        h.open("tr", &[opt("class", class)])
            .el("td", &[attr("class", "figures__n")], &(i + 1).to_string())
            .open("td", &[attr("class", "figures__value")])
            .open(
                "a",
                &[
                    attr("class", "block-link"),
                    attr("href", &href),
                    attr("data-go", &f.block),
                ],
            )
            .text(&f.text)
            .el("span", &[attr("class", "visually-hidden")], &see)
            .close("a");
        let mut speakers: Vec<&str> = Vec::new();
        for j in std::iter::once(i).chain(others.iter().copied()) {
            if let Some(s) = figures[j].speaker.as_deref() {
                if !speakers.contains(&s) {
                    speakers.push(s);
                }
            }
        }
        if !others.is_empty() {
            let n = others.len() + 1;
            h.open("span", &[attr("class", "figures__times")])
                .el("span", &[attr("aria-hidden", "true")], &format!("×{n}"))
                .el("span", &[attr("class", "visually-hidden")], &(t.times)(n))
                .close("span")
                .open("span", &[attr("class", "figures__also")])
                .text(t.also_at);
            for &j in others {
                h.text(" ")
                    .block_link(&figures[j].block, "", &format!("#{}", j + 1));
            }
            h.close("span");
        }
        h.close("td")
            .el("td", &[attr("class", "figures__label")], &f.label)
            .open("td", &[attr("class", "figures__speaker")]);
        // Each name whole: a line breaks between names, not inside one.
        for (k, s) in speakers.iter().enumerate() {
            if k > 0 {
                h.el("span", &[attr("class", "figures__sep")], "、");
            }
            h.el("span", &[attr("class", "figures__who")], s);
        }
        h.close("td").close("tr");
    }
    h.close("tbody").close("table");
    h
}

#[component]
pub fn FiguresTable() -> impl IntoView {
    let host = context::<PanelHost>();
    let t = use_panel_texts();
    let figures = Memo::new(move |_| host.doc.with(|d| figures_of(d)));
    let groups =
        Memo::new(move |_| figures.with(|f| host.doc.with(|d| repeat_groups(f, &d.checks))));
    let sort = RwSignal::new(FigureSort::Order);
    let unit = RwSignal::new(None::<String>);
    let table = Memo::new(move |_| {
        let t = t();
        figures.with(|f| {
            groups.with(|g| {
                unit.with(|u| {
                    let sort = sort.get();
                    let ids = rows(sorted_figures(f, u.as_deref(), sort), g);
                    figures_table_html(f, g, &ids, sort, t)
                })
            })
        })
    });
    let count = move || {
        let n = figures
            .with(|f| unit.with(|u| sorted_figures(f, u.as_deref(), FigureSort::Order).len()));
        (t().figures_count)(n)
    };
    // The selected unit is read untracked: the select already shows a choice
    // the reader made; the options change with the document and language.
    let options = move || {
        let t = t();
        figures.with(|f| unit.with_untracked(|u| unit_options_html(f, u.as_deref(), t)))
    };
    let on_unit = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        unit.set((!v.is_empty()).then_some(v));
    };
    // The table is rebuilt: focus goes to the new button that was clicked.
    let focus = FocusKey::new();
    let on_act = acts(move |by: SortAct| {
        let key = match by {
            SortAct::Order => {
                sort.set(FigureSort::Order);
                "sort-order"
            }
            SortAct::Value => {
                sort.update(|s| {
                    *s = match s {
                        FigureSort::ValueDesc => FigureSort::ValueAsc,
                        _ => FigureSort::ValueDesc,
                    }
                });
                "sort-value"
            }
        };
        focus.request(key.into());
    });
    view! {
        <section class="insights__section figures" aria-labelledby="figures-title">
            <h3 class="insights__title" id="figures-title">{move || t().figures_heading}</h3>
            <div class="figures__controls">
                <label class="figures__unit">
                    {move || t().unit}" "
                    <select on:change=on_unit inner_html=move || options().into_string()></select>
                </label>
                <span class="figures__count" aria-live="polite">{count}</span>
            </div>
            <Region html=table on_act=on_act focus=focus/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::PANEL_ZH;
    use expect_test::expect;

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

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
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

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_unit_options_select_the_unit_shown() {
        let figs = [fig("57万", 570_000.0, "人"), fig("15亿", 1.5e9, "元")];
        assert_eq!(
            unit_options_html(&figs, None, &PANEL_ZH),
            "<option value=\"\" selected=\"\">全部单位</option>\
             <option value=\"人\">人</option><option value=\"元\">元</option>"
        );
        assert_eq!(
            unit_options_html(&figs, Some("元"), &PANEL_ZH),
            "<option value=\"\">全部单位</option>\
             <option value=\"人\">人</option><option value=\"元\" selected=\"\">元</option>"
        );
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn the_table_marks_the_sorted_column_and_links_each_value() {
        let mut figs = vec![fig("57万", 570_000.0, "人"), fig("1000元", 1000.0, "元")];
        figs[1].block = "t4-b2".into();
        figs[1].label = "补助".into();
        figs[1].speaker = Some("刘志杰".into());
        let h = figures_table_html(&figs, &[], &[1], FigureSort::ValueDesc, &PANEL_ZH);
        assert!(h.contains("<th scope=\"col\" class=\"figures__n\" aria-sort=\"none\"><button type=\"button\" class=\"figures__sort\" id=\"figures-sort-order\" data-key=\"sort-order\" data-act=\"sort\" data-arg=\"order\">#<span class=\"visually-hidden\">按出现顺序排列</span></button></th>"), "{h}");
        assert!(h.contains("<th scope=\"col\" aria-sort=\"descending\"><button type=\"button\" class=\"figures__sort\" id=\"figures-sort-value\" data-key=\"sort-value\" data-act=\"sort\" data-arg=\"value\">数值<span class=\"figures__arrow\" aria-hidden=\"true\">↓</span></button></th><th scope=\"col\">指标</th><th scope=\"col\">发言人</th>"), "{h}");
        assert!(h.contains("<tbody><tr><td class=\"figures__n\">2</td><td class=\"figures__value\"><a class=\"block-link\" href=\"#t4-b2\" data-go=\"t4-b2\">1000元<span class=\"visually-hidden\">（查看原文）</span></a></td><td class=\"figures__label\">补助</td><td class=\"figures__speaker\"><span class=\"figures__who\">刘志杰</span></td></tr></tbody></table>"), "{h}");
        let order = figures_table_html(&figs, &[], &[0, 1], FigureSort::Order, &PANEL_ZH);
        assert!(order.contains("class=\"figures__n\" aria-sort=\"ascending\""));
        assert!(order.contains("aria-sort=\"none\"><button type=\"button\" class=\"figures__sort\" id=\"figures-sort-value\""));
        assert!(order.contains(">↕</span>"));
    }

    #[wasm_bindgen_test::wasm_bindgen_test(unsupported = test)]
    fn a_repeated_figure_is_one_row_linking_every_place() {
        let doc = shilu_core::analysed(crate::SEED, None);
        let figs = &doc.figures;
        let groups = repeat_groups(figs, &doc.checks);
        // 深度贫困县 10个, said 12 times (c7): one row, n5 first.
        let c7 = doc.checks.iter().find(|c| c.id == "c7").unwrap();
        assert_eq!(c7.figures.len(), 12);
        let first = figs.iter().position(|f| f.id == "n5").unwrap();
        let Group::Leads(others) = &groups[first] else {
            panic!("n5 leads its repeat: {:?}", groups[first]);
        };
        assert_eq!(others.len(), 11);
        assert!(others.iter().all(|&j| groups[j] == Group::Joined));
        let all = sorted_figures(figs, None, FigureSort::Order);
        let shown = rows(all.clone(), &groups);
        let joined = groups.iter().filter(|g| **g == Group::Joined).count();
        assert_eq!(shown.len(), all.len() - joined);
        assert!(!shown.contains(&others[0]));
        let h = figures_table_html(figs, &groups, &shown, FigureSort::Order, &PANEL_ZH);
        let row = &h[h
            .find("<tr class=\"is-repeated\"><td class=\"figures__n\">5</td>")
            .unwrap()..];
        let row = &row[..row.find("</tr>").unwrap() + 5];
        // The first place, then the eleven others, each a link to its paragraph.
        assert_eq!(row.matches("data-go=").count(), 12);
        assert!(
            row.contains("<td class=\"figures__speaker\"><span class=\"figures__who\">刘志杰</span><span class=\"figures__sep\">、</span><span class=\"figures__who\">高耀东</span><span class=\"figures__sep\">、</span><span class=\"figures__who\">张建成</span></td>"),
            "{row}"
        );
        expect![[r##"<tr class="is-repeated"><td class="figures__n">5</td><td class="figures__value"><a class="block-link" href="#t2-b6" data-go="t2-b6">10个<span class="visually-hidden">（查看原文）</span></a><span class="figures__times"><span aria-hidden="true">×12</span><span class="visually-hidden">（共 12 次）</span></span><span class="figures__also">又见 <a class="block-link" href="#t2-b9" data-go="t2-b9">#44</a> <a class="block-link" href="#t2-b10" data-go="t2-b10">#55</a> <a class="block-link" href="#t2-b14" data-go="t2-b14">#96</a> <a class="block-link" href="#t2-b14" data-go="t2-b14">#103</a> <a class="block-link" href="#t2-b15" data-go="t2-b15">#108</a> <a class="block-link" href="#t2-b15" data-go="t2-b15">#116</a> <a class="block-link" href="#t9-b2" data-go="t9-b2">#140</a> <a class="block-link" href="#t9-b2" data-go="t9-b2">#143</a> <a class="block-link" href="#t9-b2" data-go="t9-b2">#147</a> <a class="block-link" href="#t9-b2" data-go="t9-b2">#148</a> <a class="block-link" href="#t11-b1" data-go="t11-b1">#155</a></span></td><td class="figures__label">深度贫困县</td><td class="figures__speaker"><span class="figures__who">刘志杰</span><span class="figures__sep">、</span><span class="figures__who">高耀东</span><span class="figures__sep">、</span><span class="figures__who">张建成</span></td></tr>"##]].assert_eq(row);
        // The repeats counted in the checks section are the rows that lead.
        let leading = groups
            .iter()
            .filter(|g| matches!(g, Group::Leads(_)))
            .count();
        assert_eq!(leading, 19);
    }
}

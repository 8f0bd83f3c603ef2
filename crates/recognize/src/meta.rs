//! Document metadata: entity, year, kind (决算/预算) and title, from the cover,
//! the part headings and the tables' unit lines.
use std::sync::OnceLock;

use fiscal_layout::blocks::{Block, PageBlocks};
use fiscal_layout::lines::{join_wrapped, TextLine};

use crate::entity::printed_entity;
use crate::model::{AnyTable, DocumentKind, DocumentMeta, MoneyUnit, Scope, Variant};
use crate::pattern::Regex;
use crate::settings::RecognizeSettings;
use crate::text::compact;
use crate::title::kind::kind_of_title;

/// A cover line naming the entity: "预算主管部门：…", "预算单位：…", "部门名称：…".
fn cover_entity_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:预算主管部门|预算单位|部门名称|单位名称)[：:](\S+)$").unwrap()
    })
}

/// "2026年度福州市科学技术局(本级)单位预算": the name after the year.
fn name_after_year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:19|20)\d{2}年度?(\S{4,}?)(?:部门|单位)(?:综合)?(?:预算|决算)").unwrap()
    })
}

/// The variant a title names: the first of 部门综合预算, 单位预算/决算 and
/// 部门预算/决算 in `text` (a unit's budget may list a "部门预算经济分类" table
/// later on).
pub fn variant_of(text: &str) -> Option<Variant> {
    [
        ("部门综合预算", Variant::DepartmentComprehensive),
        ("单位预算", Variant::Unit),
        ("单位决算", Variant::Unit),
        ("部门预算", Variant::Department),
        ("部门决算", Variant::Department),
    ]
    .into_iter()
    .filter_map(|(word, v)| text.find(word).map(|i| (i, v)))
    .min_by_key(|(i, _)| *i)
    .map(|(_, v)| v)
}

/// The scope mark a title prints: （汇总） or （本级）.
pub fn scope_of(text: &str) -> Option<Scope> {
    if text.contains("(本级)") || text.contains("（本级）") {
        Some(Scope::OwnLevel)
    } else if text.contains("(汇总)") || text.contains("（汇总）") {
        Some(Scope::Consolidated)
    } else {
        None
    }
}

/// An entity without its scope mark ("深圳市公安局（本级）" → "深圳市公安局").
fn without_scope(entity: &str) -> String {
    ["(本级)", "（本级）", "(汇总)", "（汇总）"]
        .iter()
        .fold(entity.to_string(), |e, m| e.replace(m, ""))
}

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"((?:19|20)\d{2})\s*年度?").unwrap())
}

/// The most common value, first seen winning ties.
fn most_common<'a>(items: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for i in items {
        match counts.iter_mut().find(|(k, _)| *k == i) {
            Some(c) => c.1 += 1,
            None => counts.push((i, 1)),
        }
    }
    counts
        .into_iter()
        .rev()
        .max_by_key(|c| c.1)
        .map(|c| c.0.to_string())
}

/// A line that titles a table, not the document ("收支预算总表" heading the
/// first page of a document printed without a cover).
fn is_table_title(text: &str) -> bool {
    kind_of_title(text).is_some()
}

/// A cover's date line ("二〇二六年三月", "2026年3月"): printed in the title's
/// type under it, but no part of it.
fn is_date_line(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:[〇○零一二三四五六七八九]{4}|\d{4})年(?:[一二三四五六七八九十]{1,2}|\d{1,2})月(?:[一二三四五六七八九十]{1,3}|\d{1,2})?日?$")
            .unwrap()
    })
    .is_match(text)
}

/// Whether text can be a document's title: no sentence (a page cut from the
/// body has its largest type in a paragraph), no numbered heading
/// ("（二）部门决算单位构成").
fn reads_as_document_title(text: &str, s: &RecognizeSettings) -> bool {
    let t = compact(text);
    t.chars().count() <= s.document_title_chars
        && !t.contains(['。', '，', '；', ';', ',', '：', ':'])
        && crate::numbering::numbering_level(&t).is_none()
}

/// File-name extensions: a document-information title ending in one is the
/// name of the file it was made from, not a title ("…部门决算表.pdf", "….xls").
const FILE_EXTENSIONS: &[&str] = &[
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".ofd", ".txt",
];

/// The document information's title when it can stand for the printed one:
/// not a file name, and holding words (a Chinese character), not a code or a
/// dump of hex digits.
fn usable_info_title(title: &str) -> Option<&str> {
    let lower = title.trim().to_lowercase();
    let file_name = FILE_EXTENSIONS.iter().any(|e| lower.ends_with(e));
    let words = title
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    (!file_name && words).then_some(title)
}

/// A title of a document that is no department's disclosure: it ends with
/// one of `ends` (a bracketed qualifier after it aside) and holds one of
/// `any` when that is not empty. A report naming a 部门/单位 预算 or 决算
/// ("…部门决算报告") is the disclosure itself.
struct NotDisclosure {
    ends: &'static [&'static str],
    any: &'static [&'static str],
    kind: DocumentKind,
}

/// What the documents published beside the disclosures call themselves. By
/// the title's end, so a name inside it (规划和自然资源局) says nothing.
const NOT_DISCLOSURE: &[NotDisclosure] = &[
    NotDisclosure {
        ends: &["报告"],
        any: &["草案", "执行情况", "决算"],
        kind: DocumentKind::GovernmentReport,
    },
    NotDisclosure {
        ends: &["报告", "结果", "表"],
        any: &["绩效评价"],
        kind: DocumentKind::PerformanceEvaluation,
    },
    NotDisclosure {
        ends: &["通报"],
        any: &[],
        kind: DocumentKind::Notice,
    },
    NotDisclosure {
        ends: &["公报"],
        any: &[],
        kind: DocumentKind::Bulletin,
    },
    NotDisclosure {
        ends: &["申请表", "申报表"],
        any: &[],
        kind: DocumentKind::ApplicationForm,
    },
    NotDisclosure {
        ends: &["规划", "规划纲要"],
        any: &[],
        kind: DocumentKind::Plan,
    },
];

/// Words of a disclosure's title.
const DISCLOSURE_WORDS: &[&str] = &[
    "部门预算",
    "部门决算",
    "单位预算",
    "单位决算",
    "部门综合预算",
];

/// The kind of a document that is no disclosure, from its title.
pub fn non_disclosure_kind(title: &str) -> Option<DocumentKind> {
    let t = compact(title);
    let names_disclosure = DISCLOSURE_WORDS.iter().any(|w| t.contains(w));
    let core = match t.strip_suffix(['）', ')']) {
        Some(s) => s.rsplit_once(['（', '(']).map_or(s, |(head, _)| head),
        None => t.as_str(),
    };
    NOT_DISCLOSURE
        .iter()
        .find(|r| {
            r.ends.iter().any(|e| core.ends_with(e))
                && (r.any.is_empty() || r.any.iter().any(|w| core.contains(w)) && !names_disclosure)
        })
        .map(|r| r.kind)
}

/// The cover's title: the first page's lines in its largest type, joined
/// ("上海市普陀区规划和自然" / "资源局" / "2024年度部门决算"). A first page
/// that opens with a table has no cover.
fn cover_title(pages: &[PageBlocks], s: &RecognizeSettings) -> Option<String> {
    let first = pages
        .iter()
        .find(|p| p.blocks.iter().any(|b| matches!(b, Block::Line(_))))?;
    let lines: Vec<&TextLine> = first
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Line(l) => Some(l),
            Block::Grid(_) => None,
        })
        .collect();
    let max = lines.iter().map(|l| l.size()).fold(0.0, f32::max);
    let title = join_wrapped(
        lines
            .iter()
            .filter(|l| l.size() >= s.cover_title_size * max && !is_date_line(&compact(&l.text())))
            .map(|l| l.reading_text())
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    );
    (!title.is_empty() && !is_table_title(&title)).then_some(title)
}

pub fn document_meta(
    pages: &[PageBlocks],
    tables: &[AnyTable],
    pdf_title: Option<&str>,
    s: &RecognizeSettings,
) -> DocumentMeta {
    let tables: Vec<_> = tables.iter().filter_map(AnyTable::as_grid).collect();
    let cover_title = cover_title(pages, s);
    // The lines of the first two pages (the cover) name the document.
    let cover: Vec<String> = pages
        .iter()
        .take(2)
        .flat_map(|p| p.blocks.iter())
        .filter_map(|b| {
            if let Block::Line(l) = b {
                Some(compact(&l.text()))
            } else {
                None
            }
        })
        .collect();
    let cover_text = cover.join("");
    // "上海市普陀区规划和自然资源局2024年度部门决算": the name before the year.
    let name_before_year = |l: &str| -> Option<String> {
        let m = year_re().find(l)?;
        let head = l[..m.start()].trim_end_matches(['（', '(']);
        (head.chars().count() >= s.cover_name_chars
            && (l.contains("决算") || l.contains("预算"))
            && crate::numbering::numbering_level(head).is_none())
        .then(|| printed_entity(head, s))
        .flatten()
    };
    let name_after_year =
        |l: &str| -> Option<String> { printed_entity(&name_after_year_re().captures(l)?[1], s) };
    // Every source gives a name only where it reads as one (never a unit label
    // or a sentence around it).
    let entity = most_common(
        tables
            .iter()
            .filter_map(|t| t.entity.as_deref().and_then(|e| printed_entity(e, s)))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    )
    .or_else(|| {
        cover
            .iter()
            .find_map(|l| printed_entity(cover_entity_re().captures(l)?.get(1)?.as_str(), s))
    })
    .or_else(|| cover_title.as_deref().and_then(name_before_year))
    .or_else(|| cover.iter().find_map(|l| name_before_year(l)))
    .or_else(|| cover_title.as_deref().and_then(name_after_year))
    .map(|e| without_scope(&e));
    let all_text: String = pages
        .iter()
        .take(s.year_pages)
        .flat_map(|p| p.blocks.iter())
        .map(|b| match b {
            Block::Line(l) => compact(&l.text()),
            Block::Grid(g) => g.cells.iter().map(|c| compact(&c.text)).collect(),
        })
        .collect();
    // A file of tables only (no cover) names its year in a table title at most.
    let titles: String = tables.iter().map(|t| t.title.as_str()).collect();
    let year = year_re()
        .captures(&cover_text)
        .or_else(|| year_re().captures(&all_text))
        .or_else(|| year_re().captures(&titles))
        .and_then(|c| c[1].parse().ok());
    let pdf_title = pdf_title.and_then(usable_info_title);
    let kind_source = format!(
        "{}{cover_text}{}",
        cover_title.as_deref().unwrap_or(""),
        pdf_title.unwrap_or("")
    );
    // What the document is, by its title when it is no disclosure.
    let not_disclosure = cover_title
        .as_deref()
        .or_else(|| cover.first().map(String::as_str))
        .and_then(non_disclosure_kind);
    // The first of 决算 / 预算 named wins: a budget's narrative may cite last year's 决算.
    let first_of = |s: &str, a: &str| s.find(a).unwrap_or(usize::MAX);
    let (f, b) = (
        first_of(&kind_source, "决算"),
        first_of(&kind_source, "预算"),
    );
    let kind = if not_disclosure.is_some() {
        not_disclosure
    } else if f < b {
        Some(DocumentKind::FinalAccounts)
    } else if b < f {
        Some(DocumentKind::Budget)
    } else if kind_source.contains("绩效自评") || tables.iter().any(|t| t.title.contains("决算"))
    {
        // 绩效自评 report on the year past (a budget sets 绩效目标).
        Some(DocumentKind::FinalAccounts)
    } else if kind_source.contains("绩效目标") || tables.iter().any(|t| t.title.contains("预算"))
    {
        Some(DocumentKind::Budget)
    } else {
        None
    };
    let title = cover_title
        .filter(|t| t.contains("决算") || t.contains("预算") || not_disclosure.is_some())
        .filter(|t| reads_as_document_title(t, s))
        .or_else(|| {
            cover
                .iter()
                .find(|l| {
                    (l.contains("决算") || l.contains("预算"))
                        && !is_table_title(l)
                        && reads_as_document_title(l, s)
                })
                .cloned()
        })
        .or_else(|| pdf_title.map(str::to_string));
    let money_unit = most_common(
        tables
            .iter()
            .filter_map(|t| t.money_unit.map(MoneyUnit::as_str)),
    )
    .and_then(|u| MoneyUnit::parse(&u));
    let variant = variant_of(&kind_source);
    let scope = scope_of(&kind_source);
    DocumentMeta {
        entity,
        year,
        kind,
        variant,
        scope,
        title,
        money_unit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_and_scope_from_titles() {
        assert_eq!(
            variant_of("上海市2026年市级单位预算预算单位：上海市刑事科学技术研究院目录…基本支出部门预算经济分类预算表"),
            Some(Variant::Unit)
        );
        assert_eq!(
            variant_of("上海市普陀区2024年区级部门预算"),
            Some(Variant::Department)
        );
        assert_eq!(
            variant_of("2019年部门综合预算公开报表"),
            Some(Variant::DepartmentComprehensive)
        );
        assert_eq!(variant_of("收支预算总表"), None);
        assert_eq!(
            scope_of("2026年深圳市公安局（本级）部门预算"),
            Some(Scope::OwnLevel)
        );
        assert_eq!(
            scope_of("西安市卫生健康委员会(汇总)2022年度部门决算"),
            Some(Scope::Consolidated)
        );
        assert_eq!(scope_of("杭州市公安局2026年度部门预算"), None);
    }

    #[test]
    fn date_lines_are_no_part_of_a_title() {
        assert!(is_date_line("二〇二六年三月"));
        assert!(is_date_line("2026年3月"));
        assert!(is_date_line("2026年3月15日"));
        assert!(!is_date_line("国家信访局2026年度部门预算"));
        assert!(!is_date_line("2026年部门预算"));
    }

    #[test]
    fn sentences_and_headings_are_no_document_titles() {
        let title = |t: &str| reads_as_document_title(t, &RecognizeSettings::default());
        assert!(title("国家信访局2026年度部门预算"));
        assert!(!title("值100万元以上的设备9台（套）。2026年预算安排中，购"));
        assert!(!title("（二）部门决算单位构成"));
        assert!(!title("年单位预算编制范围的单位详细情况见下表:"));
    }

    #[test]
    fn file_names_and_codes_are_no_titles() {
        assert_eq!(
            usable_info_title("2024年上海市普陀区财政局部门决算表.pdf"),
            None
        );
        assert_eq!(
            usable_info_title("<BDADCBD5CAA1CEAFB0ECB9ABCCFC32303139C4EAB6C8B2BFC3C5D4A4CBE3B9ABBFAAB1EDB8F12E786C73>"),
            None
        );
        assert_eq!(
            usable_info_title("北京市商务局2026年度部门预算"),
            Some("北京市商务局2026年度部门预算")
        );
    }

    #[test]
    fn document_kind_ids_are_the_serialized_ones() {
        use DocumentKind::*;
        for k in [
            FinalAccounts,
            Budget,
            GovernmentReport,
            Notice,
            Bulletin,
            ApplicationForm,
            Plan,
            PerformanceEvaluation,
        ] {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
            assert_eq!(k.is_disclosure(), matches!(k, FinalAccounts | Budget));
        }
    }

    #[test]
    fn documents_that_are_no_disclosure() {
        use DocumentKind::*;
        let cases: &[(&str, Option<DocumentKind>)] = &[
            ("关于广州市2023年市级决算草案的报告", Some(GovernmentReport)),
            (
                "关于2024年预算执行情况和2025年预算草案的报告",
                Some(GovernmentReport),
            ),
            ("关于2024年度部门预算公开情况的通报", Some(Notice)),
            ("2024年西安市国民经济和社会发展统计公报", Some(Bulletin)),
            ("2025年中央财政衔接资金项目申请表", Some(ApplicationForm)),
            ("西安市“十四五”财政发展规划", Some(Plan)),
            (
                "长沙市公安局交通警察支队2023年度专项资金绩效评价结果",
                Some(PerformanceEvaluation),
            ),
            ("北京市商务局2026年度部门预算信息公开", None),
            ("上海市规划和自然资源局2024年预算", None),
            ("上海市XX局2023年度部门决算报告", None),
            (
                "长沙市公安局交通警察支队2023年度专项资金绩效评价结果(扫描)",
                Some(PerformanceEvaluation),
            ),
            ("上海市普陀区规划和自然资源局2024年度部门决算", None),
            ("2026年深圳市公安局（本级）部门预算", None),
        ];
        for (title, kind) in cases {
            assert_eq!(non_disclosure_kind(title), *kind, "{title}");
        }
    }

    #[test]
    fn entity_after_the_year_and_without_scope() {
        let c = name_after_year_re()
            .captures("2026年度福州市科学技术局(本级)单位预算")
            .unwrap();
        assert_eq!(without_scope(&c[1]), "福州市科学技术局");
        assert_eq!(
            &cover_entity_re()
                .captures("部门名称：西安市安全生产监督管理局")
                .unwrap()[1],
            "西安市安全生产监督管理局"
        );
    }
}

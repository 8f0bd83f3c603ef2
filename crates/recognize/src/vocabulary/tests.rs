use super::*;

fn terms(s: &str) -> Vec<Term> {
    read_segment(s).terms.into_iter().map(|(t, _)| t).collect()
}

#[test]
fn printed_variants_read_as_one_term() {
    for s in [
        "因公出国（境）费",
        "因公出国(境)费",
        "因公出国（境）费用",
        "因公出国（境）经费",
    ] {
        assert_eq!(terms(s), [Term::OverseasTravel], "{s}");
    }
    assert_eq!(terms("公务用车购置及运行维护费"), [Term::Vehicles]);
    assert_eq!(terms("日常公用支出"), [Term::PublicFunds]);
    assert_eq!(terms("上年结余、结转"), [Term::CarriedOver]);
}

#[test]
fn compound_headers_read_word_by_word() {
    assert_eq!(
        terms("一般公共预算拨款安排的“三公”经费预算"),
        [Term::GeneralBudget, Term::ThreePublic, Term::Budget]
    );
    assert_eq!(
        terms("政府性基金预算拨款收入"),
        [Term::GovernmentFund, Term::Income]
    );
    assert_eq!(terms("本年收入合计"), [Term::Income, Term::Total]);
    assert_eq!(
        terms("三公经费预（决）算数（财政拨款）"),
        [Term::ThreePublic, Term::FiscalAppropriation]
    );
    // 上年结转 is one word, not 上年 + 结转.
    let seg = read_segment("上年结转");
    assert_eq!(seg.period, None);
    assert_eq!(terms("上年结转"), [Term::CarriedOver]);
}

#[test]
fn years_and_period_words_date_a_segment() {
    let seg = read_segment("2026年预算数");
    assert_eq!(
        (seg.year, terms("2026年预算数")),
        (Some(2026), vec![Term::Budget])
    );
    assert_eq!(read_segment("上年").period, Some(Period::PriorYear));
    assert_eq!(read_segment("增减变化情况").period, Some(Period::Change));
    let cmp = read_segment("2026年预算数比2025年执行数（扣除中央基建投资）");
    assert_eq!(cmp.period, Some(Period::Change));
    assert_eq!(cmp.qualifier.as_deref(), Some("扣除中央基建投资"));
    // 本年 qualifies the flow after it.
    assert_eq!(read_segment("本年收入").terms, [(Term::Income, true)]);
    assert_eq!(read_segment("收入").terms, [(Term::Income, false)]);
}

#[test]
fn unknown_words_keep_their_text_and_parts_are_marked() {
    let seg = read_segment(
        "2026年预算数/扣除中央基建投资后预算数"
            .split('/')
            .nth(1)
            .unwrap(),
    );
    assert_eq!(seg.unknown.as_deref(), Some("扣除中央基建投资后预算数"));
    let seg = read_segment("其中：基本支出");
    assert!(seg.part_of);
    assert_eq!(terms("其中：基本支出"), [Term::Basic]);
    assert!(read_segment("其中：").part_of);
    // A 栏次 number is no word.
    assert_eq!(read_segment("13"), Segment::default());
}

#[test]
fn every_printed_variant_reads_as_its_own_term() {
    for t in Term::ALL {
        for p in t.printed() {
            assert_eq!(terms(p), [*t], "{p}");
        }
    }
}

#[test]
fn term_words() {
    assert!(is_term_word("合计"));
    assert!(is_term_word("金额"));
    assert!(is_term_word("因公出国(境)费"));
    assert!(is_term_word("本年收入合计"));
    assert!(!is_term_word("2026年预算数"));
    assert!(!is_term_word("当年预算"));
    assert!(!is_term_word("项目"));
}

//! The entity as printed: a department's or unit's name read from a cover
//! line, a unit line or a title is kept only when it reads as a name — never
//! with the unit label glued to it ("广州市生态环境局单位：万元"), never a piece
//! of a sentence ("收入19,828.57万元比"), never with the title's own words
//! after it ("北京市医疗保障局部门").
use crate::settings::RecognizeSettings;
use crate::text::compact;

/// Labels that start another field of the same line: what follows is not the
/// name ("部门名称：广州市生态环境局　单位：万元" read without its gap).
const FIELD_LABELS: &[&str] = &["金额单位", "单位：", "单位:", "单位(", "单位（"];

/// Words of a title that follow the name: "北京市医疗保障局部门预算" cut before
/// the year leaves "部门".
const TITLE_WORDS_AFTER_NAME: &[&str] = &["部门", "单位"];

/// Characters no name contains: sentence punctuation and figures.
fn is_foreign(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '。' | '，' | '；' | ';' | '：' | ':' | '%' | '％')
}

/// The name in `raw` as printed, or `None` when it does not read as one (its
/// length outside `s.entity_chars`).
pub fn printed_entity(raw: &str, s: &RecognizeSettings) -> Option<String> {
    let mut name = compact(raw);
    // A second field on the same line ends the name; the label at the very
    // start is "单位：" of "单位：XX局" itself, cut by the unit-line reader.
    if let Some(at) = FIELD_LABELS
        .iter()
        .filter_map(|l| name.find(l))
        .filter(|&at| at > 0)
        .min()
    {
        name.truncate(at);
    }
    for word in TITLE_WORDS_AFTER_NAME {
        if let Some(head) = name.strip_suffix(word) {
            name = head.to_string();
        }
    }
    let n = name.chars().count();
    (s.entity_chars.contains(&n) && !name.chars().any(is_foreign)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(raw: &str) -> Option<String> {
        printed_entity(raw, &RecognizeSettings::default())
    }

    #[test]
    fn names_as_printed() {
        assert_eq!(
            printed("广州市生态环境局单位：万元").as_deref(),
            Some("广州市生态环境局")
        );
        assert_eq!(
            printed("北京市医疗保障局部门").as_deref(),
            Some("北京市医疗保障局")
        );
        assert_eq!(
            printed("中共西安市委宣传部").as_deref(),
            Some("中共西安市委宣传部")
        );
        assert_eq!(
            printed("深圳市公安局（本级）").as_deref(),
            Some("深圳市公安局（本级）")
        );
        // 统战部, 宣传部 end in 部, not in the title's 部门.
        assert_eq!(printed("中共中央统战部").as_deref(), Some("中共中央统战部"));
    }

    #[test]
    fn sentences_and_figures_are_no_names() {
        assert_eq!(printed("收入19,828.57万元比"), None);
        assert_eq!(
            printed("省级以上技术创新示范企业2户。（六）推进“两化”深度融合"),
            None
        );
        assert_eq!(printed("局"), None);
        assert_eq!(printed(&"很长的名字".repeat(10)), None);
    }
}

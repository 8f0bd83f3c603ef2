//! Text normalization. Fonts in the wild map ideographs to Kangxi radicals
//! (U+2F00–U+2FDF), CJK radicals supplement (U+2E80–U+2EFF) or compatibility
//! ideographs (U+F900–U+FAFF): ⾏ U+2F8F for 行, ⽀ for 支. NFKC maps them to the
//! unified ideographs a reader sees; full-width ASCII becomes ASCII.
use unicode_normalization::UnicodeNormalization;

/// Maps one character; `None` when it stays as it is.
pub fn map_char(c: char) -> Option<char> {
    let u = c as u32;
    match u {
        // Kangxi radicals and CJK radicals supplement: NFKC gives the unified ideograph.
        0x2E80..=0x2FDF | 0xF900..=0xFAFF => {
            let mut it = std::iter::once(c).nfkc();
            match (it.next(), it.next()) {
                (Some(m), None) if m != c => Some(shared_glyph_variant(m).unwrap_or(m)),
                _ => radical_supplement(u),
            }
        }
        // Full-width digits and letters (amounts, codes).
        0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => char::from_u32(u - 0xFEE0),
        0x3000 => Some(' '),
        0x6236 => shared_glyph_variant(c),
        0x00A0 => Some(' '),
        _ => None,
    }
}

/// The CJK Radicals Supplement has no compatibility decompositions; each
/// radical maps to the ideograph it is drawn from (⻋ C-SIMPLIFIED CART → 车).
fn radical_supplement(u: u32) -> Option<char> {
    let m = match u {
        0x2E81 => '厂',
        0x2E8C => '小',
        0x2E8D => '小',
        0x2E8E => '兀',
        0x2E8F => '尢',
        0x2E90 => '尢',
        0x2E92 => '巳',
        0x2E93 => '幺',
        0x2E94 => '彐',
        0x2E95 => '彐',
        0x2E96 => '心',
        0x2E97 => '心',
        0x2E98 => '手',
        0x2E99 => '攴',
        0x2E9B => '旡',
        0x2E9D => '月',
        0x2E9E => '歹',
        0x2E9F => '母',
        0x2EA0 => '民',
        0x2EA1 => '水',
        0x2EA2 => '水',
        0x2EA3 => '火',
        0x2EA4 => '爪',
        0x2EA5 => '爪',
        0x2EA6 => '丬',
        0x2EA7 => '牛',
        0x2EA8 => '犬',
        0x2EA9 => '王',
        0x2EAA => '疋',
        0x2EAB => '目',
        0x2EAC => '示',
        0x2EAD => '示',
        0x2EAE => '竹',
        0x2EAF => '糸',
        0x2EB0 => '纟',
        0x2EB1 => '网',
        0x2EB2 => '网',
        0x2EB3 => '网',
        0x2EB4 => '网',
        0x2EB5 => '网',
        0x2EB6 => '羊',
        0x2EB7 => '羊',
        0x2EB8 => '羊',
        0x2EB9 => '老',
        0x2EBA => '聿',
        0x2EBB => '聿',
        0x2EBC => '肉',
        0x2EBD => '臼',
        0x2EBE => '艹',
        0x2EBF => '艹',
        0x2EC0 => '艹',
        0x2EC1 => '虎',
        0x2EC2 => '衣',
        0x2EC3 => '覀',
        0x2EC4 => '西',
        0x2EC5 => '见',
        0x2EC6 => '角',
        0x2EC7 => '角',
        0x2EC8 => '讠',
        0x2EC9 => '贝',
        0x2ECA => '足',
        0x2ECB => '车',
        0x2ECC => '辶',
        0x2ECD => '辶',
        0x2ECE => '辶',
        0x2ECF => '阝',
        0x2ED0 => '钅',
        0x2ED1 => '長',
        0x2ED2 => '長',
        0x2ED3 => '长',
        0x2ED4 => '门',
        0x2ED6 => '阝',
        0x2ED7 => '雨',
        0x2ED8 => '青',
        0x2ED9 => '韦',
        0x2EDA => '页',
        0x2EDB => '风',
        0x2EDC => '飞',
        0x2EDD => '食',
        0x2EDE => '食',
        0x2EDF => '食',
        0x2EE0 => '饣',
        0x2EE1 => '首',
        0x2EE2 => '马',
        0x2EE3 => '骨',
        0x2EE4 => '鬼',
        0x2EE5 => '鱼',
        0x2EE6 => '鸟',
        0x2EE7 => '卤',
        0x2EE8 => '麦',
        0x2EE9 => '黄',
        0x2EEA => '黾',
        0x2EEB => '斉',
        0x2EEC => '齐',
        0x2EED => '歯',
        0x2EEE => '齿',
        0x2EEF => '竜',
        0x2EF0 => '龙',
        0x2EF1 => '龜',
        0x2EF2 => '亀',
        0x2EF3 => '龟',
        _ => return None,
    };
    Some(m)
}

/// Unified ideographs that CJK fonts shared between Japanese, traditional and
/// simplified forms map to the non-simplified code point (the glyph is the one
/// a simplified-Chinese reader sees): 戶 U+6236 for 户.
fn shared_glyph_variant(c: char) -> Option<char> {
    match c {
        '戶' => Some('户'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A whole string through the per-character mappings, then NFC.
    fn normalize_text(s: &str) -> String {
        s.chars()
            .map(|c| map_char(c).unwrap_or(c))
            .collect::<String>()
            .nfc()
            .collect()
    }

    #[test]
    fn kangxi_radicals_become_ideographs() {
        assert_eq!(normalize_text("⾏政⽀出⽼"), "行政支出老");
        assert_eq!(
            normalize_text("公务用⻋运行，部⻔，⻘苗，棚戶区"),
            "公务用车运行，部门，青苗，棚户区"
        );
        // A compatibility ideograph whose NFKC form is a shared-glyph variant.
        assert_eq!(normalize_text("\u{F9D0}"), "\u{985E}");
        assert_eq!(map_char('\u{FA26}'), Some('\u{90FD}'));
    }

    #[test]
    fn full_width_digits_become_ascii() {
        assert_eq!(normalize_text("１２３４ＡＢ"), "1234AB");
        // Chinese punctuation stays: only amounts parse "，" and "．" as separators.
        assert_eq!(normalize_text("１，２"), "1，2");
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        assert_eq!(
            normalize_text("一般公共服务支出（201）"),
            "一般公共服务支出（201）"
        );
    }
}

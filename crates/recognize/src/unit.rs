//! Money units as printed (单位：万元) with their scale, so figures stated in
//! one unit can be compared with figures printed in another.
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The unit a table's figures (or a document's) are printed in. Serialized as
/// printed: `"元"`, `"千元"`, `"万元"`, `"亿元"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MoneyUnit {
    /// 元.
    #[serde(rename = "元")]
    Yuan,
    /// 千元 (thousand yuan).
    #[serde(rename = "千元")]
    ThousandYuan,
    /// 万元 (ten thousand yuan), the usual unit of 决算 and 预算 tables.
    #[serde(rename = "万元")]
    TenThousandYuan,
    /// 亿元 (a hundred million yuan).
    #[serde(rename = "亿元")]
    HundredMillionYuan,
}

impl MoneyUnit {
    /// Every unit, smallest first.
    pub const ALL: [MoneyUnit; 4] = [
        MoneyUnit::Yuan,
        MoneyUnit::ThousandYuan,
        MoneyUnit::TenThousandYuan,
        MoneyUnit::HundredMillionYuan,
    ];

    /// The unit as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::ThousandYuan => "千元",
            MoneyUnit::TenThousandYuan => "万元",
            MoneyUnit::HundredMillionYuan => "亿元",
        }
    }

    /// How many 元 one unit is.
    pub fn scale(self) -> Decimal {
        match self {
            MoneyUnit::Yuan => Decimal::ONE,
            MoneyUnit::ThousandYuan => Decimal::from(1_000),
            MoneyUnit::TenThousandYuan => Decimal::from(10_000),
            MoneyUnit::HundredMillionYuan => Decimal::from(100_000_000),
        }
    }

    /// `v` in this unit expressed in `to`.
    pub fn convert(self, v: Decimal, to: MoneyUnit) -> Decimal {
        if self == to {
            v
        } else {
            v * self.scale() / to.scale()
        }
    }

    /// The unit a compact text names exactly ("万元"), also in brackets ("（万元）").
    pub fn parse(text: &str) -> Option<MoneyUnit> {
        let t = text
            .trim()
            .trim_start_matches(['（', '('])
            .trim_end_matches(['）', ')']);
        MoneyUnit::ALL.into_iter().find(|u| u.as_str() == t)
    }
}

impl std::fmt::Display for MoneyUnit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_converts() {
        assert_eq!(MoneyUnit::parse("万元"), Some(MoneyUnit::TenThousandYuan));
        assert_eq!(MoneyUnit::parse("（千元）"), Some(MoneyUnit::ThousandYuan));
        assert_eq!(MoneyUnit::parse("元"), Some(MoneyUnit::Yuan));
        assert_eq!(MoneyUnit::parse("美元"), None);
        let v = Decimal::new(123_456, 0); // 123456 元
        assert_eq!(
            MoneyUnit::Yuan.convert(v, MoneyUnit::TenThousandYuan),
            Decimal::new(123_456, 4)
        );
        assert_eq!(
            MoneyUnit::ThousandYuan.convert(Decimal::new(15, 1), MoneyUnit::TenThousandYuan),
            Decimal::new(15, 2)
        );
        assert_eq!(
            serde_json::to_string(&MoneyUnit::TenThousandYuan).unwrap(),
            "\"万元\""
        );
    }
}

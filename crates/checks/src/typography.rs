//! Slips of the pen in the narrative: doubled punctuation ("。。", "，，") —
//! `doubled_punctuation` — and a word written twice ("主要用于用于", "的的")
//! — `repeated_word`.
use crate::check::Check;
use crate::context::Context;
use crate::passages::quote;
use crate::rule::Rule;

/// Punctuation that is never doubled on purpose ("……" and "——" are).
const SINGLE_MARKS: &[char] = &['。', '，', '、', '；', '：', '！', '？'];

/// Characters that are never written twice in a row on purpose.
const SINGLE_WORDS: &[char] = &[
    '的', '了', '和', '与', '及', '是', '在', '对', '将', '把', '被', '从', '按', '并', '或', '于',
];

/// Words of two to four characters that may stand twice ("研究研究").
const REDUPLICATED: &[&str] = &["研究", "讨论", "学习", "一个"];

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Byte ranges of doubled punctuation.
fn doubled_marks(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    chars
        .windows(2)
        .filter(|w| w[0].1 == w[1].1 && SINGLE_MARKS.contains(&w[0].1))
        .map(|w| (w[0].0, w[1].0 + w[1].1.len_utf8()))
        .collect()
}

/// Byte ranges of a word written twice in a row.
fn repeated_words(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut hit = None;
        for n in (1..=4).rev() {
            if i + 2 * n > chars.len() {
                continue;
            }
            let a = &chars[i..i + n];
            let b = &chars[i + n..i + 2 * n];
            if !a.iter().all(|c| is_han(c.1)) || a.iter().zip(b).any(|(x, y)| x.1 != y.1) {
                continue;
            }
            let word = &text[a[0].0..end_of(i + n)];
            let ok = if n == 1 {
                !SINGLE_WORDS.contains(&a[0].1)
            } else {
                REDUPLICATED.contains(&word)
                    // "AAAA": a single character run is not a repeated word.
                    || a.iter().all(|c| c.1 == a[0].1)
            };
            if !ok {
                hit = Some(n);
                break;
            }
        }
        match hit {
            Some(n) => {
                found.push((chars[i].0, end_of(i + 2 * n)));
                i += 2 * n;
            }
            None => i += 1,
        }
    }
    found
}

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    for (rule, find) in [
        (
            Rule::DoubledPunctuation,
            doubled_marks as fn(&str) -> Vec<(usize, usize)>,
        ),
        (Rule::RepeatedWord, repeated_words),
    ] {
        let before = out.len();
        for p in &ctx.passages {
            for (a, b) in find(&p.text) {
                out.push(Check::verdict(rule, false, quote(&p.text, a, b)).on_pages(p.pages));
            }
        }
        if out.len() == before {
            out.push(Check::verdict(
                rule,
                true,
                format!("none in {} passages", ctx.passages.len()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubled_marks_but_not_ellipses() {
        assert_eq!(doubled_marks("合计。。其中，，").len(), 2);
        assert!(doubled_marks("包括……等——").is_empty());
    }

    #[test]
    fn repeated_words_but_not_reduplications() {
        let t = "主要用于用于科技局";
        let r = repeated_words(t);
        assert_eq!(r.len(), 1);
        assert_eq!(&t[r[0].0..r[0].1], "用于用于");
        assert_eq!(repeated_words("主管的的卫生").len(), 1);
        assert_eq!(repeated_words("补贴项目项目绩效").len(), 1);
        assert!(repeated_words("研究研究，人人有责，常常").is_empty());
        assert!(repeated_words("1111万元").is_empty());
    }
}

use super::table::{FontTable, KEEP_UNUSED_FONT_PAGES};
use super::*;
use crate::limits::{Limits, Usage};
use crate::objects::saved_for_test;
use lopdf::{dictionary, Stream};

fn open(bytes: &[u8]) -> ObjectStore<'_> {
    ObjectStore::open(bytes, Usage::new(Limits::default())).unwrap()
}

#[test]
fn w_array_reads_both_forms() {
    let w = vec![
        Object::Integer(1),
        Object::Array(vec![Object::Integer(500), Object::Integer(600)]),
        Object::Integer(10),
        Object::Integer(20),
        Object::Integer(540),
    ];
    let bytes = saved_for_test(Document::new());
    assert_eq!(
        parse_w_array(&open(&bytes), &w),
        vec![(1, 1, 500.0), (2, 2, 600.0), (10, 20, 540.0)]
    );
}

#[test]
fn gbk_euc_h_without_to_unicode_decodes_through_adobe_gb1() {
    let font = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "SimSun",
        "Encoding" => "GBK-EUC-H",
        "DescendantFonts" => vec![Object::Dictionary(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "SimSun",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("GB1"),
                "Supplement" => 2,
            },
            "DW" => 1000,
            "W" => vec![Object::Integer(814), Object::Integer(939), Object::Integer(500)],
        })],
    };
    let bytes = saved_for_test(Document::new());
    let mut f = Font::from_dict(&open(&bytes), &font, &mut SharedParts::default());
    // "行1" in GBK: D0 D0, then ASCII '1'.
    let mut out = String::new();
    let mut adv = Vec::new();
    f.decode(&[0xD0, 0xD0, b'1'], |d| {
        out.push_str(&d.text);
        adv.push(d.advance);
    });
    assert_eq!(out, "行1");
    assert_eq!(adv[0], 1.0);
}

/// Thousands of fonts sharing one ToUnicode stream and one `/W` array, or
/// one inline font dictionary selected by thousands of `Tf`s, cost one
/// decoding each.
#[test]
fn shared_parts_are_decoded_once() {
    let mut doc = Document::new();
    let cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange \
        1 beginbfchar <0001> <4E00> endbfchar";
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.to_vec()));
    let w = doc.add_object(vec![
        Object::Integer(1),
        Object::Integer(9),
        Object::Integer(600),
    ]);
    let font = |doc: &mut Document| {
        let descendant = dictionary! { "Subtype" => "CIDFontType2", "W" => w };
        doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "Encoding" => "Identity-H",
            "ToUnicode" => to_unicode, "DescendantFonts" => vec![descendant.into()],
        })
    };
    let (a, b) = (font(&mut doc), font(&mut doc));
    let inline = Object::Dictionary(dictionary! { "Type" => "Font", "Subtype" => "Type1" });
    let bytes = saved_for_test(doc);
    let store = open(&bytes);
    let mut table = FontTable::default();
    let ia = table.resolve(&store, &Object::Reference(a)).unwrap();
    let ib = table.resolve(&store, &Object::Reference(b)).unwrap();
    assert_ne!(ia, ib);
    let kept = |i: u32| table.fonts[i as usize].as_ref().unwrap();
    let (fa, fb) = (kept(ia), kept(ib));
    assert!(Rc::ptr_eq(
        fa.to_unicode.as_ref().unwrap(),
        fb.to_unicode.as_ref().unwrap()
    ));
    assert!(Rc::ptr_eq(&fa.cid_widths, &fb.cid_widths));
    let mut text = String::new();
    table
        .get_mut(ia)
        .decode(&[0, 1], |d| text.push_str(&d.text));
    assert_eq!(text, "一");
    let first = table.resolve(&store, &inline).unwrap();
    for _ in 0..1000 {
        assert_eq!(table.resolve(&store, &inline), Some(first));
    }
    assert_eq!(table.fonts.len(), 3);
}

/// A font no page uses for a while is let go of, with the parts only it
/// used, and decoded again under its number when a later page uses it; the
/// fonts held count against the limit, not every font ever decoded.
#[test]
fn fonts_unused_for_pages_are_let_go_of_and_keep_their_number() {
    let mut doc = Document::new();
    let w = doc.add_object(vec![
        Object::Integer(1),
        Object::Integer(9),
        Object::Integer(600),
    ]);
    let descendant = dictionary! { "Subtype" => "CIDFontType2", "W" => w };
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
    });
    let other = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1" });
    let bytes = saved_for_test(doc);
    let store = open(&bytes);
    let mut table = FontTable::default();
    let i = table.resolve(&store, &Object::Reference(font)).unwrap();
    assert_eq!(table.shared.widths.len(), 1);
    for _ in 0..KEEP_UNUSED_FONT_PAGES {
        table.end_page(store.usage());
        assert!(
            table.fonts[i as usize].is_some(),
            "kept while recently used"
        );
        table.resolve(&store, &Object::Reference(other)).unwrap();
    }
    table.end_page(store.usage());
    assert!(table.fonts[i as usize].is_none());
    assert!(table.shared.widths.is_empty());
    assert_eq!(table.resolve(&store, &Object::Reference(font)), Some(i));
    let mut advance = 0.0;
    table.get_mut(i).decode(&[0, 1], |d| advance = d.advance);
    assert_eq!(advance, 0.6, "widths decoded again");
    assert_eq!(table.fonts.len(), 2);
}

#!/usr/bin/env python3
"""Write the crafted PDFs the layout tests read, reproducibly:

- testdata/hostile/*.pdf: small files (a few KB each) built to exhaust time or
  memory: every amplification a budget must stop (compression bombs, form
  XObject fan-out, shared fonts, glyph and segment floods, huge arrays in
  object streams), broken cross-references, reference and page-tree loops,
  bad fonts. crates/extract/tests/hostile.rs extracts each under a time and
  memory bound and expects a result or an error, never a panic or abort.
- testdata/variants/*.pdf: one small text page written with each structure a
  reader must handle (classic and stream cross-references, object streams, a
  hybrid file, wrong offsets, no cross-reference at all, encryption with an
  empty user password); crates/reader/tests/variants.rs expects the same text
  from all of them.

usage: tools/make_test_pdfs.py [OUTDIR]   (default: testdata; the encrypted
variants need qpdf). Deterministic: running it again rewrites identical files,
except encrypted-aes-256.pdf, whose key qpdf draws at random.
"""
import os
import subprocess
import sys
import zlib

# --------------------------------------------------------------------------
# A minimal PDF writer.


class Pdf:
    def __init__(self):
        self.objs = {}

    def add(self, body, num=None):
        if num is None:
            num = max(self.objs, default=0) + 1
        self.objs[num] = body if isinstance(body, bytes) else body.encode()
        return num

    def reserve(self):
        return self.add(b"null")

    def write(self, root, xref="table", objstm=(), trailer_extra=b"", shift=0):
        """The file's bytes. xref: "table", "stream", "hybrid", "none";
        objstm: numbers of objects to pack into one object stream; shift:
        bytes by which every xref offset is wrong."""
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        if objstm == "all":  # every object that is no stream
            objstm = [n for n, body in self.objs.items() if b"stream\n" not in body]
        packed = [n for n in sorted(self.objs) if n in set(objstm)]
        for n in sorted(self.objs):
            if n in packed:
                continue
            offsets[n] = len(out)
            out += b"%d 0 obj\n" % n + self.objs[n] + b"\nendobj\n"
        members = {}
        if packed:
            head, body = b"", b""
            for i, n in enumerate(packed):
                head += b"%d %d " % (n, len(body))
                members[n] = i
                body += self.objs[n] + b"\n"
            data = zlib.compress(head + body)
            num = max(self.objs) + 1
            offsets[num] = len(out)
            out += (
                b"%d 0 obj\n<</Type/ObjStm/N %d/First %d/Filter/FlateDecode/Length %d>>stream\n"
                % (num, len(packed), len(head), len(data))
                + data
                + b"\nendstream\nendobj\n"
            )
            container = num
        size = max(list(offsets) + list(members)) + 1
        trailer = b"/Size %d/Root %d 0 R" % (size, root) + trailer_extra

        def rows():
            for n in range(size):
                if n in offsets:
                    yield bytes([1]) + (offsets[n] + shift).to_bytes(4, "big") + bytes(3)
                elif n in members:
                    yield bytes([2]) + container.to_bytes(4, "big") + members[n].to_bytes(3, "big")
                else:
                    yield bytes(8)

        def table(entries):
            t = b"xref\n0 %d\n" % size
            for n in range(size):
                if n in entries:
                    t += b"%010d 00000 n \n" % (entries[n] + shift)
                else:
                    t += b"0000000000 65535 f \n"
            return t

        if xref == "table":
            start = len(out)
            out += table(offsets) + b"trailer\n<<" + trailer + b">>\n"
        elif xref in ("stream", "hybrid"):
            data = zlib.compress(b"".join(rows()))
            xs = size
            at = len(out)
            out += (
                b"%d 0 obj\n<</Type/XRef/W[1 4 3]/Size %d/Root %d 0 R/Filter/FlateDecode/Length %d%s>>stream\n"
                % (xs, xs + 1, root, len(data), trailer_extra)
                + data
                + b"\nendstream\nendobj\n"
            )
            if xref == "stream":
                start = at
            else:
                start = len(out)
                out += table(offsets) + b"trailer\n<<" + trailer + b"/XRefStm %d>>\n" % at
        elif xref == "none":
            return bytes(out) + b"%%EOF\n"
        out += b"startxref\n%d\n%%%%EOF\n" % start
        return bytes(out)


def stream(dict_entries, data, compress=True):
    if isinstance(data, str):
        data = data.encode()
    if compress:
        data = zlib.compress(data, 9)
        dict_entries += b"/Filter/FlateDecode"
    return b"<<%s/Length %d>>stream\n" % (dict_entries, len(data)) + data + b"\nendstream"


HELVETICA = b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Hello, hostile world) Tj ET 50 700 m 300 700 l S"


def one_page(content=TEXT, resources=b"<</Font<</F1 5 0 R>>>>", pdf=None, compress=True):
    """Catalog 1, pages 2, page 3, content 4, Helvetica 5."""
    pdf = pdf or Pdf()
    pdf.add(b"<</Type/Catalog/Pages 2 0 R>>", 1)
    pdf.add(b"<</Type/Pages/Kids[3 0 R]/Count 1>>", 2)
    pdf.add(
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources %s>>"
        % resources,
        3,
    )
    pdf.add(stream(b"", content, compress), 4)
    pdf.add(HELVETICA, 5)
    return pdf


# --------------------------------------------------------------------------
# Structure variants: the same page, written every way.


def variants():
    base = one_page()
    yield "plain", base.write(1)
    yield "xref-stream", one_page().write(1, xref="stream")
    yield "object-streams", one_page().write(1, xref="stream", objstm=[1, 2, 3, 5])
    yield "hybrid", one_page().write(1, xref="hybrid", objstm=[5])
    yield "wrong-offsets", one_page().write(1, shift=7)
    yield "no-xref", one_page().write(1, xref="none")
    # An incremental update replaces the content stream.
    pdf = one_page(content=b"BT /F1 12 Tf 72 720 Td (Old text) Tj ET")
    first = pdf.write(1)
    prev = int(first.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    update = b"4 0 obj\n" + stream(b"", TEXT) + b"\nendobj\n"
    at = len(first)
    xref_at = at + len(update)
    update += b"xref\n4 1\n%010d 00000 n \ntrailer\n<</Size 6/Root 1 0 R/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (
        at,
        prev,
        xref_at,
    )
    yield "incremental-update", first + update


def encrypted_variants(outdir):
    """Empty user password, owner password set: readable by anyone."""
    plain = os.path.join(outdir, "plain.pdf")
    weak = ["--allow-weak-crypto"]
    for name, bits, options, extra in [
        ("rc4-40", "40", weak, []),
        ("rc4-128", "128", weak, ["--use-aes=n"]),
        ("aes-128", "128", [], ["--use-aes=y"]),
        ("aes-256", "256", [], []),
    ]:
        target = os.path.join(outdir, f"encrypted-{name}.pdf")
        # Static ID and IV: the same bytes on every run.
        subprocess.run(
            ["qpdf", "--static-id", "--static-aes-iv", *options, "--encrypt", "", "owner", bits, *extra, "--", plain, target],
            check=True,
        )


# --------------------------------------------------------------------------
# Hostile files.


def bomb(n):
    """`n` bytes of spaces, deflated (about n/1000 bytes)."""
    z = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    out = b""
    for _ in range(n >> 20):
        out += z.compress(chunk)
    return out + z.flush()


def raw_stream(dict_entries, deflated):
    return b"<<%s/Filter/FlateDecode/Length %d>>stream\n" % (dict_entries, len(deflated)) + deflated + b"\nendstream"


def bomb_stream(n):
    """A stream of `n` spaces deflated twice: a few KB however large `n`."""
    data = zlib.compress(bomb(n), 9)
    return b"<</Filter[/FlateDecode/FlateDecode]/Length %d>>stream\n" % len(data) + data + b"\nendstream"


def hostile():
    h = {}

    # Compression bombs.
    pdf = one_page()
    pdf.add(bomb_stream(1 << 30), 4)
    h["content-bomb-1gb"] = pdf.write(1)

    pdf = Pdf()
    kids = []
    pdf.add(raw_stream(b"", bomb(16 << 20)), 4)
    for i in range(100):
        pdf.add(b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>", 10 + i)
        kids.append(b"%d 0 R" % (10 + i))
    pdf.add(b"<</Type/Catalog/Pages 2 0 R>>", 1)
    pdf.add(b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join(kids), len(kids)), 2)
    h["bomb-on-100-pages"] = pdf.write(1, xref="stream", objstm="all")

    pdf = one_page()
    pdf.add(b"<</Type/Font/Subtype/Type0/BaseFont/X/Encoding/Identity-H/ToUnicode 6 0 R/DescendantFonts[<</Subtype/CIDFontType2/BaseFont/X>>]>>", 5)
    pdf.add(bomb_stream(1 << 30), 6)
    h["tounicode-bomb"] = pdf.write(1)

    # A stream through many filters, and an LZW, ASCII85 and predictor bombs.
    pdf = one_page()
    data = TEXT
    for _ in range(60):
        data = zlib.compress(data)
    pdf.add(b"<</Filter[%s]/Length %d>>stream\n" % (b"/FlateDecode " * 60, len(data)) + data + b"\nendstream", 4)
    h["sixty-filters"] = pdf.write(1)

    pdf = one_page()
    pdf.add(stream(b"/DecodeParms<</Predictor 12/Columns 100000000>>", b"\x02" + b"\0" * 1000), 4)
    h["predictor-huge-columns"] = pdf.write(1)

    pdf = one_page()
    a85 = zlib.compress(b"z" * 20_000_000 + b"~>", 9)
    pdf.add(b"<</Filter[/FlateDecode/ASCII85Decode]/Length %d>>stream\n" % len(a85) + a85 + b"\nendstream", 4)
    h["ascii85-zeros"] = pdf.write(1)

    # Cross-reference damage.
    pdf = one_page()
    data = pdf.write(1)
    start = data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0]
    h["xref-prev-loop"] = data.replace(b"trailer\n<<", b"trailer\n<</Prev " + start + b" ")
    h["xref-offsets-garbage"] = one_page().write(1, shift=100_000)
    h["no-xref-no-catalog-type"] = one_page().write(1, xref="none").replace(b"/Type/Catalog", b"/Tipe/Catalog")
    data = one_page().write(1, xref="stream")
    h["xref-stream-huge-index"] = data.replace(b"/W[1 4 3]", b"/W[0 0 0]/Index[0 4000000000]")
    data = one_page().write(1, xref="stream")
    h["xref-stream-bad-widths"] = data.replace(b"/W[1 4 3]", b"/W[9 99 -1]")
    pdf = one_page()
    chain = pdf.write(1)
    for _ in range(200):  # sections that all point back at one another
        prev = int(chain.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
        at = len(chain)
        chain += b"xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 6/Root 1 0 R/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (prev, at)
    h["xref-long-prev-chain"] = chain

    # Loops.
    pdf = one_page(resources=b"7 0 R")
    pdf.add(b"8 0 R", 7)
    pdf.add(b"7 0 R", 8)
    h["reference-loop"] = pdf.write(1)

    pdf = one_page()
    pdf.add(b"<</Type/Pages/Kids[3 0 R 2 0 R 6 0 R]/Count 3>>", 2)
    pdf.add(b"<</Type/Pages/Kids[2 0 R 6 0 R]/Parent 2 0 R/Count 1>>", 6)
    h["page-tree-loop"] = pdf.write(1)

    pdf = one_page()
    pdf.add(b"<</Type/Pages/Kids[%s]/Count 1000000>>" % (b"3 0 R " * 200_000), 2)
    h["page-tree-one-page-200k-times"] = pdf.write(1, xref="stream", objstm="all")

    pdf = one_page()
    pdf.add(b"<</Length 4 0 R>>stream\n" + TEXT + b"\nendstream", 4)
    h["length-refers-to-itself"] = pdf.write(1)

    pdf = one_page()
    pdf.add(b"<</Type/Page/Parent 6 0 R/Contents 4 0 R/Resources<<>>>>", 3)
    pdf.add(b"<</Parent 6 0 R>>", 6)  # inherited lookups climb a parent loop
    h["parent-loop"] = pdf.write(1)

    # Form XObject fan-out: each level draws the next ten times.
    pdf = one_page(content=b"/X0 Do", resources=b"<</XObject<</X0 10 0 R>>/Font<</F1 5 0 R>>>>")
    for level in range(8):
        body = (b"/X%d Do " % (level + 1)) * 10 if level < 7 else b"BT /F1 1 Tf (ab) Tj ET 0 0 1 1 re S"
        pdf.add(
            stream(
                b"/Type/XObject/Subtype/Form/BBox[0 0 1 1]/Resources<</XObject<</X%d %d 0 R>>/Font<</F1 5 0 R>>>>"
                % (level + 1, 11 + level),
                body,
            ),
            10 + level,
        )
    h["form-fanout-ten-to-the-eight"] = pdf.write(1)

    # One form drawn by 3000 pages.
    pdf = Pdf()
    pdf.add(HELVETICA, 5)
    pdf.add(stream(b"/Type/XObject/Subtype/Form/BBox[0 0 600 800]/Resources<</Font<</F1 5 0 R>>>>", b"BT /F1 9 Tf 10 10 Td (0123456789) Tj ET\n" * 4000), 6)
    kids = []
    for i in range(3000):
        pdf.add(b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</XObject<</X 6 0 R>>>>>>", 10 + i)
        kids.append(b"%d 0 R" % (10 + i))
    pdf.add(stream(b"", b"/X Do"), 4)
    pdf.add(b"<</Type/Catalog/Pages 2 0 R>>", 1)
    pdf.add(b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join(kids), len(kids)), 2)
    h["form-on-3000-pages"] = pdf.write(1, xref="stream", objstm="all")

    # The same content stream listed a million times in /Contents.
    pdf = one_page()
    pdf.add(b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents[%s]/Resources<</Font<</F1 5 0 R>>>>>>" % (b"4 0 R " * 300_000), 3)
    h["contents-array-300k"] = pdf.write(1, xref="stream", objstm="all")

    # Fonts: 3000 fonts sharing one big ToUnicode and one big /W array, each
    # selected once; one inline font selected 300k times; 11k distinct inline fonts.
    pdf = Pdf()
    cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
    for block in range(0, 1000, 100):
        n = 100
        cmap += b"%d beginbfchar\n" % n
        cmap += b"".join(b"<%04X> <%04X>\n" % (c, 0x4E00 + c % 0x5000) for c in range(block, block + n))
        cmap += b"endbfchar\n"
    pdf.add(stream(b"", cmap), 6)
    pdf.add(b"[" + b" ".join(b"%d [%s]" % (c, b"500 " * 8) for c in range(0, 40000, 8)) + b"]", 7)
    fonts, content = [], b"BT "
    for i in range(3000):
        pdf.add(b"<</Type/Font/Subtype/Type0/BaseFont/F/Encoding/Identity-H/ToUnicode 6 0 R/DescendantFonts[<</Subtype/CIDFontType2/BaseFont/F/W 7 0 R>>]>>", 100 + i)
        fonts.append(b"/F%d %d 0 R" % (i, 100 + i))
        content += b"/F%d 9 Tf <0001> Tj " % i
    one_page(content=content + b"ET", resources=b"<</Font<<%s>>>>" % b"".join(fonts), pdf=pdf)
    h["fonts-sharing-tounicode-and-w"] = pdf.write(1, xref="stream", objstm="all")

    inline = b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"
    h["inline-font-300k-tf"] = one_page(
        content=b"BT " + b"/F1 9 Tf " * 300_000 + b"(x) Tj ET", resources=b"<</Font<</F1 %s>>>>" % inline
    ).write(1)

    fonts, content = [], b"BT "
    for i in range(11000):
        fonts.append(b"/F%d<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>" % i)
        content += b"/F%d 9 Tf ( ) Tj " % i
    pdf = one_page(content=content + b"ET", resources=b"<</Font<<%s>>>>" % b"".join(fonts))
    h["fonts-11k-distinct"] = pdf.write(1, xref="stream", objstm="all")

    # Bad fonts.
    pdf = one_page()
    pdf.add(b"<</Type/Font/Subtype/Type0/BaseFont/X/Encoding/Identity-H/ToUnicode 6 0 R/DescendantFonts[<</Subtype/CIDFontType2/W[0 4294967295 500 -5 [1 2 3] 7 (x) 9]/DW -1e30>>]>>", 5)
    pdf.add(stream(b"", b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\n1 beginbfchar <41> <D800DC00DFFF> endbfchar"), 6)
    h["font-huge-ranges"] = pdf.write(1)

    pdf = one_page()
    pdf.add(b"<</Type/Font/Subtype/Type0/BaseFont/X/Encoding 6 0 R/DescendantFonts 7 0 R>>", 5)
    pdf.add(stream(b"/Type/CMap", bytes(range(256)) * 40), 6)
    pdf.add(b"[7 0 R]", 7)
    h["font-garbage-cmap-and-loop"] = pdf.write(1)

    pdf = one_page()
    pdf.add(b"<</Type/Font/Subtype/Type3/FontMatrix[1e38 0 0 1e38 0 0]/FirstChar 0/LastChar 255/Widths[%s]/Encoding<</Differences[0 %s]>>/CharProcs<</a 6 0 R>>>>" % (b"1e30 " * 256, b"/a " * 300), 5)
    pdf.add(stream(b"", b"/Q Do " * 1000), 6)
    h["type3-extreme-matrix"] = pdf.write(1)

    # Floods inside one content stream.
    h["glyph-flood"] = one_page(content=b"BT /F1 1 Tf " + b"(" + b"W" * 200_000 + b") Tj " * 20 + b"ET").write(1)
    h["segment-flood"] = one_page(content=b"0 0 1 1 re S " * 600_000).write(1)
    h["path-flood-unpainted"] = one_page(content=b"0 0 m " + b"1 1 l " * 3_000_000).write(1)
    h["operand-flood"] = one_page(content=b"1 " * 8_000_000 + b"Tj").write(1)
    h["tj-array-flood"] = one_page(content=b"BT /F1 1 Tf [" + b"(a) 1 " * 3_000_000 + b"] TJ ET").write(1)
    h["nested-arrays-content"] = one_page(content=b"[" * 5_000_000 + b" TJ").write(1)
    h["q-flood"] = one_page(content=b"q 1 0 0 1 1 1 cm " * 1_000_000 + TEXT).write(1)
    h["inline-image-no-id"] = one_page(content=b"BI /W 1 /H 1 " + b"/K 1 " * 2_000_000).write(1)
    h["inline-image-huge-size"] = one_page(content=b"BI /W 4294967295 /H 4294967295 /BPC 8 /CS /RGB ID \nEI " + TEXT).write(1)
    h["huge-numbers"] = one_page(content=b"BT /F1 " + b"9" * 3_000_000 + b" Tf 1e400 -." + b"5" * 1_000_000 + b" Td (x) Tj ET").write(1)
    h["unterminated-string"] = one_page(content=b"BT /F1 9 Tf (" + b"\\(" * 3_000_000).write(1)

    # Objects built to be huge when parsed.
    pdf = one_page(resources=b"<</Font<</F1 5 0 R>>/ColorSpace 6 0 R/XObject 7 0 R>>")
    pdf.add(b"[" + b"0 " * 4_000_000 + b"]", 6)
    pdf.add(b"<<" + b"/K 1 " * 2_000_000 + b">>", 7)
    h["huge-array-and-dict-in-object-stream"] = pdf.write(1, xref="stream", objstm=[6, 7])
    pdf = one_page(resources=b"6 0 R")
    pdf.add(b"[" * 2_000_000 + b"]" * 2_000_000, 6)
    h["nested-arrays-object"] = pdf.write(1, xref="stream", objstm=[6])
    pdf = one_page(resources=b"6 0 R")
    pdf.add(b"<</A " * 1_000_000 + b">>" * 1_000_000, 6)
    h["nested-dicts-object"] = pdf.write(1, xref="stream", objstm=[6])
    # Unterminated nesting ending in an unterminated string (found by fuzzing:
    # each level re-read the rest after its child failed, exponential time).
    pdf = one_page(resources=b"6 0 R")
    pdf.add(b"[" * 100_000 + b"(x", 6)
    h["nested-arrays-unterminated"] = pdf.write(1, xref="stream", objstm=[6])
    pdf = one_page()
    pdf.add(b"<</Type/Font/Subtype/Type0/BaseFont/X/Encoding/Identity-H/DescendantFonts[<</Subtype/CIDFontType2/W 6 0 R>>]>>", 5)
    pdf.add(b"[0 [" + b"1 " * 5_000_000 + b"]]", 6)
    h["w-array-5m-in-object-stream"] = pdf.write(1, xref="stream", objstm=[6])

    # An object stream that holds itself, and one whose header lies.
    data = one_page().write(1, xref="stream", objstm=[2, 3, 5])
    h["object-stream-bad-header"] = data.replace(b"/N 3/First", b"/N 999999999/First")
    pdf = one_page()
    h["object-stream-first-out-of-range"] = pdf.write(1, xref="stream", objstm=[2, 3, 5]).replace(b"/First ", b"/First 9999999")

    # A structure tree nobody needs: never parsed, so cheap however big.
    pdf = one_page()
    pdf.add(b"<</Type/Catalog/Pages 2 0 R/StructTreeRoot 6 0 R>>", 1)
    pdf.add(b"<</Type/StructTreeRoot/K[" + b"<</S/P/K 0>> " * 500_000 + b"]>>", 6)
    h["huge-structure-tree"] = pdf.write(1, xref="stream", objstm=[6])

    # Encryption with an unknown security handler, and a truncated stream.
    h["encrypted-unknown-handler"] = one_page().write(1, trailer_extra=b"/Encrypt<</Filter/Nope/V 9>>/ID[<00><00>]")
    data = one_page().write(1)
    cut = data.index(b"endstream")
    h["truncated-mid-stream"] = data[:cut] + b"\n%%EOF\n"
    return h


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else "testdata"
    hostile_dir = os.path.join(outdir, "hostile")
    variant_dir = os.path.join(outdir, "variants")
    for d in (hostile_dir, variant_dir):
        os.makedirs(d, exist_ok=True)
    for name, data in variants():
        with open(os.path.join(variant_dir, name + ".pdf"), "wb") as f:
            f.write(data)
    encrypted_variants(variant_dir)
    for name, data in hostile().items():
        with open(os.path.join(hostile_dir, name + ".pdf"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()

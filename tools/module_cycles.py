#!/usr/bin/env python3
"""Import circles between the modules of each crate.

usage: tools/module_cycles.py [CRATE_DIR...]   (default: crates/*)

A module depends on another when its code (tests left out: `tests.rs`,
`tests/` folders and a `#[cfg(test)] mod …` block at a file's end)
names a path into it: `crate::a::b::…`, `super::…`, `self::…`, or a child
module by its bare name (`child::f`, `use child::X`). A path is charged to
the deepest module it names, so `use crate::check::Check` depends on
`check`, while `crate::Check` (a re-export at the root) depends on the root.
Prints every strongly connected set of more than one module and exits 1 if
there is any.
"""
import re
import sys
from pathlib import Path


def module_of(src: Path, f: Path) -> tuple:
    parts = list(f.relative_to(src).with_suffix("").parts)
    if parts[-1] in ("lib", "main", "mod"):
        parts.pop()
    return tuple(parts)


def is_test_file(src: Path, f: Path) -> bool:
    rel = f.relative_to(src).parts
    return "tests" in rel[:-1] or rel[-1] == "tests.rs"


def code_of(text: str) -> str:
    """The file's code without comments, strings and its test module."""
    cut = re.search(r"#\[cfg\([^\]]*\btest\b[^\]]*\)\]\s*mod \w+\s*\{", text)
    if cut:
        text = text[: cut.start()]
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r'r#*"(?:.|\n)*?"#*', '""', text)
    text = re.sub(r'"(?:\\.|[^"\\])*"', '""', text)
    return text


def expand(path: str) -> list:
    """`a::{b, c::{d, e}}` → [`a::b`, `a::c::d`, `a::c::e`]."""
    path = re.sub(r"\s+", "", path)
    m = re.search(r"\{", path)
    if not m:
        return [path]
    head = path[: m.start()]
    depth, items, start = 0, [], m.start() + 1
    for i in range(m.start(), len(path)):
        c = path[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                items.append(path[start:i])
                break
        elif c == "," and depth == 1:
            items.append(path[start:i])
            start = i + 1
    out = []
    for item in items:
        if item:
            out += [head + p for p in expand(item)]
    return out


PATH = r"(?:crate|super|self|[a-z_][a-z0-9_]*)(?:::(?:\{[^;]*?\}|[A-Za-z_][A-Za-z0-9_]*|\*))+"


def references(code: str) -> list:
    paths = []
    for m in re.finditer(r"\buse\s+([^;]+);", code):
        paths += expand(m.group(1))
    rest = re.sub(r"\buse\s+[^;]+;", "", code)
    for m in re.finditer(r"(?<![A-Za-z0-9_:])(" + PATH + ")", rest):
        paths += expand(m.group(1))
    return [re.sub(r"\s+as\s+\w+$", "", p) for p in paths]


def resolve(me: tuple, path: str, modules: set):
    parts = [p for p in path.split("::") if p]
    if not parts:
        return None
    if parts[0] == "crate":
        base, parts = (), parts[1:]
    elif parts[0] in ("super", "self"):
        base = me
        while parts and parts[0] in ("super", "self"):
            if parts[0] == "super":
                base = base[:-1]
            parts = parts[1:]
    elif me + (parts[0],) in modules:
        base = me
    else:
        return None  # another crate or an item in scope
    target = base
    for p in parts:
        if target + (p,) in modules:
            target = target + (p,)
        else:
            break
    return target


def cycles(graph: dict) -> list:
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(comp)

    sys.setrecursionlimit(10000)
    for v in list(graph):
        if v not in index:
            visit(v)
    return out


def name(m: tuple) -> str:
    return "::".join(m) or "(root)"


def main() -> int:
    crates = [Path(a) for a in sys.argv[1:]] or sorted(Path("crates").glob("*"))
    found = 0
    for crate in crates:
        src = crate / "src"
        files = [f for f in src.rglob("*.rs") if not is_test_file(src, f)]
        modules = {module_of(src, f) for f in files}
        graph = {}
        for f in files:
            me = module_of(src, f)
            for p in references(code_of(f.read_text())):
                t = resolve(me, p, modules)
                if t is not None and t != me:
                    # A module naming its own ancestors' children through
                    # them is still a dependency on that child, not the ancestor.
                    graph.setdefault(me, set()).add(t)
        for comp in cycles(graph):
            found += 1
            print(f"{crate.name}: circle between {', '.join(sorted(map(name, comp)))}")
            for a in sorted(comp):
                for b in sorted(graph.get(a, ())):
                    if b in comp:
                        print(f"    {name(a)} -> {name(b)}")
    if not found:
        print(f"no import circle in {len(crates)} crates")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

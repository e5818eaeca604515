"""Render one planned document to text and record every citation planted in it.

A :class:`Renderer` writes a document as a list of paragraphs. Each time it
mentions another document it calls :meth:`Renderer.mention`, which both
returns the words ("Chỉ thị số 09/CT-UBND ngày 15/3/2025 của UBND tỉnh") and
appends the ground-truth record (key, type, stated date and issuer, relation,
target ``gid``, surface form). The text and the truth are produced by the same
call, so they cannot drift apart.

Only forms the parser is specified to read are planted (see :data:`FORMS`),
so the generated corpus checks that those forms are read; it is not a
measure of the parser's accuracy on real text.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from legalgraph.synth.ocr import degrade_key
from legalgraph.synth.plan import Citables, DocPlan
from legalgraph.synth.vocab import (
    FILLER,
    RECIPIENTS,
    SIGNERS,
    SUBJECT_OPENERS,
    TYPE_TITLES,
    UNITS,
)

#: Surface forms a mention can take; each truth record names its form so a
#: benchmark can report recall per form.
FORMS: dict[str, str] = {
    "full": "Type số KEY ngày d/m/yyyy của ISSUER về SUBJECT",
    "dated": "Type số KEY ngày … (with or without issuer)",
    "undated": "Type số KEY của ISSUER",
    "bare": "Type số KEY",
    "no_so": "Type KEY … (no 'số')",
    "so_colon": "Type số: KEY",
    "comma_date": "Type số KEY, ngày … của ISSUER (Party style)",
    "list": "các Types số KEY1, KEY2 và KEY3",
    "repeat": "Type số KEY nêu trên",
    "linebreak": "Type số 58-\\nQĐ/TU",
    "stray_space": "Type số 52/2024/QĐ- UBND",
    "van_ban": "văn bản số 1234/BTC-CST",
    "ke_hoach_hanh_dong": "Kế hoạch hành động số KEY",
    "law_name": "Luật <name> số 72/2025/QH15",
    "nested_inner": "… về triển khai thực hiện Type số KEY (inside another mention)",
    "subject_line": "the document's own subject line: Triển khai thực hiện Type số KEY",
    "footnote": "footnote listing documents",
}

#: Marker for a planted line break inside a key; becomes a real break on output.
BREAK = "\ue000"
#: Placeholder for a key inside a stored subject template.
KEY_SLOT = "\x00"


def long_date(d: dt.date) -> str:
    """"ngày 03 tháng 01 năm 2026": day < 10 and month < 3 are zero-padded (decree 30/2020)."""
    day = f"{d.day:02d}" if d.day < 10 else str(d.day)
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {day} tháng {month} năm {d.year}"


def short_date(d: dt.date, rng: random.Random) -> str:
    """"ngày 22/7/2025" or "ngày 06/05/2025": padding varies as in real text."""
    if rng.random() < 0.5:
        return f"ngày {d.day:02d}/{d.month:02d}/{d.year}"
    return f"ngày {d.day}/{d.month}/{d.year}" if rng.random() < 0.5 else \
        f"ngày {d.day:02d}/{d.month}/{d.year}"


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s else s


class Renderer:
    """Writes one document; collects its paragraphs and its ground truth."""

    def __init__(self, doc: DocPlan, citables: Citables, rng: random.Random, ocr: bool) -> None:
        self.doc = doc
        self.pool = citables
        self.rng = rng
        self.ocr = ocr
        self.paras: list[str] = []
        self.citations: list[dict[str, Any]] = []
        self.relations: list[dict[str, Any]] = []
        self.used: set[str] = {doc.gid}
        self.mentioned: list[DocPlan] = []

    # ------------------------------------------------------------------ mentions

    def issuer_name(self, t: DocPlan) -> str:
        """How the citing document names ``t``'s issuer ("UBND tỉnh", "Bộ Tài chính")."""
        name = self.rng.choice(t.body.cited_as)
        if t.province and t.province != self.doc.province and t.province not in name:
            if t.body.code in {"UBND", "HĐND"} or t.body.code.startswith("S"):
                name = f"{name} {t.province}" if "tỉnh" in name else f"{name} tỉnh {t.province}"
            elif t.body.code == "UBNDTP":
                name = f"{name} {t.capital}"
            elif t.body.code == "TU":
                name = f"Ban Thường vụ Tỉnh ủy {t.province}"
            else:
                name = f"{name} {t.province}"
        return name

    def key_surface(self, t: DocPlan, allow_odd: bool) -> tuple[str, str | None]:
        """The key as written, and the odd form used (line break, stray space) if any."""
        key, form = t.key, None
        r = self.rng.random()
        if allow_odd and t.body.style == "party" and r < 0.12:
            num, rest = key.split("-", 1)
            key, form = f"{num}-{BREAK}{rest}", "linebreak"
        elif allow_odd and t.body.style == "state" and "-" in key and r < 0.06:
            head, tail = key.rsplit("-", 1)
            key, form = f"{head}- {tail}", "stray_space"
        if self.ocr:
            key = degrade_key(key)
        return key, form

    def mention(
        self, t: DocPlan, relation: str, *, dated: float = 0.65, issuer: float = 0.7,
        subject: bool = False, long: bool = False, allow_odd: bool = True,
        form: str | None = None, type_word: str | None = None, so: str | None = None,
    ) -> str:
        """Words that cite ``t``, and its truth record (relation as the context gives it)."""
        rng = self.rng
        key, odd = self.key_surface(t, allow_odd)
        if type_word is None:
            type_word = t.type
            if t.type == "Công văn" and rng.random() < 0.25:
                type_word, form, so = "văn bản", form or "van_ban", "số "
            elif t.type == "Kế hoạch" and rng.random() < 0.1:
                type_word, form = "Kế hoạch hành động", form or "ke_hoach_hanh_dong"
                so = "số "
            elif t.type == "Luật":
                type_word, form = f"Luật {t.topic}", form or "law_name"
        if so is None:
            r = rng.random()
            so = "số " if r < 0.88 or t.type == "Luật" else ("số: " if r < 0.92 else "")
            if so == "" and form is None:
                form = "no_so"
            elif so == "số: " and form is None:
                form = "so_colon"
        words = f"{type_word} {so}{key}"
        date = None
        if t.type != "Luật" and rng.random() < dated or (t.type == "Luật" and rng.random() < 0.3):
            date = t.date.isoformat()
            sep = ", " if t.body.style == "party" and rng.random() < 0.4 else " "
            if sep == ", " and form is None:
                form = "comma_date"
            words += sep + (long_date(t.date) if long or t.type == "Luật" else
                            short_date(t.date, rng))
        stated_issuer = None
        if t.type != "Luật" and rng.random() < issuer:
            stated_issuer = self.issuer_name(t)
            words += f" của {stated_issuer}"
        if form is None:
            form = "dated" if date else ("undated" if stated_issuer else "bare")
        self.citations.append({
            "key": t.key, "type": t.type, "date": date, "issuer": stated_issuer,
            "relation": relation, "target": t.gid, "form": odd or form,
            "surface": key.replace(BREAK, "\n"),
        })
        self.mentioned.append(t)
        if subject and t.type != "Luật":
            words += " về " + self.cited_subject(t)
            if form in {"dated", "undated", "bare"} and date and stated_issuer:
                self.citations[-1 - (1 if t.subject_cite else 0)]["form"] = odd or "full"
        return words

    def cited_subject(self, t: DocPlan) -> str:
        """``t``'s subject as quoted by a citing document; plants the nested citation."""
        sc = t.subject_cite
        if not sc:
            return t.topic
        inner = sc["inner"]
        key = degrade_key(inner.key) if self.ocr else inner.key
        self.citations.append({
            "key": inner.key, "type": inner.type, "date": sc["date"], "issuer": sc["issuer"],
            "relation": "cites", "target": inner.gid, "form": "nested_inner", "surface": key,
        })
        self.relations.append({
            "from": t.key, "to": inner.key, "relation": sc["relation"],
            "from_gid": t.gid, "to_gid": inner.gid,
        })
        return _lower_first(sc["template"].replace(KEY_SLOT, key))

    def mention_list(self, t: DocPlan, relation: str) -> str:
        """"các Nghị định số 01/2025/NĐ-CP, 05/2025/NĐ-CP và 09/2025/NĐ-CP của Chính phủ"."""
        sibs = [s for s in self.pool.siblings(t, self.rng, 2)
                if s.gid not in self.used and s.key not in (t.key, self.doc.key)]
        keys_seen = {t.key}
        group = [t]
        for s in sibs:
            if s.key not in keys_seen:
                group.append(s)
                keys_seen.add(s.key)
        if len(group) == 1:
            return self.mention(t, relation)
        surfaces = []
        for g in group:
            self.used.add(g.gid)
            key = degrade_key(g.key) if self.ocr else g.key
            surfaces.append(key)
            self.citations.append({
                "key": g.key, "type": g.type, "date": None, "issuer": None,
                "relation": relation, "target": g.gid, "form": "list", "surface": key,
            })
            self.mentioned.append(g)
        joined = ", ".join(surfaces[:-1]) + " và " + surfaces[-1]
        words = f"các {t.type} số {joined}"
        if self.rng.random() < 0.6:
            issuer = self.issuer_name(t)
            for c in self.citations[-len(group):]:
                c["issuer"] = issuer
            words += f" của {issuer}"
        return words

    def repeat(self, t: DocPlan) -> str:
        """A short second mention: "Chỉ thị số 09/CT-UBND nêu trên" (relation: cites)."""
        key = degrade_key(t.key) if self.ocr else t.key
        self.citations.append({
            "key": t.key, "type": t.type, "date": None, "issuer": None,
            "relation": "cites", "target": t.gid, "form": "repeat", "surface": key,
        })
        word = f"Luật {t.topic}" if t.type == "Luật" else t.type
        return f"{word} số {key} nêu trên"

    def draw(self, cls: str, local_share: float = 0.55) -> DocPlan | None:
        """A not-yet-cited earlier document of class ``cls``."""
        for _ in range(4):
            t = self.pool.draw(self.rng, cls, self.doc.province, local_share)
            if t is None:
                return None
            if t.gid not in self.used and t.key != self.doc.key:
                self.used.add(t.gid)
                return t
        return None

    # ------------------------------------------------------------------ prose

    def filler(self, k: int) -> str:
        return " ".join(self.rng.sample(FILLER, k))

    def cites_sentence(self) -> str | None:
        """A sentence that merely refers to a document (relation ``cites``)."""
        t = self.draw("any")
        if t is None:
            return None
        rng = self.rng
        unit = rng.choice(UNITS)
        r = rng.random()
        if r < 0.12:
            return f"{unit} chủ trì, phối hợp với các cơ quan liên quan theo dõi việc chấp " \
                   f"hành {self.mention_list(t, 'cites')}."
        m = self.mention(t, "cites", subject=rng.random() < 0.5)
        templates = (
            f"{unit} khẩn trương hoàn thành các nội dung theo đúng {m}.",
            f"Đề nghị {unit} nghiêm túc quán triệt yêu cầu tại {m}.",
            f"Các cơ quan, đơn vị bám sát các nội dung đã nêu trong {m}.",
            f"Theo {m}, {_lower_first(unit)} là cơ quan thường trực.",
            f"{unit} tham mưu tổng hợp báo cáo kết quả theo yêu cầu tại {m}.",
        )
        return rng.choice(templates)

    def implements_sentence(self, t: DocPlan) -> str:
        verb = self.rng.choice(("Thực hiện", "Thực hiện", "Triển khai", "Cụ thể hóa"))
        return f"{verb} {self.mention(t, 'implements', subject=self.rng.random() < 0.6)}"

    # ------------------------------------------------------------------ document

    def header(self) -> list[str]:
        d = self.doc
        body = d.body
        party = body.style == "party"
        right = ("ĐẢNG CỘNG SẢN VIỆT NAM", "") if party else (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
        key = degrade_key(d.key) if self.ocr else d.key
        so = f"Số {key}" if party else f"Số: {key}"
        place_date = f"{d.place}, {long_date(d.date)}"
        lines = [
            f"{body.header[0]:<36}{right[0]}",
            f"{body.header[1]:<36}{right[1]}".rstrip(),
        ]
        if party:
            lines.append("*")
        lines.append(f"{so:<36}{place_date}")
        if d.type == "Công văn":
            lines.append(f"V/v {_lower_first(d.subject)}")
        else:
            lines += [TYPE_TITLES[d.type], d.subject]
        return [ln for ln in lines if ln.strip()]

    def plan_subject(self) -> None:
        """Choose the subject line; documents that implement another name it there."""
        d, rng = self.doc, self.rng
        opener = rng.choice(SUBJECT_OPENERS[d.type])
        impl_types = {"Kế hoạch": 0.85, "Hướng dẫn": 0.8, "Thông tư": 0.5, "Công văn": 0.35,
                      "Quyết định": 0.15}
        if rng.random() < impl_types.get(d.type, 0.0):
            cls = "norm" if d.type in {"Thông tư", "Hướng dẫn"} else "dir"
            p = self.draw(cls, local_share=0.5)
            if p is not None and p.type != "Luật":
                rel = "guides" if d.type in {"Thông tư", "Hướng dẫn"} else "implements"
                lead = {"guides": "Hướng dẫn thi hành",
                        "implements": rng.choice(("Triển khai thực hiện", "Thực hiện"))}[rel]
                date = p.date if rng.random() < 0.8 else None
                issuer = self.issuer_name(p) if rng.random() < 0.8 else None
                tail = (f" {short_date(p.date, rng)}" if date else "") + \
                    (f" của {issuer}" if issuer else "") + f" về {p.topic}"
                template = f"{lead} {p.type} số {KEY_SLOT}{tail}"
                d.subject_cite = {"inner": p, "template": template, "relation": rel,
                                  "date": date.isoformat() if date else None, "issuer": issuer}
                key = degrade_key(p.key) if self.ocr else p.key
                d.subject = template.replace(KEY_SLOT, key)
                self.citations.append({
                    "key": p.key, "type": p.type, "date": d.subject_cite["date"],
                    "issuer": issuer, "relation": rel, "target": p.gid,
                    "form": "subject_line", "surface": key,
                })
                self.mentioned.append(p)
                return
        if d.type == "Luật":
            d.subject = f"{d.topic}".capitalize()
        else:
            d.subject = f"{opener} {d.topic}"

    def body(self) -> None:
        t = self.doc.type
        if t in {"Quyết định", "Nghị quyết", "Nghị định", "Thông tư", "Quy định", "Luật"} and (
                self.doc.body.style != "party" or t in {"Quyết định", "Quy định"}):
            self.decision()
        elif t in {"Kế hoạch", "Hướng dẫn"}:
            self.plan()
        elif t == "Thông báo":
            self.notice()
        elif t == "Công văn":
            self.letter()
        else:
            self.directive()

    def preamble(self, k: int) -> None:
        """"Căn cứ …;" lines: laws first, then decrees and provincial norms (based_on)."""
        rng = self.rng
        law = None if self.doc.body.style == "party" else self.draw("law", local_share=0.0)
        if law is not None:
            self.paras.append(f"Căn cứ {self.mention(law, 'based_on', allow_odd=False)};")
        for _ in range(k):
            t = self.draw("norm")
            if t is None:
                break
            if rng.random() < 0.15 and t.type != "Luật":
                self.paras.append(f"Căn cứ {self.mention_list(t, 'based_on')};")
            else:
                m = self.mention(t, "based_on", long=True, dated=0.85, issuer=0.9,
                                 subject=rng.random() < 0.6)
                self.paras.append(f"Căn cứ {m};")

    def decision(self) -> None:
        d, rng = self.doc, self.rng
        authority = self.authority()
        if authority:
            self.paras.append(authority)
        if d.body.style == "party":
            self.paras.append("Căn cứ Điều lệ Đảng;")
        self.preamble(rng.randint(1, 5))
        if d.type != "Luật":
            t = self.draw("any")
            if t is not None and t.type in {"Tờ trình", "Báo cáo", "Công văn"}:
                self.paras.append(
                    f"Theo đề nghị của {rng.choice(UNITS)} tại {self.mention(t, 'cites')}.")
        self.paras.append({"Nghị quyết": "QUYẾT NGHỊ:", "Luật": "Quốc hội ban hành Luật này.",
                           "Nghị định": "Chính phủ ban hành Nghị định.",
                           "Thông tư": "Bộ trưởng ban hành Thông tư."}.get(d.type, "QUYẾT ĐỊNH:"))
        same = [s for s in self.pool.siblings(d, rng, 3)
                if s.gid not in self.used and s.key != d.key]
        same = list({s.key: s for s in same}.values())
        art = 1
        if same and rng.random() < 0.3:
            self.used.add(same[0].gid)
            self.paras.append(f"Điều {art}. Sửa đổi, bổ sung một số điều của "
                              f"{self.mention(same[0], 'amends', dated=0.9, issuer=0.9)} như sau:")
            art += 1
        self.paras.append(f"Điều {art}. {self.filler(2)}")
        art += 1
        for _ in range(rng.randint(0, 2)):
            s = self.cites_sentence()
            if s:
                self.paras.append(f"Điều {art}. {self.filler(1)} {s}")
                art += 1
        tail = f"Điều {art}. {TYPE_TITLES[d.type].capitalize()} này có hiệu lực kể từ ngày ký"
        if len(same) > 1 and rng.random() < 0.25:
            self.used.add(same[1].gid)
            tail += f" và thay thế {self.mention(same[1], 'replaces', dated=0.9, issuer=0.9)}"
        self.paras.append(tail + ".")
        if len(same) > 2 and rng.random() < 0.1:
            self.used.add(same[2].gid)
            self.paras.append(f"Bãi bỏ {self.mention(same[2], 'repeals', dated=0.9)}.")
        self.paras.append("Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị có liên quan chịu "
                          "trách nhiệm thi hành./.")

    def authority(self) -> str | None:
        """The line naming who decides, printed between subject and "Căn cứ" lines."""
        d = self.doc
        code = d.body.code
        if code == "UBND":
            who = "CHỦ TỊCH ỦY BAN NHÂN DÂN" if self.rng.random() < 0.5 else "ỦY BAN NHÂN DÂN"
            return f"{who} TỈNH {d.province.upper()}"  # type: ignore[union-attr]
        if code == "UBNDTP":
            return f"ỦY BAN NHÂN DÂN THÀNH PHỐ {d.capital.upper()}"  # type: ignore[union-attr]
        if code == "HĐND":
            return (f"HỘI ĐỒNG NHÂN DÂN TỈNH {d.province.upper()}\n"  # type: ignore[union-attr]
                    f"KHÓA XVII, KỲ HỌP THỨ {self.rng.randint(2, 40)}")
        if code == "TU":
            return "BAN THƯỜNG VỤ TỈNH ỦY"
        if code == "TTg":
            return "THỦ TƯỚNG CHÍNH PHỦ"
        if code.startswith("S") and d.type == "Quyết định":
            return f"GIÁM ĐỐC {d.body.header[1]}"
        return None

    def opening_implements(self, k: int) -> list[str]:
        """Implements-sentences, the subject's own target first (repeated in the body)."""
        out = []
        sc = self.doc.subject_cite
        if sc:
            p = sc["inner"]
            verb = "Thực hiện" if sc["relation"] == "implements" else "Hướng dẫn thi hành"
            out.append(f"{verb} {self.mention(p, sc['relation'], dated=0.9, issuer=0.9)}")
        for _ in range(k):
            t = self.draw("dir")
            if t is not None:
                out.append(self.implements_sentence(t))
        return out

    def plan(self) -> None:
        d, rng = self.doc, self.rng
        opening = self.opening_implements(rng.randint(0, 2))
        who = d.body.cited_as[0]
        if opening:
            self.paras.append("; ".join(opening) + f", {who} ban hành {d.type} "
                              "với các nội dung như sau:")
        self.paras.append("I. MỤC ĐÍCH, YÊU CẦU")
        self.paras.append(self.filler(2))
        self.paras.append("II. NHIỆM VỤ, GIẢI PHÁP")
        for i in range(1, rng.randint(2, 5)):
            s = self.cites_sentence() if rng.random() < 0.7 else None
            self.paras.append(f"{i}. {self.filler(rng.randint(1, 3))}" + (f" {s}" if s else ""))
        self.paras.append("III. TỔ CHỨC THỰC HIỆN")
        self.paras.append(self.filler(2))
        if self.mentioned and rng.random() < 0.5:
            t = rng.choice(self.mentioned)
            self.paras.append(f"Các nội dung chưa quy định tại {d.type} này được áp dụng theo "
                              f"{self.repeat(t)}.")

    def notice(self) -> None:
        d, rng = self.doc, self.rng
        signer = rng.choice(SIGNERS)
        when = d.date - dt.timedelta(days=rng.randint(1, 6))
        self.paras.append(
            f"Ngày {when.day:02d}/{when.month:02d}/{when.year}, đồng chí {signer} – Phó Bí thư "
            "Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì cuộc họp. Sau khi nghe báo cáo của các cơ "
            "quan, đơn vị và ý kiến phát biểu của các thành phần dự họp, đồng chí Chủ tịch "
            "UBND tỉnh kết luận như sau:")
        self.paras.append("1. " + self.filler(3))
        self.paras.append("2. Phương hướng, nhiệm vụ trong thời gian tới")
        for i in range(1, rng.randint(2, 6)):
            unit = rng.choice(UNITS)
            s = self.cites_sentence() if rng.random() < 0.6 else None
            self.paras.append(f"2.{i}. {unit}")
            self.paras.append(self.filler(rng.randint(1, 3)) + (f" {s}" if s else ""))
        if rng.random() < 0.35:
            t = self.draw("dir")
            if t is not None:
                m = self.mention(t, "implements", dated=0.9, issuer=0.9)
                self.paras.append(f"Các đơn vị thực hiện nghiêm {m}.")
        if rng.random() < 0.3:
            notes = []
            for _ in range(rng.randint(1, 3)):
                t = self.draw("any")
                if t is not None:
                    m = self.mention(t, "cites", dated=1.0, issuer=1.0, form="footnote")
                    notes.append(f"{m} về {t.topic}")
            if notes:
                self.paras.append(f"Chỉ đạo tại các văn bản của cấp trên1. {self.filler(1)}")
                self.paras.append("1 " + "; ".join(notes) + ".")
        if self.mentioned and rng.random() < 0.4:
            t = rng.choice(self.mentioned)
            self.paras.append(f"Đề nghị các đơn vị bám sát {self.repeat(t)}.")
        self.paras.append(f"{d.body.cited_as[0]} thông báo để các cơ quan, đơn vị liên quan "
                          "biết, tổ chức thực hiện./.")

    def letter(self) -> None:
        d, rng = self.doc, self.rng
        self.paras.append("Kính gửi: " + "; ".join(rng.sample(UNITS, 3)) + ".")
        opening = self.opening_implements(rng.randint(0, 1))
        who = d.body.cited_as[0]
        if opening:
            self.paras.append("; ".join(opening) + f", {who} có ý kiến như sau:")
        for i in range(1, rng.randint(2, 4)):
            s = self.cites_sentence() if rng.random() < 0.5 else None
            self.paras.append(f"{i}. {self.filler(1)}" + (f" {s}" if s else ""))
        self.paras.append("Đề nghị các cơ quan, đơn vị quan tâm, phối hợp./.")

    def directive(self) -> None:
        d, rng = self.doc, self.rng
        self.paras.append(self.filler(rng.randint(2, 3)))
        opening = self.opening_implements(rng.randint(1, 2))
        who = d.body.cited_as[0]
        if opening:
            self.paras.append("; ".join(opening) + f". Để tiếp tục {d.topic}, {who} yêu cầu:")
        for i in range(1, rng.randint(3, 6)):
            s = self.cites_sentence() if rng.random() < 0.5 else None
            self.paras.append(f"{i}. {rng.choice(UNITS)}: {self.filler(rng.randint(1, 2))}"
                              + (f" {s}" if s else ""))
        if self.mentioned and rng.random() < 0.3:
            t = rng.choice(self.mentioned)
            self.paras.append(f"Các nội dung khác giữ nguyên như {self.repeat(t)}.")
        self.paras.append(f"Yêu cầu các cơ quan, đơn vị nghiêm túc quán triệt {d.type} này./.")

    def footer(self) -> list[str]:
        rng = self.rng
        k = rng.randint(3, len(RECIPIENTS) - 1)
        lines = ["Nơi nhận:"] + rng.sample(RECIPIENTS[:-1], k) + [RECIPIENTS[-1]]
        s1, s2 = self.doc.body.signer
        return lines + [x for x in (s1, s2) if x] + [rng.choice(SIGNERS)]

    def render(self) -> tuple[list[str], list[str], list[str]]:
        """Header paragraphs, body paragraphs, footer lines (all clean text with markers)."""
        self.plan_subject()
        head = self.header()
        self.body()
        return head, self.paras, self.footer()

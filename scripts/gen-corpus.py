#!/usr/bin/python3
"""Deterministic synthetic coauthorship corpora, shaped like DBLP.

    scripts/gen-corpus.py --papers 200000 --seed 1 -o bench-out/corpus-200000
      -> bench-out/corpus-200000.xml       DBLP XML (<dblp>, entities, dblp.dtd beside it)
         bench-out/corpus-200000.bib       BibTeX, "Last, First and ..." with LaTeX accents
         bench-out/corpus-200000.scopus.csv Scopus CSV (--formats scopus): quoted fields, a BOM,
                                           "Last I." and "Last, First (id)" authors, an abstract
         bench-out/corpus-200000.wos.txt   Web of Science tab-delimited (--formats wos): a BOM, CRLF,
                                           AU and AF, an abstract
         bench-out/corpus-200000.meta.json what was generated, and authors for the queries
         bench-out/dblp.dtd                the entity declarations the XML uses

    scripts/gen-corpus.py --formats listing --authors 150000 --papers 200000 --seed 1 -o - > big.txt
      -> a publication list in the profile listing format, from the simpler
         group model at the end of this text ("-o PREFIX" writes PREFIX.txt)

The same seed and options give the same bytes, on any Python 3: only
random.Random.random() is used, whose sequence Python guarantees across
versions (randrange, choice and gauss are not guaranteed, so they are
written here on top of random()).

The model follows published statistics of DBLP (Ley 2009; Elmacioglu and
Lee 2005; Newman 2001 and 2004 for the projection):
  - papers per year grow about 9 % a year, 1970 to 2024;
  - authors per paper are log-normal with a mean that rises from about 1.8
    in the 1970s to about 3.9 now (about 3.0 over the whole corpus), plus
    a power-law tail of large collaborations (up to a few hundred);
  - each author slot is a new author with probability p, otherwise an
    existing author chosen in proportion to their papers so far (a Yule-
    Simon process), which gives power-law papers per author with exponent
    about 1 + 1/(1 - p); most picks favour recently active authors, so
    careers start and fade;
  - papers belong to topical communities (venues) of Zipf-distributed
    size; most authors of a paper come from its community, some from a
    neighbouring one, a few from anywhere;
  - names come from first- and last-name pools of many origins, weighted
    by a Zipf law, so that common names collide (many "Wei Wang"s).  As in
    DBLP, some colliding names carry a homonym number ("Wei Wang 0003") in
    the XML; the rest stay silent homonyms.  BibTeX drops the numbers.

--formats listing uses another, deliberately simple model, for benchmarks
that need a large network rather than a DBLP-like one (for example, sampled
betweenness on more than 100,000 authors): --authors people in groups of
about --group; a paper has a lead author chosen in proportion to their
papers so far (preferential attachment, so productive authors emerge) and
1 to 7 coauthors, most from the lead's group and a share --outside from
anywhere (which joins the groups into a giant component).  Repeated pairs
give edges of several joint papers.  Its output is fully determined by the
arguments on one Python version (it uses random.choice, randrange and
expovariate, as the generator it replaces, gen-coauthor-corpus.py, did,
so that the same seed still gives the same bytes).  It is written alone:
listing cannot be combined with the other formats.
"""
import argparse
import array
import gzip
import html.entities
import json
import math
import os
import random
import sys

# ---------------------------------------------------------------- names
# (weight, first names, last names); accents as DBLP prints them.
ORIGINS = [
    (30, "Wei Jing Li Yang Hui Xin Yan Jun Lei Hao Yu Jian Ming Tao Bin Fang Ying Qiang Jie Lin "
         "Xiaoming Xiaoyu Zhiwei Yong Hong Ping Peng Chen Ning Gang Dong Feng Bo Kai Qing Rui Ting "
         "Yi Zhen Jiawei Haoran Yuxuan Zihan Xiaojun Yunfeng Lijun Shuai Wenjie Zheng Long Jiang",
         "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng "
         "Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye "
         "Cheng Wei Su Lu Ding Ren Shen Yao Qian Fu Fan Jin Shi Dai Qin Xue Lei Hou Duan Hao Kong Mao "
         "Qiu Bai Cui Kang Meng Tan Yin Wen Long Xiong Lai Gu Zou"),
    (16, "John Michael David James Robert William Richard Thomas Mark Paul Daniel Christopher Steven "
         "Andrew Kevin Brian Jennifer Mary Elizabeth Sarah Susan Karen Lisa Emily Rebecca Laura Anna "
         "Peter Stephen Matthew Jason Eric Scott Jeffrey Ryan Timothy Gregory Rachel Amy Jessica "
         "Alan Ian Simon Benjamin Samuel Joshua Nicholas Alexander Kathryn Margaret Helen Claire",
         "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin "
         "Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill "
         "Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans "
         "Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Bailey Reed Kelly "
         "Howard Cox Ward Richardson Watson Brooks Wood James Bennett Gray Hughes Price Sanders "
         "Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Barnes "
         "Fisher Henderson Graham Hamilton Wallace Gibson Ellis Hunt Knight Stone Lee Kim"),
    (9, "Rahul Amit Sanjay Rajesh Anil Sunil Vijay Arun Ravi Suresh Deepak Ashok Manoj Ajay Vikas "
        "Priya Anjali Neha Pooja Kavita Sunita Lakshmi Srinivas Venkat Krishna Ramesh Ganesh Aditya "
        "Arjun Rohan Sandeep Pradeep Abhishek Anand Gaurav Nikhil Shreya Divya",
        "Kumar Sharma Singh Gupta Patel Reddy Rao Verma Jain Agarwal Mishra Iyer Nair Menon Das "
        "Chatterjee Banerjee Mukherjee Ghosh Bose Sen Pillai Joshi Kulkarni Desai Mehta Shah Bhat "
        "Srinivasan Subramanian Krishnan Raman Chandra Prasad Yadav Pandey Tiwari Saxena Malhotra"),
    (8, "Thomas Michael Andreas Stefan Christian Martin Markus Frank J\u00fcrgen Klaus Wolfgang Peter "
        "Matthias Alexander Sebastian Tobias Florian Jan Uwe Dirk Bernd Holger Katrin Sabine Claudia "
        "Julia Anja Petra Monika Ulrike J\u00f6rg Ralf Torsten Volker Bj\u00f6rn Lars Sven Kai Nils Jens",
        "M\u00fcller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Sch\u00e4fer Koch "
        "Bauer Richter Klein Wolf Schr\u00f6der Neumann Schwarz Zimmermann Braun Kr\u00fcger Hofmann "
        "Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier K\u00f6hler "
        "Herrmann K\u00f6nig Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz M\u00f6ller Wei\u00df Jung "
        "Hahn Vogel Friedrich Keller G\u00fcnther Frank Berger Winkler Roth Beck Lorenz Baumann"),
    (6, "Jos\u00e9 Juan Carlos Luis Miguel Javier Antonio Francisco Manuel Pedro Jorge Alejandro Pablo "
        "Diego Sergio Fernando Ricardo Andr\u00e9s Mar\u00eda Ana Carmen Laura Isabel Luc\u00eda Elena "
        "Jo\u00e3o Paulo Rafael Gonzalo Ra\u00fal Ignacio \u00c1lvaro",
        "Garc\u00eda Mart\u00ednez L\u00f3pez S\u00e1nchez Gonz\u00e1lez Rodr\u00edguez Fern\u00e1ndez P\u00e9rez "
        "G\u00f3mez Mart\u00edn Jim\u00e9nez Ruiz Hern\u00e1ndez D\u00edaz Moreno Mu\u00f1oz \u00c1lvarez "
        "Romero Alonso Guti\u00e9rrez Navarro Torres Dom\u00ednguez V\u00e1zquez Ramos Gil Ram\u00edrez Serrano "
        "Blanco Molina Su\u00e1rez Ortega Delgado Castro Ortiz Rubio Mar\u00edn Sanz Silva Santos Oliveira "
        "Souza Costa Pereira Ferreira Almeida Carvalho Ribeiro Ara\u00fajo Pe\u00f1a"),
    (5, "Jean Pierre Philippe Fran\u00e7ois Nicolas Laurent St\u00e9phane Olivier Christophe Fr\u00e9d\u00e9ric "
        "Julien S\u00e9bastien Marie Sophie Isabelle Nathalie Val\u00e9rie C\u00e9line H\u00e9l\u00e8ne "
        "Guillaume J\u00e9r\u00f4me Beno\u00eet Thierry Herv\u00e9 Mathieu",
        "Martin Bernard Dubois Durand Leroy Moreau Simon Laurent Lef\u00e8vre Michel Fran\u00e7ois Fournier "
        "Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Blanc Gu\u00e9rin Boyer Garnier Chevalier "
        "Fran\u00e7ois Legrand Gauthier Perrin Robin Cl\u00e9ment Morin Nicolas Henry Roussel Mathieu"),
    (5, "Hiroshi Takashi Kenji Satoshi Yuki Akira Makoto Takeshi Kazuhiro Naoki Yoshihiro Masaki "
        "Tomoko Yoko Keiko Hideki Koji Shinji Daisuke Ryo Yusuke Kenta Haruka Sho",
        "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada "
        "Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto "
        "Ishikawa Ogawa Fujita Okada Goto Hasegawa Murakami Kondo Ishii Saito Sakamoto Endo Aoki"),
    (5, "Min Jae Sung Young Ji Hyun Seung Dong Jin Hye Eun Soo Jung Kyung Joon Sang Chang Woo",
        "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong "
        "Jeon Ko Moon Yang Son Bae Baek Heo Nam"),
    (5, "Marco Andrea Giuseppe Giovanni Francesco Luca Alessandro Stefano Roberto Paolo Matteo "
        "Lorenzo Davide Federico Simone Chiara Francesca Giulia Elena Silvia Niccol\u00f2",
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti "
        "De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani"),
    (4, "Alexey Sergey Dmitry Andrey Ivan Vladimir Nikolai Mikhail Yuri Oleg Pavel Olga Natalia "
        "Elena Tatiana Irina Anastasia Ekaterina Maxim Artem",
        "Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov "
        "Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev "
        "Makarov Zaitsev Kovalenko Shevchenko Bondarenko"),
    (3, "\u0141ukasz Piotr Krzysztof Tomasz Pawe\u0142 Micha\u0142 Marcin Jakub Agnieszka Katarzyna "
        "Ji\u0159\u00ed Petr Jan Tom\u00e1\u0161 Martin Ond\u0159ej Zolt\u00e1n G\u00e1bor L\u00e1szl\u00f3",
        "Nowak Kowalski Wi\u015bniewski W\u00f3jcik Kowalczyk Kami\u0144ski Lewandowski Zieli\u0144ski "
        "Szyma\u0144ski D\u0105browski Nov\u00e1k Svoboda Dvo\u0159\u00e1k \u010cern\u00fd Proch\u00e1zka "
        "Kuchar Nagy Kov\u00e1cs T\u00f3th Szab\u00f3 Horv\u00e1th Varga"),
    (3, "Lars Anders Johan Erik Nils Mikael Henrik Magnus Per Bj\u00f8rn S\u00f8ren Jens Ole Morten "
        "Kristian \u00c5sa Ingrid Karin Sigrid Maarten Pieter Jeroen Sander Bram",
        "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsen Hansen Jensen Nielsen Pedersen "
        "Kristiansen J\u00f8rgensen S\u00f8rensen Berg Lund Holm de_Vries Jansen van_den_Berg Bakker "
        "Visser Smit Meijer de_Boer Mulder"),
    (3, "Mehmet Ahmet Mustafa Ali Hasan Murat Emre Ay\u015fe Fatma Zeynep Mohammad Ahmad Reza "
        "Hossein Ali Mahmoud Omar Yusuf Fatemeh Maryam Sara Amir",
        "Y\u0131lmaz Kaya Demir \u015eahin \u00c7elik Y\u0131ld\u0131z Y\u0131ld\u0131r\u0131m \u00d6zt\u00fcrk "
        "Aydin \u00d6zdemir Ar\u0131kan Hosseini Mohammadi Ahmadi Rezaei Karimi Moradi Hassan "
        "Ibrahim Mahmoud Abdullah Khalil Haddad Nasser"),
    (3, "Minh Thanh Hung Tuan Dung Linh Anh Huong Quang Duc Nikos Dimitris Georgios Konstantinos "
        "Ioannis Maria Eleni",
        "Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ngo Papadopoulos Georgiou Papadakis "
        "Nikolaidis Konstantinou Pappas Vlachos"),
]

# Syllables for a long tail of rarer surnames, so that large corpora do not
# collide more than the real one does.
TAIL_A = ("Ber Kar Mon Dal Fer Gor Hal Jan Kel Lan Mar Nor Os Par Ral Sal Tor Val Wal Zel Ab Bel "
          "Cor Dor El Fal Gal Hel Il Kor Lin Mor Nal Or Pel Ros Sor Tan Ul Vor Wil Yor Bran Ste Chri "
          "Tra Gre Fri Sil Ven Ald Bro Cal Dun Ed Far Gil Hart Ing Kin Lar Mil").split()
TAIL_B = ("ton berg mann son sen ini elli ovic escu ez ard ier ski ova ley well ford wood ham ing er "
          "holm stad vik dahl strom quist land feld stein bauer hardt brand ek ak ic as os is us ano "
          "ero ado ura ida eta aki uchi oto ada ama aya eri iko ura ian yan esh ind ati").split()


def parse_pool(s):
    return [w.replace("_", " ") for w in s.split()]


class Rng:
    """Everything derived from random.random(), whose sequence is stable."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.random = self.r.random

    def below(self, n):
        return int(self.random() * n)

    def gauss(self):
        # Box-Muller on two uniforms; the second value is dropped to keep it simple
        u = 1.0 - self.random()
        return math.sqrt(-2.0 * math.log(u)) * math.cos(2.0 * math.pi * self.random())


def zipf_table(n, s):
    """Cumulative weights of a Zipf law over n items with exponent s."""
    acc, cum = 0.0, []
    for i in range(n):
        acc += 1.0 / (i + 1) ** s
        cum.append(acc)
    return [c / acc for c in cum]


def pick_cum(rng, cum):
    u = rng.random()
    lo, hi = 0, len(cum) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid] < u:
            lo = mid + 1
        else:
            hi = mid
    return lo


VOCAB = ("learning neural network networks deep graph graphs model models efficient scalable "
         "distributed parallel algorithm algorithms analysis approach framework system systems data "
         "query queries database databases optimization robust adaptive semantic language languages "
         "program programs verification logic temporal probabilistic stochastic inference estimation "
         "detection recognition image images video segmentation retrieval search ranking recommendation "
         "privacy security secure attack attacks protocol protocols wireless sensor mobile cloud edge "
         "energy power scheduling routing caching memory storage compiler compilers type types theory "
         "complexity bounds approximation online streaming sparse matrix tensor embedding embeddings "
         "representation representations transformer attention reinforcement policy agents multi-agent "
         "game games fairness causal explanation interpretable generative adversarial variational "
         "bayesian kernel clustering classification regression control planning robot robots "
         "navigation vision speech dialogue translation parsing text knowledge reasoning ontology web "
         "social crowdsourcing blockchain consensus fault-tolerant real-time embedded hardware "
         "architecture accelerator FPGA GPU quantum cryptography codes coding channel signal "
         "processing compression hashing indexing transactions concurrency consistency replication "
         "testing debugging repair synthesis specification modeling simulation visualization "
         "interaction user users study evaluation benchmark dataset survey").split()
CONNECT = "for of with in on via using towards under over".split()
OPENERS = ["", "", "", "", "On ", "Towards ", "A Note on ", "Learning ", "Efficient ", "Scalable "]


def latin1_entities():
    """The HTML 4 Latin-1 entity names, which dblp.dtd also defines."""
    return {cp: name for cp, name in html.entities.codepoint2name.items() if 160 <= cp <= 255}


ENT = latin1_entities()


def xml_text(s):
    """XML character data as dblp.xml writes it: ASCII, named entities for
    Latin-1 letters, numeric references beyond."""
    if s.isascii():
        if "&" in s or "<" in s or ">" in s:
            s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return s
    out = []
    for ch in s:
        cp = ord(ch)
        if cp < 128:
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;"}.get(ch, ch))
        elif cp in ENT:
            out.append("&%s;" % ENT[cp])
        else:
            out.append("&#%d;" % cp)
    return "".join(out)


LATEX = {
    "\u00e4": '{\\"{a}}', "\u00f6": '{\\"{o}}', "\u00fc": '{\\"{u}}', "\u00c4": '{\\"{A}}',
    "\u00d6": '{\\"{O}}', "\u00dc": '{\\"{U}}', "\u00df": "{\\ss}", "\u00e9": "{\\'{e}}",
    "\u00e1": "{\\'{a}}", "\u00ed": "{\\'{i}}", "\u00f3": "{\\'{o}}", "\u00fa": "{\\'{u}}",
    "\u00c1": "{\\'{A}}", "\u00e8": "{\\`{e}}", "\u00ea": "{\\^{e}}", "\u00ee": "{\\^{i}}",
    "\u00f4": "{\\^{o}}", "\u00e7": "{\\c{c}}", "\u00f1": "{\\~{n}}", "\u00e3": "{\\~{a}}",
    "\u00f8": "{\\o}", "\u00e5": "{\\aa}", "\u00c5": "{\\AA}", "\u0142": "{\\l}", "\u0141": "{\\L}",
    "\u0159": "{\\v{r}}", "\u0161": "{\\v{s}}", "\u010c": "{\\v{C}}", "\u015b": "{\\'{s}}",
    "\u0144": "{\\'{n}}", "\u0105": "{\\k{a}}", "\u015f": "{\\c{s}}", "\u015e": "{\\c{S}}",
    "\u0131": "{\\i}", "\u00c7": "{\\c{C}}", "\u00fd": "{\\'{y}}", "\u00f2": "{\\`{o}}",
}


def bib_text(s):
    if s.isascii():
        return s
    return "".join(LATEX.get(ch, ch) for ch in s)


# ---------------------------------------------------------------- model
class Model:
    def __init__(self, papers, seed, authors_ratio, year_from, year_to):
        self.n_papers = papers
        self.seed = seed
        self.rng = Rng(seed)
        self.year_from, self.year_to = year_from, year_to
        # Distinct authors per paper fall as a corpus grows (the same people
        # keep publishing): about 1.24 at 200k papers, 0.5 at DBLP's 7M.
        if authors_ratio is None:
            authors_ratio = 1.24 if papers <= 200000 else 1.24 * (papers / 200000) ** -0.2555
        self.authors_ratio = authors_ratio
        self.n_comm = max(8, papers // 2000)
        self.comm_cum = zipf_table(self.n_comm, 0.9)
        self.origin_cum = []
        acc = 0
        total = sum(o[0] for o in ORIGINS)
        self.origins = []
        for w, firsts, lasts in ORIGINS:
            acc += w
            self.origin_cum.append(acc / total)
            f, l = parse_pool(firsts), parse_pool(lasts)
            self.origins.append((f, zipf_table(len(f), 0.6), l, zipf_table(len(l), 0.7)))

    def years(self):
        """Year of each paper: exponential growth, in increasing order."""
        g = math.log(1.09)
        span = self.year_to + 1 - self.year_from
        total = math.expm1(g * span)
        n = self.n_papers
        out = array.array("h")
        for i in range(n):
            q = (i + 0.5) / n
            out.append(self.year_from + min(span - 1, int(math.log1p(q * total) / g)))
        return out

    def team_size(self, year):
        rng = self.rng
        if rng.random() < 0.004:   # large collaborations: Pareto tail from 10
            return min(400, int(10 * (1.0 - rng.random()) ** (-1 / 1.6)))
        t = (year - self.year_from) / max(1, self.year_to - self.year_from)
        mu = 0.25 + 0.95 * t * t
        k = int(math.exp(mu + 0.62 * rng.gauss()) + 0.5)
        return max(1, k)

    def name(self, counts, numbered):
        rng = self.rng
        first, fcum, last, lcum = self.origins[pick_cum(rng, self.origin_cum)]
        f = first[pick_cum(rng, fcum)]
        u = rng.random()
        if u < 0.3:
            l = TAIL_A[rng.below(len(TAIL_A))] + TAIL_B[rng.below(len(TAIL_B))]
        elif u < 0.6:
            l = (TAIL_A[rng.below(len(TAIL_A))] + TAIL_A[rng.below(len(TAIL_A))].lower()
                 + TAIL_B[rng.below(len(TAIL_B))])
        else:
            l = last[pick_cum(rng, lcum)]
        if rng.random() < 0.3:
            f += " " + "ABCDEFGHJKLMNPRSTW"[rng.below(18)] + "."
        base = f + " " + l
        c = counts.get(base, 0)
        counts[base] = c + 1
        shown = base
        if c and rng.random() < 0.5:
            n = numbered.get(base, 0) + 1
            numbered[base] = n
            shown = "%s %04d" % (base, n)
        return f, l, shown

    def build(self):
        """Authors of every paper: flat ids with offsets, plus names."""
        rng = self.rng
        years = self.years()
        sizes = array.array("H", (self.team_size(y) for y in years))
        slots = sum(sizes)
        p_new = min(0.95, self.authors_ratio * self.n_papers / slots)
        comm_tokens = [array.array("I") for _ in range(self.n_comm)]
        author_comm = array.array("I")
        firsts, lasts, shown = [], [], []
        counts, numbered = {}, {}
        flat = array.array("I")
        offsets = array.array("Q", [0])
        paper_comm = array.array("I")
        n_comm = self.n_comm
        for i in range(self.n_papers):
            c = pick_cum(rng, self.comm_cum)
            paper_comm.append(c)
            k = sizes[i]
            chosen = []
            for slot in range(k):
                a = -1
                if rng.random() >= p_new:
                    u = rng.random()
                    if u < 0.85:
                        cc = c
                    elif u < 0.97:
                        cc = (c + 1 + rng.below(3)) % n_comm
                    else:
                        cc = pick_cum(rng, self.comm_cum)
                    toks = comm_tokens[cc]
                    if toks:
                        n = len(toks)
                        for _ in range(3):
                            if rng.random() < 0.6:
                                w = max(1, int(n * 0.3))
                                a = toks[n - 1 - rng.below(w)]
                            else:
                                a = toks[rng.below(n)]
                            if a not in chosen:
                                break
                            a = -1
                if a < 0:
                    a = len(shown)
                    f, l, s = self.name(counts, numbered)
                    firsts.append(f)
                    lasts.append(l)
                    shown.append(s)
                    author_comm.append(c)
                chosen.append(a)
            for a in chosen:
                comm_tokens[author_comm[a]].append(a)
            flat.extend(chosen)
            offsets.append(len(flat))
        self.years_arr, self.flat, self.offsets = years, flat, offsets
        self.paper_comm, self.author_comm = paper_comm, author_comm
        self.firsts, self.lasts, self.shown = firsts, lasts, shown
        self.name_counts = counts

    # ------------------------------------------------------------ output
    def title(self, trng, comm):
        # a topic's papers lean on a few words of the vocabulary
        n = 4 + trng.below(8)
        words = []
        base = (comm * 7) % len(VOCAB)
        for j in range(n):
            if j and trng.random() < 0.15:
                words.append(CONNECT[trng.below(len(CONNECT))])
            elif trng.random() < 0.5:
                words.append(VOCAB[(base + trng.below(12)) % len(VOCAB)])
            else:
                words.append(VOCAB[trng.below(len(VOCAB))])
        t = OPENERS[trng.below(len(OPENERS))] + " ".join(words)
        if trng.random() < 0.02:
            t += " & Beyond"
        return t[0].upper() + t[1:] + "."

    def write(self, prefix, formats, compress):
        trng = Rng(self.rng.below(1 << 30))
        xml = bib = None
        tab = {}  # the tabular exports: name -> file
        opener = (lambda p: gzip.open(p, "wt", encoding="utf-8", compresslevel=6, newline="\n")) \
            if compress else (lambda p: open(p, "w", encoding="utf-8", newline="\n"))
        suffix = ".gz" if compress else ""
        if "xml" in formats:
            xml = opener(prefix + ".xml" + suffix)
            xml.write('<?xml version="1.0" encoding="ISO-8859-1"?>\n'
                      '<!DOCTYPE dblp SYSTEM "dblp.dtd">\n<dblp>\n')
        if "bib" in formats:
            bib = opener(prefix + ".bib" + suffix)
        # the tabular exports as their services write them: a BOM, and CRLF for WoS
        if "scopus" in formats:
            tab["scopus"] = open(prefix + ".scopus.csv", "w", encoding="utf-8-sig", newline="")
            tab["scopus"].write('"Authors","Author full names","Author(s) ID","Title","Year","Source title",'
                                '"Volume","Page start","Page end","DOI","Link","Abstract","Document Type",'
                                '"Source","EID"\n')
        if "wos" in formats:
            tab["wos"] = open(prefix + ".wos.txt", "w", encoding="utf-8-sig", newline="")
            tab["wos"].write("\t".join(["PT", "AU", "AF", "TI", "SO", "DT", "AB", "PY", "VL", "BP", "EP", "DI",
                                        "UT"]) + "\r\n")
        tbuf = {k: [] for k in tab}
        arng = Rng(self.seed * 7919 + 17)  # abstracts: their own stream, so the other files stay as they were
        xs = [xml_text(s) for s in self.shown] if xml else None
        bs = ["%s, %s" % (bib_text(l), bib_text(f)) for f, l in zip(self.firsts, self.lasts)] if bib else None
        ascii_last = [l if l.isascii() else "".join(ch for ch in l if ch.isascii()) or "X"
                      for l in self.lasts]
        flat, offsets, years, pcomm = self.flat, self.offsets, self.years_arr, self.paper_comm
        # DOIs differ between corpora, so that two of them read together are two worlds
        doi_prefix = "10.9999/s%d.n%d." % (self.seed, self.n_papers)
        xbuf, bbuf = [], []
        for i in range(self.n_papers):
            ids = flat[offsets[i]:offsets[i + 1]]
            y = years[i]
            c = pcomm[i]
            title = self.title(trng, c)
            journal = trng.random() < 0.45
            venue = ("J%d" % c) if journal else ("C%d" % c)
            key = "%s/%s/%s%02d-%x" % ("journals" if journal else "conf", venue.lower(),
                                       ascii_last[ids[0]].replace(" ", ""), y % 100, i)
            mdate = "%d-%02d-%02d" % (min(y + 1, 2025), 1 + i % 12, 1 + i % 28)
            if xml:
                kind = "article" if journal else "inproceedings"
                rec = ['<%s mdate="%s" key="%s">\n' % (kind, mdate, key)]
                for a in ids:
                    rec.append("<author>%s</author>\n" % xs[a])
                rec.append("<title>%s</title>\n" % xml_text(title))
                if journal:
                    rec.append("<pages>%d-%d</pages>\n<year>%d</year>\n<volume>%d</volume>\n"
                               "<journal>Journal of Topic %d</journal>\n" % (
                                   1 + i % 97, 12 + i % 97, y, y - 1960, c))
                else:
                    rec.append("<pages>%d-%d</pages>\n<year>%d</year>\n"
                               "<booktitle>Conference on Topic %d</booktitle>\n" % (
                                   1 + i % 97, 12 + i % 97, y, c))
                rec.append("<ee>https://doi.org/%s</ee>\n</%s>\n" % (doi_prefix + "%x" % i, kind))
                xbuf.append("".join(rec))
            if bib:
                rec = ["@%s{DBLP:%s,\n  author    = {" % ("article" if journal else "inproceedings", key),
                       " and\n               ".join(bs[a] for a in ids),
                       "},\n  title     = {%s},\n" % title.replace("&", "\\&")]
                if journal:
                    rec.append("  journal   = {Journal of Topic %d},\n  volume    = {%d},\n" % (c, y - 1960))
                else:
                    rec.append("  booktitle = {Conference on Topic %d},\n" % c)
                rec.append("  pages     = {%d--%d},\n  year      = {%d},\n"
                           "  doi       = {%s%x}\n}\n\n" % (1 + i % 97, 12 + i % 97, y, doi_prefix, i))
                bbuf.append("".join(rec))
            if tab:
                # an abstract of about 120 words, as the exports carry (most of a record's bytes)
                abstract = " ".join(self.title(arng, c) for _ in range(12))
                doi = "%s%x" % (doi_prefix, i)
                venue_name = ("Journal of Topic %d" if journal else "Conference on Topic %d") % c
            if "scopus" in tab:
                q = lambda t: '"' + t.replace('"', '""') + '"'
                short = ", ".join("%s %s." % (self.lasts[a], self.firsts[a][:1]) for a in ids)
                full = "; ".join("%s, %s (%d)" % (self.lasts[a], self.firsts[a], 57000000000 + a) for a in ids)
                tbuf["scopus"].append(",".join([
                    q(short), q(full), q(";".join(str(57000000000 + a) for a in ids) + ";"), q(title), str(y),
                    q(venue_name), str(y - 1960), str(1 + i % 97), str(12 + i % 97), doi,
                    q("https://www.scopus.com/inward/record.uri?eid=2-s2.0-%d&doi=%s" % (i, doi)), q(abstract),
                    "Article" if journal else "Conference Paper", "Scopus", "2-s2.0-%d" % i]) + "\n")
            if "wos" in tab:
                tbuf["wos"].append("\t".join([
                    "J" if journal else "C", "; ".join("%s, %s" % (self.lasts[a], self.firsts[a][:1]) for a in ids),
                    "; ".join("%s, %s" % (self.lasts[a], self.firsts[a]) for a in ids), title,
                    venue_name.upper(), "Article" if journal else "Proceedings Paper", abstract, str(y),
                    str(y - 1960), str(1 + i % 97), str(12 + i % 97), doi, "WOS:%015d" % i, ""]) + "\r\n")
            for k in tab:
                if len(tbuf[k]) >= 4096:
                    tab[k].write("".join(tbuf[k]))
                    tbuf[k] = []
            if len(xbuf) >= 4096 or len(bbuf) >= 4096:
                if xml:
                    xml.write("".join(xbuf))
                if bib:
                    bib.write("".join(bbuf))
                xbuf, bbuf = [], []
        if xml:
            xml.write("".join(xbuf))
            xml.write("</dblp>\n")
            xml.close()
        if bib:
            bib.write("".join(bbuf))
            bib.close()
        for k in tab:
            tab[k].write("".join(tbuf[k]))
            tab[k].close()

    # ------------------------------------------------------------ queries
    def summary(self, seed):
        """Counts, and authors for the benchmark's queries: unique ASCII
        names in the giant component, chosen without randomness."""
        n_auth = len(self.shown)
        parent = array.array("I", range(n_auth))

        def find(x):
            root = x
            while parent[root] != root:
                root = parent[root]
            while parent[x] != root:
                parent[x], x = root, parent[x]
            return root

        flat, offsets = self.flat, self.offsets
        papers_of = array.array("I", bytes(4 * n_auth))
        pairs = 0
        sizes = []
        for i in range(self.n_papers):
            lo, hi = offsets[i], offsets[i + 1]
            k = hi - lo
            sizes.append(k)
            pairs += k * (k - 1) // 2
            r0 = find(flat[lo])
            for j in range(lo, hi):
                a = flat[j]
                papers_of[a] += 1
                r = find(a)
                if r != r0:
                    parent[r] = r0
        comp = {}
        for a in range(n_auth):
            r = find(a)
            comp[r] = comp.get(r, 0) + 1
        giant = max(comp, key=lambda r: (comp[r], -r))
        unique = [a for a in range(n_auth)
                  if find(a) == giant and self.name_counts[self.firsts[a] + " " + self.lasts[a]] == 1
                  and self.shown[a].isascii()
                  and "." not in self.shown[a]]
        by_papers = sorted(unique, key=lambda a: (-papers_of[a], a))
        rank_author = by_papers[min(4, len(by_papers) - 1)]
        # ego: the most prolific unique author with 15 to 25 papers, a picture of tens of people
        ego = next((a for a in by_papers if papers_of[a] <= 25), by_papers[-1])
        # chain ends: moderately active authors of distant communities
        mid = [a for a in by_papers if 5 <= papers_of[a] <= 12] or by_papers
        far = self.n_comm // 2
        src = mid[0]
        dst = next((a for a in mid if abs(int(self.author_comm[a]) - int(self.author_comm[src])) >= far // 2
                    and a != src), mid[-1])
        hist = {}
        for k in sizes:
            hist[k] = hist.get(k, 0) + 1
        shared = sum(1 for a in range(n_auth) if self.name_counts[self.firsts[a] + " " + self.lasts[a]] > 1)
        numbered = sum(1 for s in self.shown if s[-4:].isdigit() and s[-5] == " ")
        ppa = {}
        for a in range(n_auth):
            ppa[papers_of[a]] = ppa.get(papers_of[a], 0) + 1
        return {
            "generator": "scripts/gen-corpus.py",
            "seed": seed,
            "papers": self.n_papers,
            "authors": n_auth,
            "authorships": len(flat),
            "mean_authors_per_paper": round(len(flat) / self.n_papers, 4),
            "author_pairs_with_repeats": pairs,
            "communities": self.n_comm,
            "years": [int(self.years_arr[0]), int(self.years_arr[-1])],
            "giant_component_authors": comp[giant],
            "persons_sharing_a_name": shared,
            "persons_with_homonym_number": numbered,
            "distinct_names_xml": len(set(self.shown)),
            "distinct_names_bib": len(self.name_counts),
            "authors_per_paper_histogram": {str(k): hist[k] for k in sorted(hist)[:12]},
            "authors_per_paper_max": max(sizes),
            "papers_per_author_histogram": {str(k): ppa[k] for k in sorted(ppa)[:10]},
            "papers_per_author_max": max(papers_of),
            "rank_author": self.shown[rank_author],
            "rank_author_papers": papers_of[rank_author],
            "ego_author": self.shown[ego],
            "ego_author_papers": papers_of[ego],
            "path_from": self.shown[src],
            "path_to": self.shown[dst],
        }


def write_dtd(path):
    lines = ['<!-- entities of the synthetic corpus: the Latin-1 set that dblp.dtd declares -->']
    for cp in sorted(ENT):
        lines.append('<!ENTITY %s "&#%d;">' % (ENT[cp], cp))
    lines.append("<!ELEMENT dblp ANY>")
    data = "\n".join(lines) + "\n"
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="ascii", newline="\n") as f:
        f.write(data)
    os.replace(tmp, path)


# ---------------------------------------------------------------- listing
# The group model of --formats listing (see the top of this file).
LISTING_SYLLABLES = [c + v for c in "bcdfghjklmnprstvz" for v in "aeiou"]  # 85
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def listing_word(n, min_syllables=2):
    parts = []
    while n or len(parts) < min_syllables:
        parts.append(LISTING_SYLLABLES[n % len(LISTING_SYLLABLES)])
        n //= len(LISTING_SYLLABLES)
    return "".join(parts).capitalize()


def listing_name(i):
    # (i mod 997, i div 997) is unique for every i, so names are too
    return f"{listing_word(i % 997)} {listing_word(i // 997, 3)}"


def write_listing(out, n_authors, n_papers, group, outside, seed):
    rnd = random.Random(seed)
    n = n_authors
    # every author appears once in 'pool' at the start and once more per
    # paper, so a uniform draw from it is preferential attachment
    pool = list(range(n))
    out.write(f"{listing_name(0)}\n\nCL\n{n_papers}papers\n\n")
    for p in range(n_papers):
        lead = rnd.choice(pool)
        grp = lead // group
        k = 1 + min(int(rnd.expovariate(0.6)), 6)
        authors = [lead]
        while len(authors) < k + 1:
            if rnd.random() < outside:
                a = rnd.choice(pool)
            else:
                a = min(grp * group + rnd.randrange(group), n - 1)
            if a not in authors:
                authors.append(a)
        pool.extend(authors)
        year = 1990 + rnd.randrange(35)
        out.write(f"CL{MONTHS[rnd.randrange(12)]} {1 + rnd.randrange(28)}, {year}\n\n")
        out.write(f"Synthetic paper number {p + 1}\n\n")
        out.write(", ".join(listing_name(a) for a in authors) + "\n\n")
        out.write("No abstract.\n\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--papers", type=int, default=200000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--authors-ratio", type=float, default=None,
                    help="distinct authors per paper (default: 1.24 up to 200k papers, falling to 0.5 at 7M)")
    ap.add_argument("--formats", default="xml,bib",
                    help="comma-separated: xml, bib, scopus, wos; or listing alone")
    ap.add_argument("--gzip", action="store_true", help="write .xml.gz and .bib.gz instead")
    ap.add_argument("--years", default="1970-2024")
    ap.add_argument("--authors", type=int, default=150000, help="listing: the number of authors")
    ap.add_argument("--group", type=int, default=40, help="listing: the size of an author group")
    ap.add_argument("--outside", type=float, default=0.15,
                    help="listing: the share of coauthors from outside the group")
    ap.add_argument("-o", "--output", required=True,
                    help="output prefix (listing: PREFIX.txt, or - for the standard output)")
    args = ap.parse_args()
    if "listing" in args.formats.split(","):
        if args.formats != "listing":
            ap.error("--formats listing cannot be combined with other formats")
        if args.output == "-":
            write_listing(sys.stdout, args.authors, args.papers, args.group, args.outside, args.seed)
        else:
            d = os.path.dirname(os.path.abspath(args.output))
            os.makedirs(d, exist_ok=True)
            with open(args.output + ".txt", "w", encoding="utf-8", newline="\n") as f:
                write_listing(f, args.authors, args.papers, args.group, args.outside, args.seed)
        return
    if args.papers < 10:
        ap.error("--papers must be at least 10")
    y0, y1 = (int(x) for x in args.years.split("-"))
    formats = set(args.formats.split(","))
    d = os.path.dirname(os.path.abspath(args.output))
    os.makedirs(d, exist_ok=True)
    m = Model(args.papers, args.seed, args.authors_ratio, y0, y1)
    m.build()
    m.write(args.output, formats, args.gzip)
    if "xml" in formats:
        write_dtd(os.path.join(d, "dblp.dtd"))
    meta = m.summary(args.seed)
    meta["authors_ratio"] = round(m.authors_ratio, 4)
    with open(args.output + ".meta.json", "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("%s: %d papers, %d authors, %d authorships (%.2f per paper), giant component %d" % (
        args.output, meta["papers"], meta["authors"], meta["authorships"],
        meta["mean_authors_per_paper"], meta["giant_component_authors"]), file=sys.stderr)


if __name__ == "__main__":
    main()

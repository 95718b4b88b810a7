"""The 公文 look of the HTML page, as one stylesheet scoped to the article.

Fonts: the 公文 faces by their Windows, macOS and Linux names, ending in a generic family, so that
nothing is fetched from outside (a CMS page may not load web fonts). Sizes follow GB/T 9704 on a
desktop (3号 body, 2号 title) and shrink on a phone; tables scroll sideways inside their box
rather than widening the page; charts scale to the width.
"""

from __future__ import annotations

FANGSONG = '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif'
HEITI = '"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif'
KAITI = '"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif'
XIAOBIAOSONG = '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "宋体", "SimSun", "Noto Serif CJK SC", serif'
LATIN = '"Times New Roman", "Liberation Serif"'

CSS = f"""
.gongwen {{ max-width: 46em; margin: 0 auto; padding: 1.5em 1em 3em; box-sizing: border-box;
  font-family: {LATIN}, {FANGSONG}; font-size: 16pt; line-height: 1.8; color: #000;
  background: #fff; text-align: justify; overflow-wrap: anywhere; }}
.gongwen * {{ box-sizing: border-box; }}
.gongwen p {{ margin: 0; text-indent: 2em; }}
.gongwen p.plain, .gongwen p.center, .gongwen p.right {{ text-indent: 0; }}
.gongwen .center {{ text-align: center; }}
.gongwen .right {{ text-align: right; }}
.gongwen h1, .gongwen .title {{ font-family: {LATIN}, {XIAOBIAOSONG}; font-size: 22pt; font-weight: normal;
  text-align: center; line-height: 1.6; margin: 0.8em 0; text-indent: 0; }}
.gongwen h2 {{ font-family: {LATIN}, {HEITI}; font-size: 18pt; font-weight: normal; text-align: center;
  margin: 1.6em 0 0.8em; }}
.gongwen h3 {{ font-family: {LATIN}, {HEITI}; font-size: 16pt; font-weight: normal; margin: 0;
  text-indent: 2em; }}
.gongwen h4 {{ font-family: {LATIN}, {KAITI}; font-size: 16pt; font-weight: normal; margin: 0;
  text-indent: 2em; }}
.gongwen h5, .gongwen h6 {{ font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }}
.gongwen h2.annex-title {{ font-family: {LATIN}, {XIAOBIAOSONG}; font-size: 22pt; }}
.gongwen p.annex-label {{ font-family: {LATIN}, {HEITI}; text-indent: 0; margin-top: 1.6em; }}
.gongwen .cover {{ margin: 3em 0 4em; text-align: center; }}
.gongwen .cover p {{ text-indent: 0; text-align: center; }}
.gongwen nav {{ margin: 2em 0 3em; }}
.gongwen nav .toc-title {{ font-family: {LATIN}, {XIAOBIAOSONG}; font-size: 22pt; text-align: center; }}
.gongwen nav p {{ text-indent: 0; text-align: center; }}
.gongwen nav ul {{ list-style: none; margin: 0.5em 0 0; padding: 0; }}
.gongwen nav li {{ margin: 0; padding-left: 2em; text-indent: -2em; }}
.gongwen nav li.level-1 {{ font-family: {LATIN}, {HEITI}; }}
.gongwen nav li.level-2 {{ padding-left: 4em; }}
.gongwen nav li.level-3 {{ padding-left: 6em; }}
.gongwen nav a {{ color: inherit; text-decoration: none; }}
.gongwen .table {{ margin: 1.2em 0; }}
.gongwen .table-title {{ font-family: {LATIN}, {HEITI}; text-align: center; text-indent: 0; }}
.gongwen .table-number {{ font-size: 12pt; text-indent: 0; text-align: right; }}
.gongwen .table-meta {{ display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 1em;
  font-size: 12pt; text-indent: 0; }}
.gongwen .table-meta span:only-child {{ margin-left: auto; }}
.gongwen .table-scroll {{ max-width: 100%; overflow-x: auto; }}
.gongwen table {{ border-collapse: collapse; margin: 0 auto; font-size: 10.5pt; line-height: 1.4;
  text-align: left; }}
.gongwen th, .gongwen td {{ border: 1px solid #000; padding: 0.2em 0.35em; vertical-align: middle;
  min-width: 3.5em; }}
.gongwen th {{ font-weight: bold; text-align: center; }}
.gongwen td.right {{ text-align: right; }}
.gongwen td.center {{ text-align: center; }}
.gongwen td.nowrap {{ white-space: nowrap; }}
.gongwen td.strong {{ font-weight: bold; }}
.gongwen .table-note {{ font-size: 12pt; text-indent: 0; }}
.gongwen .items span {{ white-space: nowrap; }}
.gongwen figure {{ margin: 1em 0; text-align: center; }}
.gongwen figure svg {{ width: 100%; max-width: 600px; height: auto; }}
.gongwen figcaption {{ font-family: {LATIN}, {HEITI}; font-size: 14pt; text-align: center; }}
@media (max-width: 600px) {{
  .gongwen {{ font-size: 13pt; padding: 1em 0.75em 2em; }}
  .gongwen h1, .gongwen .title, .gongwen nav .toc-title, .gongwen h2.annex-title {{ font-size: 17pt; }}
  .gongwen h2 {{ font-size: 15pt; }}
  .gongwen h3, .gongwen h4, .gongwen h5, .gongwen h6 {{ font-size: 13pt; }}
  .gongwen table {{ font-size: 9pt; }}
  .gongwen .table-meta, .gongwen .table-note {{ font-size: 10pt; }}
  .gongwen figcaption {{ font-size: 12pt; }}
}}
@media print {{
  .gongwen {{ max-width: none; padding: 0; }}
  .gongwen .table-scroll {{ overflow: visible; }}
}}
"""

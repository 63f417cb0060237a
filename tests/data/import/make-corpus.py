#!/usr/bin/env python3
"""Writes the hostile import corpus (issue 14). Run from this directory; the files are committed.
tests/tst_importcorpus.cpp runs every file through both importers and asserts what is stored."""
import zipfile

COLS = ["record_type", "branch_code", "staff_id", "staff_name", "staff_role", "customer_no", "name", "gender",
        "birth_date", "phone", "id_number", "address", "occupation", "employer", "payroll", "credit_card_active",
        "loan_start_date", "corporate_executive", "mb_logins_90d", "txn_90d", "last_activity", "opened_on",
        "rm_id", "aum_fen", "aum_mtd_avg_fen", "aum_hist_end", "aum_hist", "contribution_fen",
        "settlement_products", "service_events_12m", "referral_links", "holding_id", "product_type",
        "product_name", "amount_fen", "open_date", "maturity_date", "status"]


def check(first17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * k for c, k in zip(first17, w)) % 11]


def idn(region, birth, seq):
    s = region + birth + seq
    return s + check(s)


def row(**kv):
    return [kv.get(c, "") for c in COLS]


def csvline(cells):
    out = []
    for c in cells:
        if any(x in c for x in ',"\n\r'):
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return ",".join(out)


STAFF = [row(record_type="staff", branch_code="T001", staff_id="RM01", staff_name="张敏", staff_role="rm"),
         row(record_type="staff", branch_code="T001", staff_id="MGR1", staff_name="王芳", staff_role="manager")]


def customer(no, name, gender, birth, phone, id_number, address, aum, rm="RM01", opened="2015-06-01", hist=None):
    return row(record_type="customer", branch_code="T001", customer_no=no, name=name, gender=gender,
               birth_date=birth, phone=phone, id_number=id_number, address=address, payroll="0",
               credit_card_active="0", corporate_executive="0", mb_logins_90d="3", txn_90d="12",
               last_activity="2026-11-01", opened_on=opened, rm_id=rm, aum_fen=aum, aum_mtd_avg_fen=aum,
               aum_hist_end="2026-10", aum_hist=";".join([hist or aum] * 12), contribution_fen="0",
               settlement_products="1", service_events_12m="0", referral_links="0")


def holding(hid, no, ptype, pname, amount, opened, matures):
    return row(record_type="holding", branch_code="T001", customer_no=no, holding_id=hid, product_type=ptype,
               product_name=pname, amount_fen=amount, open_date=opened, maturity_date=matures, status="active")


CUSTOMERS = [
    customer("C001", "张三", "M", "1980-05-17", "13812345678", idn("110105", "19800517", "001"), "北京市朝阳区建国路1号", "76875000"),
    customer("C002", "李四", "F", "1975-03-02", "13900001111", idn("310104", "19750302", "002"), "上海市徐汇区漕溪路2号", "5200000"),
    customer("C003", "王五", "M", "1990-12-31", "", "", "广州市天河区体育西路3号", "120000"),
    customer("C004", "赵六", "F", "1988-08-08", "02087654321", idn("440106", "19880808", "024"), "", "61200000", rm="MGR1"),
    customer("C005", "孙七", "M", "1965-01-20", "13700002222", idn("320102", "19650120", "013"), "南京市玄武区中山路5号", "0", rm=""),
]
HOLDINGS = [
    holding("H001", "C001", "time_deposit", "三年期定期存款", "50000000", "2023-12-01", "2026-12-01"),
    holding("H002", "C004", "wealth", "稳健理财181天", "30000000", "2026-06-10", "2026-12-08"),
]
BASE = [COLS] + STAFF + CUSTOMERS + HOLDINGS


def write(name, lines, encoding="utf-8", newline="\n", bom=False, tail=""):
    data = newline.join(lines) + newline + tail
    raw = data.encode(encoding)
    if bom:
        raw = b"\xef\xbb\xbf" + raw
    with open(name, "wb") as f:
        f.write(raw)


base_lines = [csvline(r) for r in BASE]
write("extract-base.csv", base_lines)
write("extract-gbk.csv", base_lines, encoding="gb18030", newline="\r\n")
write("extract-bom-crlf.csv", base_lines, newline="\r\n", bom=True)
write("extract-header-only.csv", base_lines[:1])
open("extract-empty.csv", "wb").close()
# Cut mid-row: the transfer stopped inside the last holding's amount (30000000 -> 300).
cut = "\n".join(base_lines)
cut = cut[: cut.rindex("30000000") + 3]
with open("extract-cut-midrow.csv", "wb") as f:
    f.write(cut.encode("utf-8"))
# Cut at a line end: only the first two customers arrived.
write("extract-cut-lineend.csv", base_lines[:1 + 2 + 2])

# Reordered columns and an unknown one, trailing blank and comma-only lines.
order = list(reversed(range(len(COLS))))
reordered = [[r[i] for i in order] + [x] for r, x in zip(BASE, ["remark"] + ["备注"] * (len(BASE) - 1))]
write("extract-reordered.csv", [csvline(r) for r in reordered], tail="," * 38 + "\n\n")

# Hostile values: one bad row of each kind among good ones.
hostile = [COLS] + STAFF + CUSTOMERS[:2]
c = customer("C006", "周八", "F", "", "+86 138-0013-8000", idn("110105", "19491231", "002")[:6] + "491231002", "天津市和平区", "¥5,000", hist="500000")
hostile.append(c)                                                                    # line 6: 15-digit ID, +86 phone, ¥ amount
hostile.append(customer("C007", "吴九", "M", "", "13812345678", "110105194912310021", "", "100"))  # line 7: check digit
hostile.append(customer("C008", "郑十", "M", "", "1381234567x", "", "", "100"))          # line 8: bad phone
hostile.append(customer("C001", "张三", "M", "1980-05-17", "", "", "", "100"))           # line 9: duplicate
hostile_lines = [csvline(r) for r in hostile]
hostile_lines.append("," * 37)                                                        # line 10: comma-only
stray = customer("C009", "钱一", "F", "", "", "", "PLACEHOLDER", "100")
stray_line = csvline(stray).replace("PLACEHOLDER", '"和平路"9号')                        # line 11: stray quote
hostile_lines.append(stray_line)
hostile_lines.append(csvline(customer("C010", "陈二", "F", "1992-02-29", "", "", "", "1,234", hist="1234")))  # line 12: fen with separator
hostile_lines.append(csvline(customer("C011", "林三", "M", "2026-02-30", "", "", "", "100")))     # line 13: bad date
hostile_lines.append(csvline(holding("H003", "C002", "insurance", "终身寿险", "5,000元", "2016-01-05", "2026-12-30")))  # line 14
write("extract-hostile.csv", hostile_lines, tail="\n")

# A branch's own customer list, as Excel on Chinese Windows saves it: GBK, a title, amounts and dates
# in every spelling.
cl = ["某某银行城东支行 客户清单,,,,,,",
      "制表日期：2026-11-20,,,,,,",
      "客户号,姓名,身份证号码,手机号码,金融资产（元）,开户日期,备注",
      "600001,张三,%s,13812345678,\"¥5,000\",2020/3/1,VIP" % idn("110105", "19800517", "001"),
      "600002,李四,,139 0000 1111,\"5,000元\",2020年3月1日,",
      "600003,王五,,,\"1,234.50\",20200301,",
      "600004,赵六,,,12.5万,2020-03-01,",
      "600005,孙七,,,\"1,23\",2020-03-01,",
      "600006,周八,,,100,45000,",
      "600007,吴九,%s,,100,2020-03-01," % (idn("110105", "19491231", "002")[:6] + "491231002"),
      "600008,郑十,,,\"768,750\",2020-03-01",
      ",,,,,,",
      ""]
with open("customers-gbk-title.csv", "wb") as f:
    f.write("\r\n".join(cl).encode("gb18030"))

# A maturity list (定期/理财/保险 到期清单) for the base customers.
ml = ["客户号,产品名称,产品类型,金额,起息日,到期日",
      "C001,三年期定期存款,定期,\"500,000.00\",2023-12-01,2026-12-01",
      "C002,稳健理财181天,理财,52万,2026/6/10,2026/12/8",
      "C004,终身寿险,保险,\"¥80,000\",2016年1月5日,2026年12月30日",
      "C999,三年期定期存款,定期,1000,2023-12-01,2026-12-01",
      "C005,大额存单,,200000,2023-12-01,",
      ""]
with open("maturity-list.csv", "wb") as f:
    f.write("\n".join(ml).encode("utf-8"))


# .xlsx: a merged title row above the header, numbers stored as text and as numbers, dates as serials.
def cellref(ci, ri):
    s = ""
    ci += 1
    while ci:
        ci, r = divmod(ci - 1, 26)
        s = chr(65 + r) + s
    return "%s%d" % (s, ri)


def serial(iso):
    import datetime
    y, m, d = map(int, iso.split("-"))
    return str((datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


rows_xml = ['<row r="1"><c r="A1" t="inlineStr"><is><t>城东支行 核心系统导出</t></is></c></row>']
date_cols = {"birth_date", "last_activity", "opened_on", "open_date", "maturity_date"}
num_cols = {"aum_fen", "aum_mtd_avg_fen", "amount_fen"}
for ri, r in enumerate(BASE, start=2):
    cells = []
    for ci, v in enumerate(r):
        if v == "":
            continue
        ref = cellref(ci, ri)
        if ri > 2 and COLS[ci] in date_cols:
            cells.append('<c r="%s"><v>%s</v></c>' % (ref, serial(v)))
        elif ri > 2 and COLS[ci] in num_cols:
            cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
        else:
            cells.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, xml_escape(v)))
    rows_xml.append('<row r="%d">%s</row>' % (ri, "".join(cells)))
sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData>'
         '<mergeCells count="1"><mergeCell ref="A1:AL1"/></mergeCells></worksheet>') % "".join(rows_xml)
class FixedZip(zipfile.ZipFile):
    def writestr(self, name, data):  # a fixed time stamp: the same bytes on every run
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(info, data)


with FixedZip("extract-title.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml",
               '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
               '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
               '</Types>')
    z.writestr("_rels/.rels",
               '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
               '</Relationships>')
    z.writestr("xl/workbook.xml",
               '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
               '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels",
               '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
               '</Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", sheet)

# The same five customers as a branch's own list (no HQ): the start of a file-only branch,
# whose maturities then come from maturity-list.csv.
bl = ["客户号,姓名,金融资产（元）,客户经理",
      "C001,张三,\"768,750.00\",RM01",
      "C002,李四,\"52,000\",RM01",
      "C003,王五,1200,RM01",
      "C004,赵六,61.2万,RM02",
      "C005,孙七,0,",
      ""]
with open("customers-branch.csv", "wb") as f:
    f.write("\n".join(bl).encode("utf-8"))

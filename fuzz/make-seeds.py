#!/usr/bin/env python3
"""Writes the seed corpora in fuzz/corpus/<target>/ (small, hand-made, no real data).

Run again after changing a format; libFuzzer grows its own corpus from these in the
build dir, never in the repository. Standard library only: a tiny CBOR encoder below."""
import hashlib, json, os, struct, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def cbor(v):
    def head(major, n):
        if n < 24:
            return bytes([major << 5 | n])
        for code, fmt in ((24, '>B'), (25, '>H'), (26, '>I'), (27, '>Q')):
            if n < 1 << (8 * struct.calcsize(fmt)):
                return bytes([major << 5 | code]) + struct.pack(fmt, n)
    if v is None:
        return b'\xf6'
    if v is True:
        return b'\xf5'
    if v is False:
        return b'\xf4'
    if isinstance(v, int):
        return head(0, v) if v >= 0 else head(1, -1 - v)
    if isinstance(v, float):
        return b'\xfb' + struct.pack('>d', v)
    if isinstance(v, bytes):
        return head(2, len(v)) + v
    if isinstance(v, str):
        b = v.encode()
        return head(3, len(b)) + b
    if isinstance(v, list):
        return head(4, len(v)) + b''.join(cbor(x) for x in v)
    if isinstance(v, dict):
        return head(5, len(v)) + b''.join(cbor(k) + cbor(x) for k, x in v.items())
    raise TypeError(v)


def write(target, name, data):
    d = os.path.join(HERE, 'corpus', target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode())


HEADER = ('record_type,branch_code,staff_id,staff_name,staff_role,customer_no,name,gender,birth_date,phone,'
          'id_number,address,occupation,employer,payroll,credit_card_active,loan_start_date,corporate_executive,'
          'mb_logins_90d,txn_90d,last_activity,opened_on,rm_id,aum_fen,aum_mtd_avg_fen,aum_hist_end,aum_hist,'
          'contribution_fen,settlement_products,service_events_12m,referral_links,holding_id,product_type,'
          'product_name,amount_fen,open_date,maturity_date,status')
STAFF = 'staff,FZ001,RM01,测试经理,rm' + ',' * 33
CUSTOMER = ('customer,FZ001,,,,C0001,测试甲,F,1980-02-29,13800000000,110101198002290000,"测试路1号, 2单元",'
            'teacher,"某""学校""",1,0,,0,12,30,2026-11-01,2010-05-06,RM01,5000000,4800000,2026-10,'
            '100;200;300;400;500;600;700;800;900;1000;1100;1200,12000,3,2,1,,,,,,,')
HOLDING = 'holding,FZ001,,,,C0001' + ',' * 26 + 'H0001,time_deposit,三年定期,1000000,2023-11-30,2026-11-30,active'


def seeds_extractcsv():
    write('fuzz_extractcsv', 'valid.csv', '\n'.join([HEADER, STAFF, CUSTOMER, HOLDING]) + '\n')
    write('fuzz_extractcsv', 'bom-crlf.csv', '\ufeff' + '\r\n'.join([HEADER, CUSTOMER]) + '\r\n')
    write('fuzz_extractcsv', 'bad-date.csv', '\n'.join([HEADER, CUSTOMER.replace('1980-02-29', '1981-02-29')]))
    write('fuzz_extractcsv', 'open-quote.csv', HEADER + '\ncustomer,"FZ001\n')
    write('fuzz_extractcsv', 'multiline.csv', 'a,b\n"line\none","x""y"\n,\n')


def record(e, i, s, payload=None, deleted=False):
    r = {'e': e, 'i': i, 's': s, 'd': deleted}
    if not deleted:
        r['p'] = payload
    return r


RECORDS = [
    record('staff', 'RM01', 1, {'staff_id': 'RM01', 'name': '测试经理', 'role': 'rm'}),
    record('customer', 'C0001', 2, {'customer_no': 'C0001', 'name': '测试甲', 'gender': 'F', 'phone': '13800000000',
                                    'aum_fen': 5000000, 'aum_hist': '1;2;3', 'rm_id': 'RM01', 'payroll': 1}),
    record('holding', 'H0001', 3, {'holding_id': 'H0001', 'customer_no': 'C0001', 'product_type': 'time_deposit',
                                   'amount_fen': 1000000, 'maturity_date': '2026-11-30', 'status': 'active'}),
    record('contact', 'c0ffee00-0000-4000-8000-000000000001', 4,
           {'contact_id': 'c0ffee00-0000-4000-8000-000000000001', 'customer_no': 'C0001', 'staff_id': 'RM01',
            'channel': 'phone', 'outcome': 'reached', 'contacted_at': '2026-11-23T09:00:00+08:00'}),
    record('note', 'n1', 5, {'note_id': 'n1', 'customer_no': 'C0001', 'body': '备注', 'author_id': 'RM01'}),
    record('customer', 'C0002', 6, deleted=True),
    record('from_a_newer_hq', 'x', 7, {'x': None}),
]


def page(records_bytes, after=0, nxt=7, more=False):
    return cbor({'v': 1, 'after': after, 'next': nxt, 'has_more': more, 'full_resync': False,
                 'records': records_bytes, 'checksum': hashlib.sha256(records_bytes).digest()})


def seeds_syncpage():
    recs = cbor(RECORDS)
    write('fuzz_syncpage', 'page', b'\x00' + page(recs))
    write('fuzz_syncpage', 'page-empty', b'\x00' + page(cbor([]), 7, 7))
    write('fuzz_syncpage', 'page-bad-checksum', b'\x00' + page(recs)[:-1] + b'\x00')
    write('fuzz_syncpage', 'records', b'\x01' + recs)
    write('fuzz_syncpage', 'records-big-number', b'\x01' + cbor([record('customer', 'C9', 1, {'aum_fen': 1e300})]))
    write('fuzz_syncpage', 'records-indefinite', b'\x01\x9f' + cbor(RECORDS[0]) + b'\xff')
    write('fuzz_syncpage', 'deflated', b'\x02' + zlib.compress(page(recs), 1))


def seeds_holidaycalendar():
    src = os.path.join(HERE, '..', 'resources', 'holidays', '2025.json')
    with open(src, 'rb') as f:
        write('fuzz_holidaycalendar', '2025.json', f.read())
    write('fuzz_holidaycalendar', 'small.json', json.dumps(
        {'year': 2026, 'days': [{'name': '国庆节', 'date': '2026-10-01', 'isOffDay': True},
                                {'name': '国庆节', 'date': '2026-10-10', 'isOffDay': False}]}, ensure_ascii=False))
    write('fuzz_holidaycalendar', 'all-off.json', json.dumps(
        {'year': 2027, 'days': [{'date': '2027-01-%02d' % d, 'isOffDay': True} for d in range(1, 32)]}))
    write('fuzz_holidaycalendar', 'bad.json', '{"year": 2025, "days": [{"date": "2025-02-30", "isOffDay": "yes"}]}')


def seeds_hqrequest():
    login = {'branch': 'FZ001', 'staff_id': 'RM01', 'password': 'fuzz-password', 'device': 'dev-1'}
    push = {'v': 1, 'schema': 5, 'device': 'dev-1', 'records': cbor(RECORDS[3:5])}
    push_json = {'schema': 5, 'device': 'dev-1', 'records': [
        {'entity': 'contact', 'id': 'c1', 'seq': 1, 'deleted': False, 'data': {'customer_no': 'C0001'}}]}
    # mode byte: 1 = deflate, 2 = JSON, 4 = login
    write('fuzz_hqrequest', 'login-cbor', b'\x04' + cbor(login))
    write('fuzz_hqrequest', 'login-json', b'\x06' + json.dumps(login).encode())
    write('fuzz_hqrequest', 'login-deflate', b'\x05' + zlib.compress(cbor(login)))
    write('fuzz_hqrequest', 'push-cbor', b'\x00' + cbor(push))
    write('fuzz_hqrequest', 'push-json', b'\x02' + json.dumps(push_json).encode())
    write('fuzz_hqrequest', 'push-deflate', b'\x01' + zlib.compress(cbor(push)))
    write('fuzz_hqrequest', 'push-json-huge-seq', b'\x02' + json.dumps(
        {'device': 'd', 'records': [{'entity': 'contact', 'id': 'c', 'seq': 1e300}]}).encode())
    # found by the fuzzer: a double far outside qint64 where an integer belongs
    write('fuzz_hqrequest', 'push-schema-huge-double', b'\x00' + cbor(
        {'v': 1, 'schema': -2.31677e54, 'device': 'd', 'records': cbor([])}))
    write('fuzz_hqrequest', 'bomb', b'\x01' + zlib.compress(b'\x00' * (4 << 20), 9))


if __name__ == '__main__':
    seeds_extractcsv()
    seeds_syncpage()
    seeds_holidaycalendar()
    seeds_hqrequest()
    print('seeds written under', os.path.join(HERE, 'corpus'), file=sys.stderr)

"""Demo data of the living-lab pipeline: agencies' needs, two calls (one open now, one
closed last autumn) and a dozen proposals from six organisations at every status.

Written for the demo in the style of real city needs and startup proposals; no text
comes from any real document. Loading twice changes nothing: the calls are looked up
by title and, when present, nothing is added.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from livinglab.meetings.models import Body
from livinglab.needs.models import Call, Domain, Need
from livinglab.needs.services import default_rubric
from livinglab.orgs.models import Membership, Organisation
from livinglab.proposals.models import Proposal, ProposalEvent, ProposerOrganisation

BODY = "臺北市智慧城市推動委員會"
OPEN_CALL = "115年度第一期智慧城市實證場域徵案"
CLOSED_CALL = "114年度第二期智慧城市實證場域徵案"

# key: (title, agency, domain, tags, problem, figures, sites offered, contact)
NEEDS = {
    "junctions": (
        "尖峰時段幹道路口回堵的即時調控",
        "臺北市政府交通局",
        "transport",
        ["traffic", "carbon"],
        "科學園區周邊新進駐的企業帶來集中的通勤車流，幾條南北向幹道的路口在上下班時段"
        "反覆回堵，固定時制的號誌追不上車流的變化。希望有方案能依即時車流調整週期與綠燈"
        "分配，並且讓交控中心看得到每個路口的排隊長度。",
        "晨峰 7:30–9:00 主要路口平均需等 3 個週期才能通過；單一路口尖峰小時約 4,800 車次；"
        "市民相關陳情去年 1,130 件。",
        "園區周邊 12 處號誌化路口（可配合加裝設備）；交控中心號誌資料介接。",
        ("林股長", "traffic-lab@example.gov.tw"),
    ),
    "elders": (
        "獨居長者居家異常的及早發現",
        "臺北市政府社會局",
        "health",
        ["ageing"],
        "列冊關懷的獨居長者逐年增加，關懷員人力有限，多半靠每週電話問安。跌倒或身體不適"
        "往往隔天甚至數天後才被發現。希望以不侵犯隱私（不裝攝影機）的方式，及早察覺作息"
        "異常並通知關懷員。",
        "列冊獨居長者約 1.1 萬人；關懷員平均每人負責 85 戶；去年延遲發現的事件 42 件。",
        "兩個行政區的關懷據點，可招募 60 戶自願參與的長者家庭。",
        ("黃社工督導", "elder-care@example.gov.tw"),
    ),
    "housing_power": (
        "社會住宅公共區域用電的尖峰削減",
        "臺北市政府都市發展局",
        "housing",
        ["carbon"],
        "社會住宅的公共區域（梯廳、停車場、抽風與揚水設備）用電占全棟三成以上，夏季尖峰"
        "契約容量常常超約。希望能在不影響住戶安全與舒適的前提下，調度公共設備並結合儲能，"
        "降低尖峰需量。",
        "單一基地夏季尖峰需量約 620 kW，去年超約附加費約新臺幣 38 萬元；公共照明全年約41 萬度。",
        "三處已完工社宅基地的機電空間與智慧電表資料。",
        ("周工程司", "housing-energy@example.gov.tw"),
    ),
    "classrooms": (
        "教室二氧化碳濃度與通風的即時提醒",
        "臺北市政府教育局",
        "education",
        ["carbon"],
        "冬季與冷氣季節教室門窗常關閉，下午的課堂二氧化碳濃度偏高，學生容易疲倦。學校"
        "缺少便宜可靠的量測與提醒方式，也無法判斷開窗換氣與空調耗電之間的取捨。",
        "試測 20 間教室，午後 CO₂ 平均 1,900 ppm，最高超過 3,000 ppm；全市國中小教室約1.2 萬間。",
        "五所自願學校（國小三所、國中兩所）。",
        ("鄭專員", "school-air@example.gov.tw"),
    ),
    "market_pay": (
        "傳統市場攤商的行動支付與日結對帳",
        "臺北市政府產業發展局",
        "payments",
        [],
        "公有市場攤商多以現金交易，年輕顧客與觀光客常因無法刷碼而放棄購買。攤商擔心"
        "手續費與對帳麻煩。希望有低成本、一台手機就能收款並自動產生日結報表的方式，也能"
        "讓市場管理處掌握整體交易趨勢（不含個別攤商明細）。",
        "轄管公有市場 40 處、攤商約 3,600 攤；抽樣調查僅 18% 攤商提供行動支付。",
        "兩處公有市場（一處傳統、一處改建完成）。",
        ("陳科員", "market-pay@example.gov.tw"),
    ),
    "av_shuttle": (
        "公車專用道夜間自駕接駁的安全營運",
        "臺北市政府交通局",
        "transport",
        ["traffic"],
        "深夜公車班距拉長，園區加班人員與夜歸市民等車時間長。希望評估在公車專用道的"
        "封閉時段試行自駕小巴，並建立遠端監控、緊急接管與事故通報的作業方式。",
        "23:00 後相關路線平均班距 28 分鐘；園區夜間離場人數估計每晚 900 人。",
        "公車專用道一段約 2.4 公里（夜間可封閉）；端點轉運站停車空間。",
        ("林股長", "traffic-lab@example.gov.tw"),
    ),
    "clinic_queue": (
        "市立醫院門診候診動線與叫號的整合",
        "臺北市政府衛生局",
        "health",
        ["ageing"],
        "門診候診區擁擠，長者常聽不清叫號、看不懂分散各處的看板，往返批價、領藥與檢查"
        "的動線也不清楚。希望整合叫號、看板與手機通知，讓病人少等、少走冤枉路。",
        "一家院區門診日均 4,200 人次，六成五為 65 歲以上；平均候診 52 分鐘。",
        "一家市立醫院院區的門診大樓一至三樓。",
        ("許護理長", "clinic-flow@example.gov.tw"),
    ),
    "compute": (
        "園區新創取得算力的媒合與排程",
        "臺北市政府產業發展局",
        "ecosystem",
        [],
        "市府規劃提供算力點數補助給解決城市問題的新創，但團隊需要的算力規模與時段差異"
        "很大。希望有一套申請、排程與用量回報的機制，讓點數用在刀口上，也能看出哪些"
        "城市問題因此有了進展。",
        "預估首年申請團隊 80 隊；單隊需求從 200 到 20,000 GPU 小時不等。",
        "園區內的育成空間與合作雲端業者的資源。",
        ("陳科員", "startup-compute@example.gov.tw"),
    ),
}
# A need still being written: only its agency and the secretariat see it.
DRAFT_NEED = (
    "河濱公園夜間照明的分時調光",
    "臺北市政府工務局",
    "housing",
    ["carbon"],
    "河濱公園深夜人流稀少但照明全亮，希望依人流調光並兼顧安全感。（草稿，數據待補）",
)

# (name, short name, kind, contact person's user name and full name)
ORGANISATIONS = [
    ("晨曦智慧感測股份有限公司", "晨曦感測", "company", None),
    ("澄波數據有限公司", "澄波數據", "startup", ("chengbo", "蔡執行長")),
    ("北城科技大學", "北城科大", "school", ("beicheng", "劉教授")),
    ("銀光長照科技協會", "銀光協會", "association", ("yinguang", "何理事長")),
    ("綠籬能源股份有限公司", "綠籬能源", "company", ("lvli", "馬經理")),
    ("微步支付股份有限公司", "微步支付", "startup", ("weibu", "江產品長")),
]

# (call, need key or None, organisation, title, status, fields, reason of the decision)
PROPOSALS = [
    (
        "open",
        "junctions",
        "晨曦智慧感測股份有限公司",
        "路口邊緣運算排隊長度偵測與號誌連動",
        Proposal.Status.SUBMITTED,
        {
            "summary": "在路口既有桿件加裝邊緣運算盒，以影像即時估算各車道排隊長度，"
            "每分鐘回傳交控中心並提供號誌調整建議。影像不出路口、不留存。",
            "solution": "每處路口一組雙鏡頭與運算盒，模型於路口端計算排隊車長與轉向比例；"
            "交控中心端提供週期與時比建議，先以人工確認後下達，第二階段再試自動調整。",
            "team": "影像辨識工程師 3 名、交通工程顧問 1 名、專案經理 1 名；曾於兩處縣市停車場"
            "完成車位偵測建置。",
            "trl": 6,
            "site_wanted": "園區周邊 12 處路口中車流最大的 6 處。",
            "period_months": 6,
            "budget": 2_400_000,
            "funding": "自籌六成，其餘申請經濟部地方型產業補助",
            "credits_requested": 1_500,
            "expected_kpis": "晨峰路口平均停等週期由 3 降至 2 以下；路口延滯減少 15%；"
            "排隊長度估算誤差小於 10%。",
            "domain": "transport",
        },
        "",
    ),
    (
        "open",
        "housing_power",
        "晨曦智慧感測股份有限公司",
        "社宅梯廳與停車場的人流感應調光",
        Proposal.Status.DRAFT,
        {
            "summary": "以毫米波人流感測取代定時照明，無人時調降至安全照度。",
            "solution": "（撰寫中）",
            "trl": 5,
            "domain": "housing",
        },
        "",
    ),
    (
        "open",
        "junctions",
        "澄波數據有限公司",
        "以強化學習最佳化的幹道號誌時制",
        Proposal.Status.SUBMITTED,
        {
            "summary": "用交控中心既有的車輛偵測器資料訓練號誌時制模型，在模擬環境驗證後"
            "逐步上線，不需新增路口硬體。",
            "solution": "建立幹道數位分身，以歷史車流訓練強化學習代理人；上線前於模擬中"
            "比對現行時制，上線後保留一鍵回復既有時制。",
            "team": "資料科學家 4 名，其中 2 名具交通模擬經驗；顧問為大學運輸系教授。",
            "trl": 4,
            "site_wanted": "連續 4 處號誌化路口組成的一段幹道。",
            "period_months": 9,
            "budget": 1_600_000,
            "funding": "申請市府算力點數，人事費自籌",
            "credits_requested": 8_000,
            "expected_kpis": "幹道旅行時間減少 10%；停等次數減少 20%。",
            "domain": "transport",
        },
        "",
    ),
    (
        "open",
        "classrooms",
        "北城科技大學",
        "教室空氣品質看板與換氣提醒",
        Proposal.Status.SUBMITTED,
        {
            "summary": "每間教室一個低價 CO₂ 與溫溼度感測器，以教室前方小看板顯示燈號，"
            "濃度偏高時提醒老師開窗或開啟換氣扇。",
            "solution": "感測器以校園 Wi-Fi 回傳，資料存放於學校端；教師可在平板查看各節課"
            "趨勢，學期末提供換氣與空調用電的比較報告。",
            "team": "環境工程系教師 2 名、研究生 4 名；由學校教務處協助排課配合。",
            "trl": 7,
            "site_wanted": "五所自願學校各 10 間教室。",
            "period_months": 10,
            "budget": 850_000,
            "funding": "學校研發經費與教育局配合款",
            "credits_requested": 0,
            "expected_kpis": "午後超過 1,500 ppm 的時數減少一半；教師問卷滿意度 4 分以上（5 分量表）。",
            "domain": "education",
        },
        "",
    ),
    (
        "open",
        "elders",
        "銀光長照科技協會",
        "以智慧電表作息判讀的獨居長者關懷",
        Proposal.Status.SUBMITTED,
        {
            "summary": "不裝攝影機，改以住家電表與門窗感應的作息變化判讀異常，自動通知"
            "關懷員先電話問安，必要時到府。",
            "solution": "每戶安裝插座型電力感測與門磁，系統學習每戶平日作息；早上未出現"
            "用電或長時間無活動即發出提醒，關懷員以手機回報處理結果。",
            "team": "社工師 2 名、物聯網工程師 2 名；協會已服務 300 戶長者家庭。",
            "trl": 6,
            "site_wanted": "兩個行政區關懷據點的 60 戶自願家庭。",
            "period_months": 12,
            "budget": 1_200_000,
            "funding": "協會募款四成，其餘申請衛福部長照創新補助",
            "credits_requested": 300,
            "expected_kpis": "異常事件平均發現時間由 30 小時縮短至 4 小時以內；誤報率低於每戶每月 1 次。",
            "domain": "health",
        },
        "",
    ),
    (
        "open",
        "market_pay",
        "微步支付股份有限公司",
        "攤商一機收款與自動日結",
        Proposal.Status.DRAFT,
        {
            "summary": "攤商以一支手機顯示收款碼，收款即時語音播報，每日自動產生日結報表。",
            "trl": 8,
            "domain": "payments",
        },
        "",
    ),
    (
        "open",
        "housing_power",
        "綠籬能源股份有限公司",
        "社宅公共設備需量調度結合儲能",
        Proposal.Status.SUBMITTED,
        {
            "summary": "在社宅機電空間設置 200 kWh 儲能，搭配揚水與抽風設備的排程，在尖峰"
            "時段放電並延後非必要負載。",
            "solution": "能源管理系統讀取智慧電表，預測隔日尖峰；儲能與設備排程由系統自動"
            "執行，並保留消防與安全設備的最高優先。",
            "team": "電機技師 2 名、軟體工程師 3 名；已完成兩處商辦大樓的需量管理。",
            "trl": 7,
            "site_wanted": "一處已完工社宅基地的機電空間。",
            "period_months": 12,
            "budget": 5_600_000,
            "funding": "以節省電費分潤回收設備成本（能源服務模式）",
            "credits_requested": 0,
            "expected_kpis": "夏季尖峰需量降低 18%；全年不超約；公共用電降低 8%。",
            "domain": "housing",
        },
        "",
    ),
    (
        "open",
        None,
        "澄波數據有限公司",
        "市府開放資料的即時 API 閘道",
        Proposal.Status.WITHDRAWN,
        {
            "summary": "把分散的開放資料整理成有版本、有用量統計的即時 API。",
            "solution": "以閘道統一認證與流量控管。",
            "team": "後端工程師 2 名。",
            "trl": 6,
            "period_months": 4,
            "budget": 400_000,
            "funding": "自籌",
            "expected_kpis": "開放資料 API 月呼叫量成長一倍。",
            "domain": "ecosystem",
        },
        "資訊局已有相近規劃，改與資訊局直接洽談。",
    ),
    (
        "closed",
        "clinic_queue",
        "晨曦智慧感測股份有限公司",
        "門診候診人流看板與手機叫號",
        Proposal.Status.ACCEPTED,
        {
            "summary": "以候診區人流感測推估各診間等候時間，大字看板與手機通知同步叫號，"
            "並提示下一站（批價、檢查、領藥）的位置。",
            "solution": "整合醫院既有叫號系統；看板使用高對比大字，手機通知支援家屬代收。",
            "team": "工程師 4 名、醫療資訊顧問 1 名。",
            "trl": 7,
            "site_wanted": "一家市立醫院院區的門診一至三樓。",
            "period_months": 8,
            "budget": 1_900_000,
            "funding": "自籌與衛生局實證經費各半",
            "credits_requested": 200,
            "expected_kpis": "平均候診時間縮短 15%；長者找不到診間的詢問減少 40%。",
            "domain": "health",
        },
        "符合三項前提；四項要素中規模化與可輸出性評分最高。請於一個月內與衛生局確認場域與資料介接。",
    ),
    (
        "closed",
        "compute",
        "北城科技大學",
        "新創算力申請、排程與用量回報平台",
        Proposal.Status.REVISE,
        {
            "summary": "以排程系統分配算力點數，依申請題目對應的城市問題排優先順序。",
            "solution": "申請表、排程器與用量儀表板三部分，結果每月公開。",
            "team": "資工系教師 1 名、研究生 3 名。",
            "trl": 4,
            "site_wanted": "園區育成空間。",
            "period_months": 12,
            "budget": 2_200_000,
            "funding": "產業發展局委辦",
            "credits_requested": 1_000,
            "expected_kpis": "點數使用率 85% 以上；每季回報各團隊解決問題的進度。",
            "domain": "ecosystem",
        },
        "方向可行，但請補充：一、與雲端業者既有排程系統的差異；二、點數濫用的防範；三、"
        "第二年後的維運經費來源。",
    ),
    (
        "closed",
        None,
        "綠籬能源股份有限公司",
        "市立醫院空調主機汰換的節能績效保證",
        Proposal.Status.REJECTED,
        {
            "summary": "以節能績效保證專案汰換醫院老舊冰水主機。",
            "solution": "由本公司出資汰換，以節省電費分年回收。",
            "team": "冷凍空調技師 3 名。",
            "trl": 9,
            "site_wanted": "一家市立醫院院區。",
            "period_months": 24,
            "budget": 18_000_000,
            "funding": "公司出資，以節省電費分年回收",
            "credits_requested": 0,
            "expected_kpis": "空調用電降低 25%。",
            "domain": "health",
        },
        "屬成熟技術的設備汰換，宜循一般採購或節能績效保證招標辦理，不符合實證場域"
        "「智慧科技應用解決方案」的要素。",
    ),
    (
        "closed",
        "clinic_queue",
        "銀光長照科技協會",
        "候診長者陪伴與導引志工排班系統",
        Proposal.Status.UNDER_REVIEW,
        {
            "summary": "媒合志工於尖峰時段陪伴長者候診，以排班系統依即時人流調度。",
            "solution": "志工手機接收調度，長者到院時由櫃檯一鍵請求陪伴。",
            "team": "社工師 1 名、志工督導 2 名、工程師 1 名。",
            "trl": 5,
            "site_wanted": "一家市立醫院院區門診大廳。",
            "period_months": 6,
            "budget": 600_000,
            "funding": "協會自籌與企業捐助",
            "credits_requested": 0,
            "expected_kpis": "陪伴服務涵蓋 70% 的尖峰時段；長者滿意度 4.5 分以上。",
            "domain": "health",
        },
        "",
    ),
]


@transaction.atomic
def load_pipeline(now=None) -> dict[str, int]:
    """Needs, calls and proposals for the demo; does nothing when the calls exist."""
    if Call.objects.filter(title__in=[OPEN_CALL, CLOSED_CALL]).exists():
        return {"needs": Need.objects.count(), "proposals": Proposal.objects.count()}
    now = now or timezone.now()
    users = get_user_model().objects
    secretary = users.filter(username="secretary").first()
    officer = users.filter(username="officer").first()
    needs = {key: _need(row, officer) for key, row in NEEDS.items()}
    _draft_need(officer)
    body = Body.objects.get(name=BODY)
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    open_call = _call(
        OPEN_CALL,
        body,
        today - dt.timedelta(days=20) + dt.timedelta(hours=9),
        today + dt.timedelta(days=25) + dt.timedelta(hours=17),
        [
            needs[k]
            for k in (
                "junctions",
                "elders",
                "housing_power",
                "classrooms",
                "market_pay",
                "av_shuttle",
            )
        ],
        secretary,
        "本期徵求以交通壅塞、高齡照顧與減碳為優先的實證提案。入選團隊可使用市府開放場域，"
        "並可申請算力點數。提案截止前皆可修改。",
    )
    closed_call = _call(
        CLOSED_CALL,
        body,
        today - dt.timedelta(days=200) + dt.timedelta(hours=9),
        today - dt.timedelta(days=140) + dt.timedelta(hours=17),
        [needs["clinic_queue"], needs["compute"]],
        secretary,
        "上一期徵案，已截止；審查結果陸續公布。",
    )
    organisations = {
        name: _organisation(name, short, kind, person)
        for name, short, kind, person in ORGANISATIONS
    }
    calls = {"open": open_call, "closed": closed_call}
    for call_key, need_key, org_name, title, status, fields, reason in PROPOSALS:
        organisation, author = organisations[org_name]
        _proposal(
            calls[call_key],
            needs.get(need_key),
            organisation,
            author,
            title,
            status,
            fields,
            reason,
            secretary,
        )
    return {"needs": Need.objects.count(), "proposals": Proposal.objects.count()}


def _need(row, officer) -> Need:
    title, agency, domain, tags, problem, figures, sites, (contact, email) = row
    need = Need.objects.create(
        title=title,
        agency=Organisation.objects.get(name=agency),
        domain=Domain.objects.get(key=domain),
        problem=problem,
        figures=figures,
        site_wishes=sites,
        contact_name=contact,
        contact_email=email,
        status=Need.Status.PUBLISHED,
        published_at=timezone.now() - dt.timedelta(days=30),
        created_by=officer,
    )
    need.tags.set(Domain.objects.filter(key__in=tags))
    return need


def _draft_need(officer) -> None:
    title, agency, domain, tags, problem = DRAFT_NEED
    need = Need.objects.create(
        title=title,
        agency=Organisation.objects.get(name=agency),
        domain=Domain.objects.get(key=domain),
        problem=problem,
        created_by=officer,
    )
    need.tags.set(Domain.objects.filter(key__in=tags))


def _call(title, body, opens, closes, needs, secretary, description) -> Call:
    call = Call.objects.create(
        title=title,
        body=body,
        opens_at=opens,
        closes_at=closes,
        review_due_at=closes + dt.timedelta(days=21),
        description=description,
        accepts_unsolicited=True,
        is_published=True,
        created_by=secretary,
    )
    call.needs.set(needs)
    call.reviewers.set(get_user_model().objects.filter(username="reviewer"))
    default_rubric(call)
    return call


def _organisation(name, short, kind, person):
    organisation, _ = Organisation.objects.get_or_create(
        name=name,
        defaults={"kind": "school" if kind == "school" else "company", "short_name": short},
    )
    if kind == "association":
        organisation.kind = Organisation.Kind.ASSOCIATION
        organisation.save(update_fields=["kind"])
    ProposerOrganisation.objects.get_or_create(organisation=organisation, defaults={"kind": kind})
    if person is None:  # the demo proposer account (livinglab/demo/people.py)
        author = get_user_model().objects.get(username="proposer")
    else:
        username, full_name = person
        author, created = get_user_model().objects.get_or_create(
            username=username, defaults={"first_name": full_name}
        )
        if created:
            author.set_unusable_password()  # a name on proposals, not a demo sign-in
            author.save()
    Membership.objects.get_or_create(
        user=author, role=Membership.Role.PROPOSER, organisation=organisation
    )
    return organisation, author


def _proposal(call, need, organisation, author, title, status, fields, reason, secretary):
    fields = dict(fields)
    domain = Domain.objects.get(key=fields.pop("domain"))
    started = call.opens_at + dt.timedelta(days=3)
    sent = started + dt.timedelta(days=5)
    proposal = Proposal.objects.create(
        call=call,
        need=need,
        organisation=organisation,
        submitted_by=author,
        title=title,
        domain=domain,
        status=status,
        submitted_at=sent if status != Proposal.Status.DRAFT else None,
        **fields,
    )
    steps = [(ProposalEvent.Kind.CREATED, author, started, Proposal.Status.DRAFT, "")]
    if status != Proposal.Status.DRAFT:
        steps.append((ProposalEvent.Kind.SUBMITTED, author, sent, Proposal.Status.SUBMITTED, ""))
    if status == Proposal.Status.WITHDRAWN:
        steps.append(
            (ProposalEvent.Kind.WITHDRAWN, author, sent + dt.timedelta(days=2), status, reason)
        )
    decided = call.closes_at + dt.timedelta(days=10)
    if status in (
        Proposal.Status.UNDER_REVIEW,
        Proposal.Status.ACCEPTED,
        Proposal.Status.REJECTED,
        Proposal.Status.REVISE,
    ):
        steps.append(
            (
                ProposalEvent.Kind.UNDER_REVIEW,
                secretary,
                call.closes_at + dt.timedelta(days=1),
                Proposal.Status.UNDER_REVIEW,
                "",
            )
        )
    if status in (Proposal.Status.ACCEPTED, Proposal.Status.REJECTED, Proposal.Status.REVISE):
        steps.append((status, secretary, decided, status, reason))
    ProposalEvent.objects.bulk_create(
        ProposalEvent(proposal=proposal, kind=kind, actor=actor, at=at, status=after, reason=text)
        for kind, actor, at, after, text in steps
    )
    return proposal

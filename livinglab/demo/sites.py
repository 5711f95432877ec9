"""Demo field sites in Taipei and New Taipei, with a few bookings around this month.

The sites, their rules and the bookings are written for the demo: the places are real
districts, the arrangements are not. Coordinates are WGS 84 near the named streets.
Loading twice changes nothing (sites are found by name, bookings by site and label).
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from livinglab.orgs.models import Organisation
from livinglab.sites import services
from livinglab.sites.models import Booking, Capability, FieldSite

SITES = [
    {
        "name": "內湖科技園區智慧園區場域",
        "agency": "臺北市政府產業發展局",
        "address": "臺北市內湖區瑞光路與港墘路一帶",
        "latitude": "25.079400",
        "longitude": "121.575800",
        "capabilities": ["science-park", "5g", "smart-pole", "ev-charging", "open-road"],
        "capacity": 3,
        "is_public": True,
        "description": (
            "園區內約六百家企業、上班人口逾十萬，尖峰時段通勤車流集中。"
            "園區道路已布設 5G 小型基地台與智慧桿，可提供試驗團隊電力、網路與資料介接。"
        ),
        "sandbox_rules": (
            "試驗時段以平日 09:30–16:30 為原則，避開上下班尖峰。\n"
            "設備安裝於智慧桿者，須由產業發展局指定廠商施作並於試驗結束後復原。\n"
            "蒐集之影像須於端點去識別化，原始影像不得離開場域。"
        ),
        "permits_needed": "道路挖掘或占用須向工務局申請路權；車輛試驗另依下方封閉道路場域規定。",
        "contact_name": "產業發展局科技產業服務中心 李專員",
        "contact_email": "neihu-lab@example.gov.tw",
        "contact_phone": "02-2720-8889 分機 1234",
    },
    {
        "name": "市立聯合醫院仁愛院區智慧病房",
        "agency": "臺北市政府衛生局",
        "address": "臺北市大安區仁愛路四段10號",
        "latitude": "25.037600",
        "longitude": "121.545100",
        "capabilities": ["hospital", "5g", "long-term-care"],
        "capacity": 2,
        "is_public": True,
        "description": (
            "內科病房兩層共 48 床，開放試驗離床偵測、輸液監測、智慧藥車等照護科技。"
            "院區另有日間照護中心，可試驗長者照護服務。"
        ),
        "sandbox_rules": (
            "不得干擾醫療作業；設備須通過院內資訊安全與電磁相容檢查。\n"
            "病人資料僅能於院內環境處理，不得上傳院外雲端。"
        ),
        "permits_needed": "人體研究須經院內人體試驗委員會（IRB）核准；醫療器材須符合醫療器材管理法之規定。",
        "contact_name": "衛生局醫護管理處 黃股長",
        "contact_email": "renai-ward@example.gov.tw",
    },
    {
        "name": "健康公共住宅智慧社區",
        "agency": "臺北市政府都市發展局",
        "address": "臺北市松山區健康路325巷",
        "latitude": "25.053900",
        "longitude": "121.562400",
        "capabilities": ["public-housing", "sensor-network", "parking", "ev-charging"],
        "capacity": 2,
        "is_public": True,
        "description": (
            "約五百戶的公共住宅，含托嬰中心、長者日間照顧與社區菜園。"
            "地下停車場設有充電樁，社區內已布設用電與空氣品質感測器。"
        ),
        "sandbox_rules": (
            "進入住戶室內之試驗須逐戶取得書面同意，並可隨時退出。\n"
            "公共區域設備裝設前須經管理委員會與住宅及都市更新中心同意。"
        ),
        "permits_needed": "涉及住戶個人資料者，須提出個人資料保護計畫並經都市發展局審查。",
        "contact_name": "住宅及都市更新中心 吳管理師",
        "contact_email": "health-housing@example.gov.tw",
    },
    {
        "name": "敦化南北路公車專用道廊道",
        "agency": "臺北市政府交通局",
        "address": "臺北市敦化北路至敦化南路（民生東路至信義路）",
        "latitude": "25.047500",
        "longitude": "121.548900",
        "capabilities": ["bus-lane", "open-road", "smart-pole", "5g"],
        "capacity": 2,
        "is_public": True,
        "description": (
            "長約 3 公里的中央公車專用道，12 處路口，尖峰每小時逾百班次公車。"
            "適合公車優先號誌、車聯網路側設備與候車資訊服務的試驗。"
        ),
        "sandbox_rules": (
            "號誌時制之調整須由交通管制工程處執行，試驗團隊不得自行變更。\n"
            "路側設備不得占用人行道淨寬；夜間施工須於 23:00–05:00 之間。"
        ),
        "permits_needed": "路側設備設置許可（交通局）；無線電設備須符合國家通訊傳播委員會之規定。",
        "contact_name": "交通局運輸資訊科 蔡技士",
        "contact_email": "dunhua-corridor@example.gov.tw",
    },
    {
        "name": "板橋區實驗國小智慧校園",
        "agency": "新北市政府教育局",
        "address": "新北市板橋區文化路一段",
        "latitude": "25.013200",
        "longitude": "121.463900",
        "capabilities": ["school", "sensor-network", "park"],
        "capacity": 1,
        "is_public": True,
        "description": (
            "全校 36 班，校舍屋頂有太陽能板，校園旁為社區公園。"
            "開放試驗教室空氣品質與用電管理、校園安全與學習科技。"
        ),
        "sandbox_rules": (
            "上課時間不得進入教室施作；不得蒐集學生影像與個人資料。\n"
            "試驗結束後須向家長會與教師會說明成果。"
        ),
        "permits_needed": "須經校務會議同意；涉及學生參與者須取得家長同意書。",
        "contact_name": "教育局資訊教育科 許老師",
        "contact_email": "smart-campus@example.ntpc.gov.tw",
    },
    {
        "name": "淡海新市鎮自駕車封閉測試道路",
        "agency": "新北市政府交通局",
        "address": "新北市淡水區淡海新市鎮濱海路三段",
        "latitude": "25.186500",
        "longitude": "121.428700",
        "capabilities": ["closed-road", "5g", "ev-charging", "drone-airspace"],
        "capacity": 2,
        "is_public": True,
        "description": (
            "約 1.2 公里的封閉道路，含號誌化路口、圓環與模擬公車站，"
            "可作自駕巴士、自動停車與無人機配送的試驗。"
        ),
        "sandbox_rules": (
            "測試車輛上須有安全駕駛員；時速上限 30 公里。\n"
            "每日試驗前須提交行車計畫，結束後回報異常事件。"
        ),
        "permits_needed": "依無人載具科技創新實驗條例申請創新實驗並經核准；車輛須投保第三人責任險。",
        "contact_name": "交通局智慧運輸科 鄭科長",
        "contact_email": "tamsui-av@example.ntpc.gov.tw",
    },
    {
        "name": "市府資料中心邊緣運算測試區",
        "agency": "臺北市政府資訊局",
        "address": "臺北市信義區市府路1號",
        "latitude": "25.037700",
        "longitude": "121.564400",
        "capabilities": ["5g", "sensor-network"],
        "capacity": 1,
        "is_public": False,
        "description": "市府內部使用的機櫃空間與隔離網段，供整合前的資安與效能測試。",
        "sandbox_rules": "僅限市府人員陪同進出；不得連接市府公務網路。",
        "permits_needed": "資訊局資訊安全審查。",
        "contact_name": "資訊局資訊安全科",
        "contact_email": "edge-lab@example.gov.tw",
    },
]

# (site, label, days after the first of this month, length in days, reference, purpose)
BOOKINGS = [
    ("敦化南北路公車專用道廊道", "公車優先號誌試驗", 2, 40, "demo:signal", "12 處路口公車優先號誌"),
    ("敦化南北路公車專用道廊道", "候車亭即時資訊看板", 15, 20, "demo:shelter", "站牌到站資訊"),
    ("淡海新市鎮自駕車封閉測試道路", "自駕接駁巴士驗證", 5, 60, "demo:av-bus", "夜間與雨天行駛"),
    ("淡海新市鎮自駕車封閉測試道路", "無人機包裹配送", 20, 10, "demo:drone", ""),
    ("市立聯合醫院仁愛院區智慧病房", "離床偵測墊試用", -10, 30, "demo:bed", ""),
    ("健康公共住宅智慧社區", "公共區域用電最佳化", 8, 90, "demo:power", ""),
]


@transaction.atomic
def load_sites(username: str = "admin") -> int:
    """Create the demo sites and bookings that are missing; returns the number of sites."""
    actor = get_user_model().objects.get(username=username)
    for entry in SITES:
        _site(actor, dict(entry))
    first = timezone.localdate().replace(day=1)
    for site_name, label, offset, length, reference, purpose in BOOKINGS:
        site = FieldSite.objects.get(name=site_name)
        if Booking.objects.filter(site=site, label=label).exists():
            continue
        start = first + timedelta(days=offset)
        services.book(
            actor, site, start, start + timedelta(days=length - 1), label, reference, purpose
        )
    return FieldSite.objects.filter(name__in=[entry["name"] for entry in SITES]).count()


def _site(actor, entry: dict) -> FieldSite:
    existing = FieldSite.objects.filter(name=entry["name"]).first()
    if existing:
        return existing
    agency, _ = Organisation.objects.get_or_create(
        name=entry.pop("agency"), defaults={"kind": Organisation.Kind.AGENCY}
    )
    capabilities = Capability.objects.filter(key__in=entry.pop("capabilities"))
    for key in ("latitude", "longitude"):
        entry[key] = Decimal(entry[key])
    return services.create_site(actor, agency=agency, capabilities=capabilities, **entry)


# The demo needs (livinglab/demo/pipeline.py) that offer a demo site, by title.
NEED_SITES = [
    ("尖峰時段幹道路口回堵的即時調控", ["內湖科技園區智慧園區場域", "敦化南北路公車專用道廊道"]),
    ("社會住宅公共區域用電的尖峰削減", ["健康公共住宅智慧社區"]),
    (
        "公車專用道夜間自駕接駁的安全營運",
        ["敦化南北路公車專用道廊道", "淡海新市鎮自駕車封閉測試道路"],
    ),
    ("市立醫院門診候診動線與叫號的整合", ["市立聯合醫院仁愛院區智慧病房"]),
    ("園區新創取得算力的媒合與排程", ["內湖科技園區智慧園區場域"]),
]


@transaction.atomic
def link_demo_needs() -> int:
    """Let the demo needs offer the demo sites (after both are loaded); returns the links."""
    from livinglab.needs.models import Need

    links = 0
    for title, site_names in NEED_SITES:
        need = Need.objects.filter(title=title).first()
        if need is None:
            continue
        for site in FieldSite.objects.filter(name__in=site_names):
            site.needs.add(need)
            links += 1
    return links

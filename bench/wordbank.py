"""The phrase bank the synthetic briefs are written from, in Korean and English.

Every entry is a ``(ko, en)`` pair so that a brief's two texts say the same
thing. In Korean strings ``|`` marks an optional space inside a compound
(``스마트|공장`` is written ``스마트공장`` or ``스마트 공장``), the spacing
variants a Korean search has to match. Templates name their slots in capitals;
a Korean slot may carry a particle written in its form after a consonant
(``{P을}``, ``{A은}``, ``{B과}``, ``{P으로}``), and the generator picks the form
that fits the noun (``스마트공장을``, ``디지털 전환을``, ``중소기업은``, ``지자체는``).

Slots: ``A``/``B`` actors, ``P``/``Q`` policy subjects, ``R`` the region,
``T`` the topic, ``N`` a number, ``Y`` a year, ``S`` a speaker.
"""

# ruff: noqa: E501  (a Korean template and its English beside it on one line read best)
from __future__ import annotations

Pair = tuple[str, str]

ACTORS: tuple[Pair, ...] = (
    ("중소기업", "SMEs"),
    ("소상공인", "small business owners"),
    ("스타트업", "startups"),
    ("벤처기업", "venture companies"),
    ("중소|제조기업", "small manufacturers"),
    ("지자체", "local governments"),
    ("지역 대학", "regional universities"),
    ("테크노파크", "technoparks"),
    ("혁신기관", "innovation agencies"),
    ("정책금융기관", "policy finance institutions"),
    ("수출|중소기업", "exporting SMEs"),
    ("청년 창업자", "young founders"),
    ("뿌리기업", "root-industry firms"),
    ("대기업", "large companies"),
    ("민간 투자자", "private investors"),
    ("현장 전문가", "field experts"),
    ("협력사", "suppliers"),
    ("전통시장 상인", "traditional market merchants"),
)

POLICIES: tuple[Pair, ...] = (
    ("스마트|공장 보급", "the spread of smart factories"),
    ("디지털|전환", "digital transformation"),
    ("탄소|중립", "carbon neutrality"),
    ("공급망 안정", "supply chain stability"),
    ("기술|창업", "technology startups"),
    ("해외 판로", "overseas sales channels"),
    ("정책|자금", "policy loans"),
    ("연구개발(R&D) 지원", "R&D support"),
    ("규제 개선", "regulatory improvement"),
    ("인력난 해소", "relief from labor shortages"),
    ("제조|데이터 활용", "the use of manufacturing data"),
    ("인공지능 도입", "the adoption of artificial intelligence"),
    ("수출|바우처", "export vouchers"),
    ("온라인 판로", "online sales channels"),
    ("지역|혁신", "regional innovation"),
    ("투자 유치", "attracting investment"),
    ("상생|협력", "shared-growth partnerships"),
    ("기술 보호", "technology protection"),
    ("재도전 지원", "second-chance support"),
    ("판로 개척", "opening new markets"),
    ("에너지 효율화", "energy efficiency"),
    ("장기 재직", "long-term retention"),
    ("직무 재교육", "reskilling"),
    ("벤처|투자", "venture investment"),
    ("지역 균형발전", "balanced regional development"),
    ("산업|단지 재생", "industrial complex renewal"),
)

INDICATORS: tuple[Pair, ...] = (
    ("스마트공장 구축 기업(개)", "Smart factories built"),
    ("수출 중소기업(개)", "Exporting SMEs"),
    ("정책자금 공급액(억 원)", "Policy loans (KRW 100 million)"),
    ("신규 고용(명)", "New hires"),
    ("신규 창업기업(개)", "New startups"),
    ("R&D 과제(건)", "R&D projects"),
    ("벤처투자액(억 원)", "Venture investment (KRW 100 million)"),
    ("온라인 입점 소상공인(명)", "Small businesses selling online"),
    ("탄소 감축량(천 톤)", "Carbon reduced (thousand tonnes)"),
)

SURNAMES: tuple[Pair, ...] = (
    ("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("정", "Jeong"), ("최", "Choi"), ("조", "Cho"),
    ("강", "Kang"), ("윤", "Yoon"), ("장", "Jang"), ("한", "Han"), ("오", "Oh"), ("서", "Seo"),
    ("임", "Lim"), ("신", "Shin"), ("노", "Noh"), ("문", "Moon"),
)

GIVEN_NAMES: tuple[Pair, ...] = (
    ("민준", "Min-jun"), ("서연", "Seo-yeon"), ("지훈", "Ji-hoon"), ("수민", "Su-min"), ("현우", "Hyun-woo"),
    ("지영", "Ji-young"), ("상훈", "Sang-hoon"), ("은정", "Eun-jung"), ("동현", "Dong-hyun"), ("혜진", "Hye-jin"),
    ("성호", "Seong-ho"), ("미경", "Mi-kyung"), ("재원", "Jae-won"), ("유진", "Yu-jin"), ("태영", "Tae-young"),
)

ROLES: tuple[tuple[Pair, Pair], ...] = (
    (("원장", "President"), ("중소벤처기업연구원", "Korea Institute for SMEs and Startups")),
    (("교수", "Professor"), ("지역 국립대학교", "a regional national university")),
    (("대표", "CEO"), ("스마트제조 전문기업", "a smart manufacturing company")),
    (("본부장", "Executive Director"), ("테크노파크", "Technopark")),
    (("센터장", "Director"), ("창조경제혁신센터", "Center for Creative Economy and Innovation")),
    (("연구위원", "Research Fellow"), ("산업연구원", "Korea Institute for Industrial Economics and Trade")),
    (("정책실장", "Director-General for Policy"), ("중소벤처기업부", "Ministry of SMEs and Startups")),
    (("이사장", "Chair"), ("중소기업진흥공단", "Korea SMEs and Startups Agency")),
)

VENUES: tuple[Pair, ...] = (
    ("{R} 테크노파크 대회의실", "{R} Technopark main hall"),
    ("{R} 창조경제혁신센터", "{R} Center for Creative Economy and Innovation"),
    ("{R} 지방중소벤처기업청", "{R} Regional Office of SMEs and Startups"),
    ("{R} 스마트제조혁신센터", "{R} Smart Manufacturing Innovation Center"),
    ("{R} 산업단지 비즈니스센터", "{R} Industrial Complex Business Center"),
)

TITLES: tuple[Pair, ...] = (
    ("중기부, ‘{R} {T} 라운드테이블’ 개최", "Ministry of SMEs and Startups holds {R} roundtable on {T}"),
    ("{R}에서 {T} 현장 목소리 듣는다", "Listening to the field on {T} in {R}"),
    ("{T}, {R} 중소기업 현장에서 해법 찾는다", "{T}: looking for answers with SMEs in {R}"),
    ("{Y}년 {R} {T} 정책 라운드테이블", "{Y} {R} policy roundtable on {T}"),
)

SUMMARIES: tuple[Pair, ...] = (
    (
        "중소벤처기업부는 {R}에서 {T} 라운드테이블을 열고 {P과} {Q} 방안을 현장 전문가와 함께 논의했다.",
        "The Ministry of SMEs and Startups held a roundtable on {T} in {R} and discussed {P} and {Q} with experts from the field.",
    ),
    (
        "{R} 지역 {A}의 {P} 현황을 점검하고 {Q을} 위한 정책 과제를 정리했다.",
        "Participants reviewed {P} among {A} in {R} and set out policy tasks for {Q}.",
    ),
)

HEADINGS: dict[str, Pair] = {
    "agenda": ("논의 과제", "Agenda"),
    "talk": ("발제 {N}: {P}", "Presentation {N}: {P}"),
    "figures": ("주요 지표", "Key figures"),
    "discussion": ("종합 토론", "Discussion"),
    "proposals": ("참석자 제언", "Proposals from participants"),
    "plans": ("향후 계획", "Next steps"),
}

TABLE_HEAD: Pair = ("지표", "Indicator")
TABLE_TARGET: Pair = ("{Y}년 목표", "{Y} target")

OPENINGS: tuple[Pair, ...] = (
    (
        "중소벤처기업부(이하 중기부)는 {R}에서 {A}, 지자체, 유관기관과 함께 ‘{T} 라운드테이블’을 개최했다고 밝혔다.",
        "The Ministry of SMEs and Startups held a ‘{T} roundtable’ in {R} with {A}, local governments and related agencies.",
    ),
    (
        "이번 라운드테이블은 {R} 지역 {A}의 {P} 현황을 점검하고 현장의 정책 수요를 듣기 위해 마련됐다.",
        "The roundtable was set up to review {P} among {A} in {R} and to hear what the field needs from policy.",
    ),
)

SENTENCES: tuple[Pair, ...] = (
    ("{A은} {P을} 위해 {Q}에 대한 지원을 확대해야 한다고 강조했다.", "{A} stressed that support for {Q} must grow to achieve {P}."),
    ("{R} 지역의 {A은} {P} 분야에서 여전히 어려움을 겪고 있다.", "{A} in {R} still struggle with {P}."),
    ("참석자들은 {P과} {Q을} 함께 추진해야 효과가 커진다는 데 뜻을 모았다.", "Participants agreed that {P} and {Q} work best when pursued together."),
    ("{A과} {B이} 협력해 {P} 모델을 만들어야 한다는 의견이 나왔다.", "Some argued that {A} and {B} should work together on a model for {P}."),
    ("특히 {Q은} {R} 중소기업의 경쟁력과 직결되는 과제로 꼽혔다.", "{Q} in particular was named as a task tied directly to the competitiveness of SMEs in {R}."),
    ("지난해 {R}에서는 {N}개 기업이 {P} 사업에 참여했다.", "Last year {N} companies in {R} took part in programs for {P}."),
    ("{A은} {P} 과정에서 전문 인력과 초기 자금이 가장 부족하다고 답했다.", "{A} said that skilled staff and early funding are what they lack most for {P}."),
    ("{B은} {Q을} 지원하는 절차가 복잡해 현장의 체감도가 낮다고 지적했다.", "{B} pointed out that the procedures supporting {Q} are complex, so the field feels little benefit."),
    ("중기부는 {P과} 관련한 성과 지표를 {Y}년까지 두 배로 늘린다는 목표를 세웠다.", "The Ministry has set a goal of doubling its indicators for {P} by {Y}."),
    ("{T} 분야의 정책은 {A}의 규모와 업종에 맞게 설계돼야 한다는 지적도 있었다.", "Some noted that policy on {T} should be designed around the size and industry of {A}."),
    ("{A은} {Q}에 필요한 데이터와 인프라를 {B과} 공유하는 방안을 제안했다.", "{A} proposed sharing the data and infrastructure needed for {Q} with {B}."),
    ("현장에서는 {P으로} 생산성이 평균 {N}% 높아졌다는 사례가 소개됐다.", "Cases were presented in which {P} raised productivity by {N}% on average."),
    ("{R}의 {A은} 지역 대학과 연계해 {Q} 인재를 직접 키우고 있다.", "{A} in {R} are training talent for {Q} themselves together with regional universities."),
    ("이 과정에서 {B}의 역할이 중요하다는 평가가 나왔다.", "The role of {B} in this process was judged to be important."),
    ("{P은} 단기 성과보다 꾸준한 투자가 필요한 분야라는 의견이 많았다.", "Many said that {P} needs steady investment more than quick results."),
    ("중기부는 {Q} 관련 예산을 {N}억 원 규모로 편성할 계획이다.", "The Ministry plans a budget of KRW {N} hundred million for {Q}."),
)

QUOTES: tuple[Pair, ...] = (
    ("{S은} “{A}의 {P} 수요는 분명하지만 이를 뒷받침할 제도가 부족하다”고 말했다.", "“The demand for {P} among {A} is clear, but the rules that should support it are lacking,” said {S}."),
    ("{S은} “{R}의 강점을 살린 {Q} 전략이 필요하다”며 “{B과}의 협력이 출발점”이라고 강조했다.", "“{R} needs a strategy for {Q} that builds on its strengths,” said {S}, adding that “cooperation with {B} is the starting point.”"),
    ("{S은} “{P과} {Q을} 따로 보지 말고 하나의 정책 묶음으로 설계해야 한다”고 제안했다.", "{S} proposed that “{P} and {Q} should not be treated apart but designed as one policy package.”"),
)

LIST_ITEMS: tuple[Pair, ...] = (
    ("{P을} 위한 지역 맞춤형 지원 체계 마련", "A support system for {P} tailored to each region"),
    ("{A} 대상 {Q} 컨설팅 확대", "More consulting on {Q} for {A}"),
    ("{P} 성과를 측정하는 공통 지표 도입", "Common indicators to measure the results of {P}"),
    ("{B과} 연계한 {Q} 전문 인력 양성", "Training specialists in {Q} together with {B}"),
    ("{P} 관련 규제의 일괄 정비", "A single review of the rules on {P}"),
    ("{A}의 {Q} 초기 비용 부담 완화", "Lower start-up costs of {Q} for {A}"),
)

CLOSINGS: tuple[Pair, ...] = (
    (
        "중기부는 이번 라운드테이블에서 나온 의견을 {Y}년 {T} 정책 설계에 반영하고, {R} 현장과의 소통을 정례화할 계획이다.",
        "The Ministry plans to reflect the views heard at this roundtable in its {Y} policy on {T} and to meet the field in {R} regularly.",
    ),
    (
        "중기부는 앞으로도 {A이} 참여하는 라운드테이블을 열어 {P}에 관한 정책 수요를 꾸준히 발굴할 계획이다.",
        "The Ministry will keep holding roundtables with {A} to find out what policy on {P} the field needs.",
    ),
)

FOOTER: Pair = (
    "*이 브리프는 벤치마크용으로 생성한 가상의 문서입니다.*",
    "*This brief is synthetic text generated for the benchmark.*",
)

// Articles for the duplicate-detection fixture (fixtures/dupes/), written for it.
// Each article is a list of paragraphs; each paragraph a list of sentences, so
// edited copies can change or drop single sentences.

export const E1 = [
  ['The city council voted nine to two on Tuesday night to approve the Riverside tram line, ending a debate that has run for almost six years.', 'The line will link the ferry terminal with the university campus and the new hospital on the northern ridge.'],
  ['Construction is expected to begin next spring and to take about three years, according to the transport department.', 'The first trams should carry passengers in the autumn of the fourth year if the tunnel under Market Street is finished on time.'],
  ['The project is budgeted at 412 million dollars, of which the regional government will pay roughly half.', 'Council members who voted against it said the estimate leaves too little room for the rising price of steel and concrete.'],
  ['Mayor Helen Ortiz called the vote a turning point for a city that has grown faster than its roads.', 'She said buses on the northern corridor are already full before eight in the morning and that a tram can move three times as many people on the same street.'],
  ['Shop owners on Market Street remain worried about two years of closed lanes and noise.', 'The council promised a fund of four million dollars to compensate businesses that lose customers during the works.'],
  ['Engineers plan fourteen stops along the nine kilometre route, each with level boarding for wheelchairs and prams.', 'The trams will run every six minutes at peak times and every twelve minutes late in the evening.'],
  ['A final design for the bridge over the river will be presented to the public in March, and residents will be able to comment on it for eight weeks.'],
];

export const E2 = [
  ['Not everyone in the northern suburbs is celebrating the new tram, and a packed meeting at the community hall on Thursday showed how divided residents are.', 'More than three hundred people came to hear transport planners explain where the tracks will run.'],
  ['Families on Elm Avenue say the route will cut their quiet street in two and remove the old plane trees that shade the school playground.', 'Planners answered that only eleven trees would be felled and that twice as many would be planted along the new platforms.'],
  ['Other residents argued that the route should follow the ring road instead, where there are fewer homes and more space for a depot.', 'The transport department said that option was studied in 2021 but would add four minutes to every journey and miss the hospital entirely.'],
  ['Students from the university spoke in favour of the tram, saying that the current bus service is slow and unreliable in winter.', 'One nursing student said she spends almost two hours a day travelling to placements that are only eight kilometres away.'],
  ['Planners promised a second consultation focused on noise barriers, night works and parking for people who live next to the stops.', 'A recording of the meeting will be published on the city website, together with maps of both routes.'],
];

export const E3 = [
  ['The central library on Dock Road reopened on Saturday after an eighteen-month renovation that cost just under nine million dollars.', 'Hundreds of visitors queued before the doors opened at ten, many of them children who had been promised a new reading room.'],
  ['The building now has a roof terrace, a workshop with sewing machines and 3D printers, and twice as many study desks as before.', 'The old card catalogue, unused for decades, has been turned into a wall of seed packets that anyone can take home.'],
  ['Head librarian Samuel Reyes said the aim was to make the library a place where people stay, not only a place where they borrow books.', 'Opening hours have been extended to nine in the evening on weekdays, and the children\'s floor will open on Sunday mornings.'],
  ['The renovation also repaired the leaking glass dome that had forced staff to move the local history collection to a warehouse in 2019.', 'That collection, with maps and photographs of the harbour from the last two centuries, is back on the top floor.'],
  ['Membership is free for residents, and visitors can get a day pass at the front desk with any form of identification.'],
];

export const K1 = [
  ['지난달 반도체 수출이 1년 전보다 31% 늘어난 142억 달러를 기록하며 다섯 달 연속 증가세를 이어갔다.', '산업통상자원부는 인공지능 서버에 들어가는 고대역폭 메모리 수요가 크게 늘어난 것이 주된 원인이라고 설명했다.'],
  ['품목별로는 디램 수출이 48% 늘었고 낸드플래시도 가격 회복에 힘입어 20% 넘게 증가했다.', '반면 시스템 반도체 수출은 스마트폰 시장 부진으로 3% 줄어드는 데 그쳤다.'],
  ['지역별로는 대만과 미국으로 가는 물량이 특히 많이 늘었다.', '중국 수출은 현지 재고 조정이 이어지면서 증가 폭이 한 자릿수에 머물렀다.'],
  ['업계에서는 하반기에도 메모리 가격 상승이 이어질 것으로 보고 있다.', '다만 미국의 수출 규제와 환율 변동이 변수로 꼽힌다.'],
  ['정부는 반도체 기업의 설비 투자에 대한 세액 공제를 연장하고 용인 클러스터의 전력과 용수 공급을 서두르겠다고 밝혔다.', '산업부 관계자는 수출 회복세가 다른 업종으로 퍼질 수 있도록 지원을 아끼지 않겠다고 말했다.'],
  ['한편 전체 수출은 582억 달러로 9% 늘었고 무역수지는 열 달째 흑자를 이어갔다.'],
];

export const K2 = [
  ['국내 반도체 장비 업체들이 인공지능 붐의 낙수 효과를 기대하고 있지만 실제 주문은 아직 일부 기업에 몰려 있다는 분석이 나왔다.', '한 증권사가 상장 장비 업체 스무 곳의 실적을 살펴본 결과 매출이 늘어난 곳은 여섯 곳뿐이었다.'],
  ['고대역폭 메모리 생산에 필요한 본딩 장비와 검사 장비를 만드는 업체들은 주문이 두 배 가까이 늘었다.', '반면 일반 디램과 파운드리 공정에 쓰이는 장비 업체들은 고객사의 투자 연기로 재고가 쌓이고 있다.'],
  ['전문가들은 메모리 기업들이 새 공장보다 기존 라인의 전환에 먼저 돈을 쓰고 있기 때문이라고 설명한다.', '새 공장 건설이 본격화되는 내년 이후에야 장비 업계 전반으로 온기가 퍼질 것이라는 전망이다.'],
  ['중소 장비 업체들은 연구개발 인력 확보가 가장 어렵다고 호소한다.', '대기업과의 임금 격차 때문에 경력 엔지니어를 구하기가 갈수록 힘들어지고 있다는 것이다.'],
  ['업계는 정부가 장비와 소재 기업의 연구개발 세액 공제 폭을 넓히고 공동 시험 시설을 늘려 달라고 요청하고 있다.'],
];

export const K3 = [
  ['올해로 스무 번째를 맞은 강변 불꽃 축제가 오는 토요일 저녁 시민공원 일대에서 열린다.', '주최 측은 하루 동안 약 70만 명이 찾을 것으로 예상하고 안전 요원 2천여 명을 배치하기로 했다.'],
  ['불꽃 쇼는 저녁 일곱 시 반에 시작해 한 시간 반 동안 이어지며 한국과 일본, 이탈리아 세 나라 팀이 차례로 무대에 오른다.', '마지막 순서에는 음악에 맞춘 대형 불꽃이 강 위를 수놓을 예정이다.'],
  ['행사 당일 오후 두 시부터 강변도로 일부 구간의 차량 통행이 통제된다.', '지하철은 배차 간격을 줄이고 공원과 가까운 역에는 임시 출입구를 운영한다.'],
  ['주최 측은 쓰레기를 되가져가 달라고 당부하고 공원 곳곳에 분리수거함 500개를 설치했다.', '또 돗자리 구역과 통행로를 나눠 밀집 사고를 막겠다고 밝혔다.'],
];

export const Z1 = [
  ['今年前八个月，全国新能源汽车销量达到七百零三万辆，同比增长百分之三十四，市场渗透率首次超过百分之四十。', '中国汽车工业协会表示，价格下降和充电设施改善是销量增长的主要原因。'],
  ['从车型看，插电式混合动力汽车增长最快，销量同比增长七成以上。', '纯电动汽车的增速有所放缓，但仍占新能源汽车总销量的六成左右。'],
  ['出口方面，前八个月新能源汽车出口一百三十万辆，欧洲和东南亚是主要市场。', '不过，欧盟对中国电动汽车加征关税后，部分企业开始在海外建厂以降低风险。'],
  ['业内人士认为，激烈的价格竞争正在压缩车企利润。', '一些中小品牌已经停产或被收购，行业整合可能在明年进一步加快。'],
  ['协会预计，全年新能源汽车销量有望突破一千一百万辆，但下半年的增速可能低于上半年。'],
];

export const Z2 = [
  ['随着新能源汽车越来越多，城市里的充电桩却常常一位难求，节假日高速公路服务区的排队问题尤其突出。', '国家能源局数据显示，截至八月底，全国充电基础设施总数达到一千万台，但分布并不均衡。'],
  ['在一些老旧小区，由于电力容量不足和车位产权不清，居民很难安装私人充电桩。', '有车主表示，每天晚上要到两公里外的公共充电站排队，回家时往往已经过了十一点。'],
  ['多地正在试点统建统营模式，由运营企业统一改造小区电网并按时段收费。', '专家建议，应当把充电设施纳入老旧小区改造计划，并鼓励错峰充电以减轻电网压力。'],
  ['高速公路方面，交通运输部表示将在国庆假期前为主要线路的服务区增加移动充电车。', '部分服务区还将开放预约充电，减少车主现场等待的时间。'],
];

export const J1 = [
  ['気象庁は二十一日、東京都心で桜が開花したと発表した。', '平年より三日早く、昨年と比べると五日早い開花となった。', '靖国神社の標本木で五、六輪の花が咲いているのを職員が確認した。'],
  ['今年は二月の気温が高かったため、つぼみの成長が早まったとみられる。', '気象庁によると、満開は一週間ほど後になる見込みだという。'],
  ['上野公園や千鳥ヶ淵では、早くも写真を撮る人の姿が見られた。', '都内の会社員の女性は、週末に家族で花見をするのが楽しみだと話していた。'],
  ['一方で、各地の公園では混雑を避けるための対策も進められている。', '宴会の場所取りを禁止したり、夜間のライトアップを予約制にしたりする自治体も増えている。'],
  ['全国では福岡や高知でもすでに開花が発表されており、桜前線は今後、北へ進んでいく。'],
];

export const J2 = [
  ['桜の季節を迎え、京都の観光地では外国人観光客を中心に大変な混雑が続いている。', '清水寺や嵐山では、朝早くから参道が人で埋まり、地元の住民の生活にも影響が出ている。'],
  ['市はバスの混雑を減らすため、観光客に地下鉄や電車の利用を呼びかけている。', '一部の路線では観光客向けの急行バスを新たに走らせ、通勤や通学の利用者と分ける取り組みも始めた。'],
  ['祇園の一部の通りでは、私道への立ち入りや無断での撮影を禁止する看板が設置された。', '住民からは、静かに暮らせる環境を守ってほしいという声が上がっている。'],
  ['観光協会は、早朝や夕方の時間帯に訪れることや、比較的すいている北部の寺院を巡ることを勧めている。'],
];

export const E4 = [
  ['Three things worth reading this weekend: a long essay on night buses, a photo series about the old harbour cranes, and a short story set in a laundrette.', 'All three are free to read online.'],
  ['Next week I will be away, so there will be no new post until the first of the month.'],
];

export const Z3 = [
  ['气象台预计，本周末本市将迎来今年首次明显降温，最低气温可能降到八度左右。', '市民外出时请注意添衣保暖，老人和儿童应尽量减少夜间外出。'],
];

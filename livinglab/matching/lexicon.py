"""Concepts: words that mean the same thing in a call for proposals, in Chinese and English.

Each line of ``_TABLE`` is ``key | domain | tag | label | form, form, …``. A text that
contains any form of a concept gets the concept's token, so a proposal that says 居服員
and a need that says 長照 share one term even though they share no characters. The
domain and tag of a concept (either may be ``-``) are the evidence from which a text's
domain and priority tags are inferred when its author gave none, or a wrong one.

The table is written for the platform's taxonomy (housing, transport, health, education,
payments, ecosystem and the priority tags traffic, ageing, carbon) from what such calls
are about, not from any labelled set; technology words (sensors, cameras, AI) have no
domain and count only as shared terms. Forms are lower case, NFKC, with 台 for 臺.
Chinese forms have two characters at least; English forms are whole words.
"""

from __future__ import annotations

from dataclasses import dataclass

_TABLE = """
parking | transport | traffic | 停車 | 停車, 車位, 車格, 停車場, 停車格, 格位, 泊車, 停車位, 找車位, 車位數, parking, parking lot, parking space, car park, car parks, parking bay, parking bays, garage, garages, 停車塔
signal | transport | traffic | 號誌 | 號誌, 紅綠燈, 信號燈, 燈號, 秒數, 時相, 時制, 綠燈, 紅燈, traffic light, traffic signal, signal timing, adaptive signal
congestion | transport | traffic | 交通壅塞 | 壅塞, 塞車, 車流, 車潮, 回堵, 車陣, 交通量, 旅行時間, 延滯, 尖峰, 通勤, congestion, traffic jam, traffic flow, rush hour, gridlock, travel time, commute, commuters, commuting
intersection | transport | traffic | 路口 | 路口, 交叉口, 十字路口, 幹道, 車道, intersection, junction
bus | transport | - | 公車 | 公車, 巴士, 客運, 公共運輸, 大眾運輸, 大眾交通, 站牌, 候車, 轉乘, 班次, 公運, 市區公車, bus, buses, public transport, transit
arrival | transport | - | 到站資訊 | 到站, 到站時間, 預估到達, 即時動態, 動態資訊, 等車, 誤點, eta, arrival time, real-time arrival
drt | transport | - | 需求反應式運輸 | 需求反應, 預約式, 預約乘車, 彈性路線, 幸福巴士, 小黃公車, 共乘, demand responsive, drt, ride sharing, on-demand
micromobility | transport | carbon | 共享運具 | 共享單車, 公共自行車, 自行車, 單車, 腳踏車, 電動機車, 共享機車, 滑板車, 微型運具, 公共自行車, youbike, ubike, bike, bicycle, scooter, e-scooter, micromobility, gogoro, wemo
pedestrian | transport | traffic | 行人安全 | 行人, 人行道, 步道, 通學, 斑馬線, 行穿線, 人車爭道, 騎樓, 行人友善, 行人地獄, 學童安全, pedestrian, sidewalk, walkability, crosswalk, school route
road | transport | - | 道路養護 | 坑洞, 路面, 路平, 破損, 龜裂, 鋪面, 孔蓋, 道路養護, 路面不平, 巡路, 挖補, pothole, potholes, pavement, road surface, road maintenance
charging | transport | carbon | 充電 | 充電, 充電樁, 充電站, 充電設備, 換電, 電池交換, charger, charging, ev charging, charging station
electric_vehicle | transport | carbon | 電動車輛 | 電動公車, 電動巴士, 電動車, 電巴, 電動大客車, e-bus, electric bus, electric vehicle, ev
vehicle_detection | transport | traffic | 車輛偵測 | 車牌辨識, 車輛偵測, 車輛辨識, 車流偵測, 車輛計數, 地磁, 線圈, lpr, anpr, license plate, vehicle detection
accident | transport | traffic | 交通事故 | 事故, 車禍, 肇事, 碰撞, 擦撞, 交通安全, 死傷, 傷亡, crash, collision, road safety, accident, near miss, near misses, near-miss, 險些碰撞, 險肇
emergency | health | - | 緊急救護 | 救護, 救護車, 救護車輛, 到院前, 緊急醫療, 消防, 派遣, 派車, 119, 報案, 急救, 搶救, ambulance, ems, emergency medical, dispatch, first responder
long_term_care | health | ageing | 長期照顧 | 長照, 長期照顧, 長期照護, 照顧服務, 居服員, 照服員, 居家服務, 居家照顧, 居服, 照護人力, 日照中心, 日間照顧, 照顧者, 喘息服務, 個管, 個案管理, long-term care, caregiver, caregivers, home care, care worker, care workers, elder care, eldercare, nursing home, nursing homes, aged care, respite, 看護, 外籍看護, 護理之家, 安養, 養護
remote_care | health | - | 遠距照護 | 遠距, 遠端, 視訊, 遠距醫療, 遠距照護, 視訊問診, 居家量測, 居家監測, 遠端監測, telehealth, telemedicine, telecare, remote monitoring, remote care, video consultation, teleconsultation, virtual visit
vital_signs | health | - | 生理量測 | 血壓, 血糖, 心率, 心跳, 血氧, 體溫, 生理量測, 生理訊號, 生命徵象, 慢性病, 三高, 穿戴, 穿戴式, 智慧手錶, blood pressure, glucose, heart rate, vital signs, wearable, wearables, chronic disease, smartwatch
hospital | health | - | 醫療院所 | 醫院, 醫療院所, 診所, 急診, 候診, 掛號, 看診, 門診, 病床, 檢傷, 就醫, 就診, 病患, 病人, 醫師, 護理師, 醫護, hospital, clinic, patient, patients, emergency department, triage, outpatient, doctor, doctors, nurse, nurses, 醫生, waiting time, waiting times
dementia | health | ageing | 失智照護 | 失智, 認知症, 走失, 協尋, 迷路, 遊走, 失蹤, 認知障礙, dementia, alzheimer, wandering, missing person
fall | health | ageing | 跌倒 | 跌倒, 摔倒, 倒地, 跌落, 滑倒, 意外倒地, fall detection, falls, fall
mosquito | health | - | 病媒防治 | 登革熱, 病媒蚊, 病媒, 孳生源, 斑蚊, 蚊蟲, 蚊子, 積水容器, 誘卵桶, 噴藥, mosquito, mosquitoes, dengue, vector control
mental_health | health | - | 心理健康 | 心理, 憂鬱, 自殺, 輕生, 自傷, 情緒, 心理健康, 心理諮商, 諮商, 心情, 壓力, 關懷專線, 高風險個案, mental health, depression, suicide, counselling, counseling, wellbeing
epidemic | health | - | 防疫 | 防疫, 傳染病, 疫情, 疫苗, 接種, 群聚, 感染, epidemic, infection, vaccine, vaccination
health_generic | health | - | 健康 | 健康, 醫療, 健康照護, 保健, 衛生, 衛生所, 預防醫學, healthcare, health, medical, wellness
elderly | - | ageing | 高齡者 | 長者, 長輩, 老人, 老年, 高齡, 銀髮, 年長, 樂齡, 耆老, 阿公, 阿嬤, 中高齡, 老化, 老老照顧, 退休, 熟齡, elderly, senior, seniors, older adults, ageing, aging, older people, older residents, grandparents, retirees, pensioner, pensioners, old people, 爺爺, 奶奶, 阿伯, 老人家
living_alone | - | ageing | 獨居關懷 | 獨居, 獨老, 孤老, 無人陪伴, 一個人住, 關懷訪視, 問安, 電話問安, 關懷據點, 訪視, 孤立, living alone, lonely, loneliness, check-in, wellbeing call
social_housing | housing | - | 社會住宅 | 社會住宅, 社宅, 公營住宅, 公共住宅, 只租不賣, 出租住宅, 青年住宅, 包租代管, 國宅, social housing, public housing, affordable housing, council housing, subsidised housing, subsidized housing
repair | housing | - | 修繕報修 | 報修, 維修, 修繕, 漏水, 故障, 工單, 叫修, 壁癌, 滲水, 管線, 水電, 設備維護, maintenance, repair, repairs, work order, facility management, broken, leak, leaks, plumbing
resident | housing | - | 住戶 | 住戶, 租客, 房客, 承租, 承租戶, 租戶, 住民, 居民, 社區住戶, 管委會, 大樓管理, 物業, 物業管理, 公設, 公共區域, tenant, tenants, resident, residents, property management, building management
rent | housing | - | 租屋 | 租屋, 租金, 房租, 租賃, 租補, 租金補貼, 房東, 租約, 出租, 空屋, 住屋, 居住, 住房, 房屋, 住宅, 買房, rent, rental, renting, landlord, lease, housing, 公寓, 住家, apartment, apartments, homes, dwelling, dwellings
seismic | housing | - | 建物安全 | 耐震, 地震, 結構安全, 海砂屋, 老屋, 危老, 補強, 建物安全, 結構, 屋齡, 鋼筋, 裂縫, 建築物, 房屋健檢, 耐震評估, seismic, earthquake, structural, building safety, retrofit
urban_renewal | housing | - | 都市更新 | 都更, 都市更新, 重建, 危老重建, 同意書, 地主, 權利變換, 公辦都更, 整建, 改建, urban renewal, redevelopment, reconstruction
energy | - | carbon | 能源與用電 | 用電, 節電, 節能, 能源, 電力, 電費, 需量, 尖峰電價, 離峰, 儲能, 電網, 能耗, 耗電, 電表, 智慧電表, 照明, 燈具, 空調, 冷氣, 電梯, 抽水馬達, 能源管理, energy, electricity, power, battery, batteries, smart meter, energy saving, lighting, hvac, air conditioning, air-conditioning, aircon, electricity bill, electricity bills, energy bill, energy bills
solar | - | carbon | 太陽能 | 太陽能, 光電, 太陽光電, 屋頂型, 再生能源, 綠電, 綠能, 風電, 發電, solar, photovoltaic, pv, renewable, renewables, green power
carbon | - | carbon | 減碳 | 碳排, 減碳, 淨零, 碳中和, 溫室氣體, 碳足跡, 低碳, 碳盤查, 盤查, 排碳, 碳排放, 排放量, 碳權, 氣候變遷, 零碳, carbon, net zero, net-zero, ghg, emission, emissions, decarbonisation, decarbonization, climate, co2e
school | education | - | 學校 | 學校, 校園, 國小, 國中, 高中, 學童, 學生, 學子, 班級, 教室, 師生, 孩童, 兒童, 孩子, 小朋友, 校方, 校舍, 幼兒園, 中小學, school, schools, campus, classroom, pupils, students, student, kids, children
teaching | education | - | 教學 | 師資, 教師, 老師, 代課, 教學, 課程, 授課, 教材, 課堂, 學習, 上課, 教育, 輔導, 課輔, 補救教學, 教案, teacher, teachers, teaching, curriculum, lesson, lessons, learning, education, tutoring
digital_learning | education | - | 數位學習 | 數位學習, 線上學習, 遠距教學, 遠距課程, 線上課程, 平板, 載具, 直播課, 學習平台, 數位教材, 自學, e-learning, online learning, online course, mooc, tablet, tablets, edtech
rural | - | - | 偏鄉 | 偏鄉, 偏遠, 原鄉, 山區, 離島, 偏區, 部落, 鄉鎮, 交通不便, rural, remote area, remote areas, indigenous
school_lunch | education | - | 學校午餐 | 營養午餐, 午餐, 食材, 團膳, 菜單, 營養, 食安, 產地, 餐食, 飲食, 肥胖, 體位, 過重, 廚房, lunch, meal, meals, nutrition, food safety, obesity
air_quality | - | - | 空氣品質 | 空氣品質, 空品, 二氧化碳濃度, 通風, 換氣, 懸浮微粒, 空汙, 空氣污染, 悶熱, 室內空氣, 細懸浮微粒, co2, pm2.5, air quality, ventilation, indoor air
digital_divide | education | ageing | 數位落差 | 數位落差, 數位包容, 數位素養, 數位能力, 智慧型手機, 手機操作, 資訊素養, 不會用手機, 數位培力, 手機課程, digital literacy, digital divide, digital inclusion, smartphone, smartphones
attendance | education | - | 到離校 | 到校, 離校, 到離校, 出缺席, 點名, 接送, 家長, 放學, 上學, 進出校門, 安心上學, attendance, pick-up, parents, parent
talent | ecosystem | - | 人才培育 | 人才, 人才培育, 培訓, 實習, 產學, 產學合作, 學程, 獎學金, 技能, 職訓, 職能, 就業, 工程師, 新血, 學研, 大學, 大專, 研究所, talent, internship, internships, upskilling, reskilling, university, universities, skills, workforce, academia
mobile_payment | payments | - | 行動支付 | 行動支付, 電子支付, 電子票證, 掃碼, 條碼支付, 無現金, 電子錢包, 感應支付, 信用卡, 刷卡, 悠遊卡, 一卡通, 悠遊付, 街口, 轉帳, 支付, 付款, 金流, 收付, qr code, qrcode, mobile payment, e-wallet, ewallet, cashless, nfc, line pay, apple pay, taiwan pay, payment, payments, fintech, pay, paying, 匯款, remittance
cash | payments | - | 現金收銀 | 現金, 找零, 收銀, 零錢, 收款, 結帳, 帳務, 對帳, 收據, 發票, 電子發票, 營業額, cash, checkout, pos, receipt, invoice, bookkeeping
bill | payments | - | 規費繳納 | 規費, 罰單, 罰鍰, 繳費, 繳納, 帳單, 稅費, 代收, 水費, 停車費, 繳款, 罰款, 稅款, 地價稅, 牌照稅, 超商代收, 欠費, 催繳, 逾期, 滯納金, 月費, 月租, 部分負擔, 自付額, 自負額, billing, bill, bills, fee, fees, fine, fines, tax, arrears, overdue, late payment, copayment, co-payment, co-payments
subsidy | payments | - | 補助發放 | 補助, 補助款, 補貼, 津貼, 振興券, 消費券, 發放, 核銷, 票券, 抵用, 抵用券, 紓困, 請領, 申領, 給付, 現金回饋, voucher, vouchers, subsidy, subsidies, stimulus, benefit, allowance
points | payments | - | 點數回饋 | 點數, 集點, 紅利, 回饋, 地方貨幣, 在地幣, 代幣, 會員, 積分, 兌換, 儲值, 錢包, loyalty, token, tokens, reward, rewards, points, local currency
senior_card | payments | ageing | 敬老愛心卡 | 敬老卡, 愛心卡, 敬老愛心卡, 愛心陪伴卡, 社福卡, 敬老點數, 愛心點數, 老人卡, senior card, concession card
market | payments | - | 市場攤商 | 市場, 攤商, 攤販, 攤位, 夜市, 傳統市場, 菜市場, 公有市場, 零售市場, 商家, 店家, 小店, 商圈, 商店街, 觀光, 遊客, 旅客, 在地消費, merchant, merchants, vendor, vendors, market, markets, shop, shops, retail, tourism, tourists
fraud | payments | - | 防弊 | 防弊, 詐騙, 冒領, 重複請領, 盜刷, 異常交易, 稽核, 風控, 反洗錢, 身分驗證, 實名, 舞弊, 不法, 浮報, fraud, anti-fraud, audit, aml, kyc, identity verification
startup | ecosystem | - | 新創 | 新創, 新創公司, 新創團隊, 創業, 育成, 加速器, 青創, 中小企業, 新創圈, startup, startups, entrepreneur, entrepreneurs, accelerator, incubator, sme, smes, vendor onboarding
matchmaking | ecosystem | - | 媒合窗口 | 媒合, 對接, 窗口, 牽線, 配對, 單一窗口, 一站式, 諮詢, 引薦, 找不到, 聯絡人, 聯繫, 跨局處, 局處, 業務單位, matchmaking, matching, single window, one-stop, liaison, point of contact, brokerage
open_data | ecosystem | - | 開放資料 | 開放資料, 資料開放, 資料集, 資料品質, 詮釋資料, 機器可讀, 資料格式, 資料治理, 資料平台, 資料交換, 資料標準, 欄位, 介接, 串接, open data, api, apis, dataset, datasets, metadata, csv, json, data quality, data catalogue, data catalog, interoperability
sandbox | ecosystem | - | 實證場域 | 沙盒, 實證, 驗證場域, 實驗場域, 測試場域, 場域, 試驗, 試辦, 概念驗證, 法規調適, 法規, 場域申請, 實地測試, 場地, 測試, sandbox, testbed, test bed, poc, proof of concept, pilot, pilots, living lab, field trial, trial
export | ecosystem | - | 國際輸出 | 輸出, 國際, 海外, 展會, 展覽, 參展, 外銷, 國際市場, 國際合作, 姊妹市, 國際行銷, 出海, 標竿, 案例, 國外, 外國, 獎項, export, exports, expo, international, overseas, global, showcase, abroad, awards
flood | environment | - | 淹水 | 淹水, 積水, 水位, 降雨, 豪雨, 雨量, 排水, 水溝, 側溝, 抽水站, 河川, 內水, 滯洪, 下水道, 水患, 颱風, flood, flooding, rainfall, drainage, sewer, water level, typhoon
waste | environment | carbon | 垃圾清運 | 垃圾, 垃圾車, 資源回收, 清運, 廚餘, 回收, 清潔隊, 丟垃圾, 追垃圾車, 環保, waste, recycling, garbage, trash, refuse collection
sensor | - | - | 感測器 | 感測, 感測器, 感應器, 偵測器, 物聯網, 量測, 監測站, 偵測, 測站, 低功耗, sensor, sensors, iot, internet of things, lora, lorawan, nb-iot, telemetry
camera | - | - | 影像辨識 | 影像辨識, 影像分析, 攝影機, 鏡頭, 監視器, 電腦視覺, 辨識, 影像, 錄影, 路側攝影, 熱像, cctv, camera, cameras, computer vision, image recognition, video analytics, video, image, images, vision
location | - | - | 定位 | 定位, 衛星定位, 藍牙, 追蹤, 位置, 軌跡, 地圖, 圖資, 電子圍籬, 地理資訊, 室內定位, gps, beacon, beacons, bluetooth, gis, geofence, geofencing, tracking, map, maps, location
prediction | - | - | 預測與人工智慧 | 預測, 預估, 機器學習, 深度學習, 演算法, 模型, 人工智慧, 智能, 大數據, 數據分析, 資料分析, 推估, 最佳化, 優化, machine learning, deep learning, ai, algorithm, algorithms, forecast, forecasting, prediction, predictive, optimisation, optimization, analytics, big data, model, models, neural network, llm, generative ai, nlp, natural language processing, 自然語言, 語言模型, 生成式
scheduling | - | - | 排班調度 | 排班, 排程, 班表, 調度, 派班, 路線規劃, 路徑規劃, 派工, 人力調配, 媒合派案, 行程, scheduling, schedule, rostering, roster, routing, route planning, dispatching
messaging | - | - | 通知訊息 | 推播, 通知, 訊息, 簡訊, 聊天機器人, 官方帳號, 提醒, 告警, 警示, 預警, 示警, 即時通報, 通報, push notification, notification, notifications, sms, chatbot, alert, alerts, alerting, early warning, messaging, line bot, text message, text messages, reminder, reminders
dashboard | - | - | 儀表板 | 儀表板, 視覺化, 即時監控, 監控, 看板, 戰情室, 決策支援, dashboard, dashboards, visualisation, visualization, monitoring
blockchain | - | - | 區塊鏈 | 區塊鏈, 不可竄改, 智能合約, 上鏈, 溯源, 追溯, 可追溯, 履歷, 分散式帳本, blockchain, smart contract, traceability, ledger, distributed ledger
digital_twin | - | - | 數位孿生 | 數位孿生, 點雲, 光達, 三維, 建模, 雷射掃描, 模擬, digital twin, bim, lidar, point cloud, 3d, simulation
drone | - | - | 無人機 | 無人機, 空拍, 空拍機, 遙控飛機, drone, drones, uav
workflow | - | - | 線上流程 | 線上申請, 線上申辦, 數位化, 電子化, 無紙化, 表單, 線上表單, 流程, 簽核, 審核, 審查, 自動化, 申辦, 紙本, 人工, 人力, 比對, 文件, 書面, 作業時間, 行政, paperless, workflow, workflows, online application, automation, automated, e-form, digitalisation, digitization, digitalization, back office
heat | - | carbon | 高溫降溫 | 高溫, 熱浪, 悶熱, 隔熱, 降溫, 酷熱, 熱島, 遮陽, 室溫, 室內溫度, 溫度, 炎熱, 中暑, heat, heatwave, heat wave, cooling, cool roof, cool roofs, insulation, temperature, temperatures, shade
roof | housing | - | 屋頂 | 屋頂, 頂樓, 樓頂, 頂層, 綠屋頂, 頂樓加蓋, 屋頂加蓋, rooftop, rooftops, roof, roofs, top floor, top-floor
illegal_building | housing | - | 違章建築 | 違建, 違章, 違章建築, 加蓋, 外推, 違規使用, 查報, 拆除, 建照, 使照, 建築執照, 使用執照, 建管, illegal building, illegal construction, unpermitted, unauthorised, unauthorized, building inspector, building inspectors, building permit
inspection | - | - | 稽查 | 稽查, 查核, 檢查, 抽查, 巡查, 查驗, 現勘, 勘查, 檢驗, 督查, inspection, inspections, inspector, inspectors, inspect, audits
food_hygiene | health | - | 食品衛生 | 食品衛生, 餐飲, 餐飲業, 餐廳, 食物中毒, 腹瀉, 吃壞肚子, 小吃, 飲食店, 食品業者, 衛生稽查, 不乾淨, restaurant, restaurants, food hygiene, food poisoning, hygiene, eatery, eateries, food business
complaint | - | - | 陳情檢舉 | 陳情, 檢舉, 投訴, 抱怨, 評論, 客訴, 網路評論, 民眾反映, 申訴, complaint, complaints, online reviews, customer reviews, grievance
medication | health | - | 用藥安全 | 用藥, 藥物, 藥品, 處方, 處方箋, 藥袋, 藥盒, 服藥, 吃藥, 領藥, 藥師, 藥局, 重複用藥, 交互作用, 慢箋, medication, medications, medicine, medicines, drug, drugs, prescription, prescriptions, pharmacy, pharmacist, pill, pills, drug interaction
mobile_clinic | health | - | 巡迴醫療 | 巡迴醫療, 醫療車, 巡迴, 行動醫療, 醫療巴士, 行動診間, 巡迴車, 到點服務, mobile clinic, mobile clinics, clinic van, medical van, outreach
special_education | education | - | 特殊教育 | 特教, 特殊教育, 身心障礙, 學習障礙, 注意力不足, 過動, 融合教育, 資源班, 輔具, 無障礙, 自閉, 個別化, 聽障, 視障, special education, special needs, disability, disabilities, disabled, inclusive, inclusion, accessibility, accessible, assistive, adhd, dyslexia, autism
library | education | - | 圖書館 | 圖書館, 圖書, 借閱, 書籍, 藏書, 自習, 自習室, 閱覽室, k書, 讀書, library, libraries, book, books, study room, reading room, borrowing
booking | - | - | 預約候位 | 座位, 預約, 訂位, 占位, 排隊, 候位, 空位, 額滿, 名額, 一位難求, 釋出, 候補, 遞補, 順位, 抽籤, 中籤, seat, seats, booking, bookings, book, reservation, reservations, reserve, queue, queues, waitlist, waiting list, lottery
freight | transport | traffic | 城市物流 | 貨運, 物流, 卸貨, 裝卸, 送貨, 貨車, 配送, 宅配, 外送, 卸貨區, 裝卸區, 貨物, 運輸業者, freight, logistics, delivery driver, delivery drivers, parcel delivery, delivery vehicles, goods delivery, loading, loading bay, loading bays, loading zone, truck, trucks, lorry, courier, couriers
rail | transport | - | 軌道運輸 | 捷運, 軌道, 車站, 火車, 台鐵, 輕軌, 高鐵, 捷運站, 月台, 鐵路, metro, mrt, subway, rail, railway, station, stations, train, trains, light rail
last_mile | transport | carbon | 最後一哩接駁 | 最後一哩, 第一哩, 接駁, 接駁車, 轉乘, 小巴, 隨叫隨到, last mile, first mile, first and last mile, shuttle, shuttles, feeder, feeder bus, minibus, minibuses
motorcycle | transport | traffic | 機車 | 機車, 摩托車, 兩輪, 二輪, 待轉, 機車騎士, 騎士, 兩段式左轉, motorcycle, motorcycles, moped, mopeds, two-wheeler, two-wheelers, motorbike, motorbikes, rider, riders
streetlight | - | carbon | 路燈 | 路燈, 街燈, 照明燈, 燈桿, 燈柱, 號誌桿, 道路照明, 調光, streetlight, streetlights, street light, street lights, street lighting, lamp post, lamp posts, dimming
procurement | ecosystem | - | 採購 | 採購, 標案, 招標, 投標, 契約, 發包, 採購法, 創新採購, 先試後買, 試用, 議價, 共同供應契約, procurement, tender, tenders, tendering, purchase, purchasing, buy, try-before-you-buy, pre-commercial
startup_hub | ecosystem | - | 新創基地 | 基地, 進駐, 共同工作空間, 辦公空間, 聚落, 社群, 交流活動, 聚會, 孵化, 育成中心, 共創, 創業家, hub, hubs, coworking, co-working, demo day, demo days, mentoring, mentor, mentors, meetup, meetups, networking
aerial | - | - | 空拍影像 | 航拍, 航照, 衛星影像, 空拍影像, 遙測, 正射影像, 變遷偵測, aerial, aerial image, aerial images, aerial imagery, satellite, satellite imagery, remote sensing, orthophoto, change detection
citizen_feedback | - | - | 民意溝通 | 意見, 溝通, 說明會, 意見整合, 共識, 投票, 參與式, 問卷, 民意, 陳情, 1999, 市民意見, 公聽會, 協商, feedback, consultation, participation, participatory, survey, voting, e-voting, engagement, consensus
"""


@dataclass(frozen=True, slots=True)
class Concept:
    """Words for one thing; ``domain`` and ``tag`` are what a mention of it suggests."""

    key: str
    domain: str | None
    tag: str | None
    label: str
    forms: tuple[str, ...]


def _parse(table: str) -> tuple[Concept, ...]:
    concepts = []
    for line in table.strip().splitlines():
        key, domain, tag, label, forms = (part.strip() for part in line.split("|"))
        concepts.append(
            Concept(
                key=key,
                domain=None if domain == "-" else domain,
                tag=None if tag == "-" else tag,
                label=label,
                forms=tuple(dict.fromkeys(form.strip() for form in forms.split(","))),
            )
        )
    return tuple(concepts)


CONCEPTS: tuple[Concept, ...] = _parse(_TABLE)
CONCEPT_BY_KEY: dict[str, Concept] = {concept.key: concept for concept in CONCEPTS}

DOMAIN_LABELS: dict[str, str] = {
    "housing": "居住",
    "transport": "交通",
    "health": "醫療照護",
    "education": "教育",
    "payments": "支付",
    "ecosystem": "產業生態",
    "environment": "環境",
}
TAG_LABELS: dict[str, str] = {"traffic": "交通壅塞", "ageing": "高齡", "carbon": "減碳"}

import { group, leaf, type SeedCategory } from './types.js';

/** 12345 hotline matters, part 1: housing, city services, environment, transport, education, labour, commerce. */
export const hotlineA: SeedCategory[] = [
  group('01', '住房/物业', 'Housing and property management', 'complaint', [
    group('01-01', '物业管理', 'Property management', 'complaint', [
      leaf('01-01-01', '物业服务质量投诉', 'Poor property management service', 'complaint'),
      leaf('01-01-02', '物业收费争议', 'Property fee dispute', 'complaint'),
      leaf('01-01-03', '物业撤场与交接', 'Property manager withdrawal or handover', 'complaint', 'report'),
      leaf('01-01-04', '业委会成立与运作咨询', 'Owners’ committee questions', 'consultation'),
      leaf('01-01-05', '电梯故障困人', 'Person trapped in a broken lift', 'help', 'emergency'),
    ]),
    group('01-02', '房屋质量与安全', 'Building quality and safety', 'complaint', [
      leaf('01-02-01', '新建商品房质量问题', 'Defects in a newly built home', 'complaint', 'report'),
      leaf('01-02-02', '房屋漏水渗水', 'Water leaking into a home', 'help'),
      leaf('01-02-03', '违规装修举报', 'Illegal renovation', 'complaint', 'report'),
      leaf('01-02-04', '老旧小区改造咨询', 'Old residential estate renewal questions', 'consultation'),
      leaf('01-02-05', '老楼加装电梯建议', 'Suggestion to add lifts to old buildings', 'suggestion'),
    ]),
    group('01-03', '房屋交易与租赁', 'Housing sales and rental', 'complaint', [
      leaf('01-03-01', '购房政策咨询', 'Home purchase policy questions', 'consultation', 'consultQuick'),
      leaf('01-03-02', '房产中介违规', 'Estate agent misconduct', 'complaint', 'report'),
      leaf('01-03-03', '房屋租赁纠纷', 'Rental dispute', 'complaint'),
      leaf('01-03-04', '群租房举报', 'Overcrowded group rental', 'complaint', 'report'),
      leaf('01-03-05', '公租房与保障房申请咨询', 'Public and affordable housing application questions', 'consultation'),
    ]),
    group('01-04', '房地产开发', 'Real estate development', 'complaint', [
      leaf('01-04-01', '延期交房', 'Delayed handover of a new home', 'complaint', 'report'),
      leaf('01-04-02', '不动产证办理难', 'Difficulty obtaining the property certificate', 'complaint', 'report'),
    ]),
  ]),
  group('02', '城市管理', 'City services and management', 'complaint', [
    group('02-01', '供热', 'District heating', 'complaint', [
      leaf('02-01-01', '供暖不热', 'Heating not warm enough', 'complaint', 'utility'),
      leaf('02-01-02', '供热收费咨询', 'Heating fee questions', 'consultation'),
      leaf('02-01-03', '暖气漏水', 'Radiator or heating pipe leak', 'help', 'utility'),
    ]),
    group('02-02', '燃气', 'Gas supply', 'help', [
      leaf('02-02-01', '燃气泄漏', 'Gas leak', 'help', 'emergency'),
      leaf('02-02-02', '停气与气压低', 'Gas outage or low pressure', 'help', 'utility'),
      leaf('02-02-03', '燃气缴费咨询', 'Gas bill questions', 'consultation', 'consultQuick'),
    ]),
    group('02-03', '环境卫生', 'Sanitation', 'complaint', [
      leaf('02-03-01', '生活垃圾清运不及时', 'Household waste not collected', 'complaint'),
      leaf('02-03-02', '垃圾分类咨询', 'Waste sorting questions', 'consultation', 'consultQuick'),
      leaf('02-03-03', '公厕管理', 'Public toilet management', 'complaint'),
    ]),
    group('02-04', '违法建设', 'Illegal construction', 'complaint', [
      leaf('02-04-01', '违法建设举报', 'Illegal construction report', 'complaint', 'report'),
      leaf('02-04-02', '拆违政策咨询', 'Demolition policy questions', 'consultation'),
    ]),
    leaf('02-05', '停电', 'Power outage', 'help', 'utility'),
  ]),
  group('03', '生态环境', 'Environmental protection', 'complaint', [
    group('03-01', '大气污染', 'Air pollution', 'complaint', [
      leaf('03-01-01', '工业废气排放', 'Industrial emissions', 'complaint', 'report'),
      leaf('03-01-02', '餐饮油烟', 'Restaurant cooking fumes', 'complaint'),
      leaf('03-01-03', '露天焚烧', 'Open burning of waste or straw', 'complaint'),
    ]),
    group('03-02', '噪声污染', 'Noise pollution', 'complaint', [
      leaf('03-02-01', '工业噪声', 'Industrial noise', 'complaint'),
      leaf('03-02-02', '施工扰民', 'Construction noise and disturbance', 'complaint'),
      leaf('03-02-03', '交通噪声', 'Traffic noise', 'complaint', 'report'),
    ]),
    group('03-03', '水污染', 'Water pollution', 'complaint', [
      leaf('03-03-01', '偷排污水举报', 'Illegal discharge of waste water', 'complaint', 'report'),
      leaf('03-03-02', '河道水体污染', 'Polluted river or pond', 'complaint'),
    ]),
    group('03-04', '固废与辐射', 'Solid waste and radiation', 'complaint', [
      leaf('03-04-01', '危险废物处置', 'Hazardous waste disposal', 'complaint', 'report'),
      leaf('03-04-02', '通信基站辐射咨询', 'Mobile base station radiation questions', 'consultation'),
    ]),
    leaf('03-05', '环保政策咨询', 'Environmental policy questions', 'consultation'),
  ]),
  group('04', '交通出行', 'Transport', 'complaint', [
    group('04-01', '公共交通', 'Public transport', 'complaint', [
      leaf('04-01-01', '公交线路调整建议', 'Bus route suggestion', 'suggestion'),
      leaf('04-01-02', '公交服务投诉', 'Bus service complaint', 'complaint'),
      leaf('04-01-03', '公交站点设置建议', 'Bus stop location suggestion', 'suggestion'),
    ]),
    group('04-02', '出租车与网约车', 'Taxis and ride-hailing', 'complaint', [
      leaf('04-02-01', '出租车拒载绕路', 'Taxi refused a fare or took a detour', 'complaint'),
      leaf('04-02-02', '网约车服务投诉', 'Ride-hailing service complaint', 'complaint'),
    ]),
    group('04-03', '道路与停车', 'Roads and parking', 'complaint', [
      leaf('04-03-01', '停车收费争议', 'Parking fee dispute', 'complaint'),
      leaf('04-03-02', '停车位设置建议', 'Parking space suggestion', 'suggestion'),
      leaf('04-03-03', '道路拥堵', 'Traffic congestion', 'complaint'),
    ]),
    leaf('04-04', '交通违法举报', 'Traffic violation report', 'complaint', 'report'),
    leaf('04-05', '交通政策咨询', 'Transport policy questions (licence quota, entry permits)', 'consultation', 'consultQuick'),
  ]),
  group('05', '教育', 'Education', 'complaint', [
    leaf('05-01', '入学咨询', 'School enrolment questions', 'consultation'),
    leaf('05-02', '幼儿园与学前教育', 'Kindergartens and preschool', 'complaint'),
    leaf('05-03', '校外培训机构', 'Private tutoring institutions', 'complaint', 'report'),
    leaf('05-04', '学校乱收费', 'Improper school fees', 'complaint', 'report'),
    leaf('05-05', '师德师风', 'Teacher conduct', 'complaint', 'report'),
    leaf('05-06', '校园周边安全', 'Safety around schools', 'complaint'),
  ]),
  group('06', '劳动社保', 'Labour and social security', 'complaint', [
    group('06-01', '欠薪', 'Unpaid wages', 'complaint', [
      leaf('06-01-01', '拖欠农民工工资', 'Migrant workers’ wages unpaid', 'complaint'),
      leaf('06-01-02', '企业拖欠工资', 'Employer owes wages', 'complaint'),
    ]),
    group('06-02', '社会保险', 'Social insurance', 'consultation', [
      leaf('06-02-01', '社保缴费咨询', 'Social insurance contribution questions', 'consultation', 'consultQuick'),
      leaf('06-02-02', '养老金领取咨询', 'Pension questions', 'consultation'),
      leaf('06-02-03', '医保报销咨询', 'Medical insurance reimbursement questions', 'consultation'),
    ]),
    group('06-03', '劳动关系', 'Employment relations', 'complaint', [
      leaf('06-03-01', '劳动合同纠纷', 'Employment contract dispute', 'complaint', 'report'),
      leaf('06-03-02', '违法解除劳动合同', 'Unlawful dismissal', 'complaint', 'report'),
    ]),
    group('06-04', '就业创业', 'Jobs and entrepreneurship', 'consultation', [
      leaf('06-04-01', '就业补贴咨询', 'Employment subsidy questions', 'consultation'),
      leaf('06-04-02', '职业技能培训咨询', 'Vocational training questions', 'consultation'),
    ]),
  ]),
  group('07', '商务服务', 'Commerce', 'complaint', [
    leaf('07-01', '单用途预付卡纠纷', 'Prepaid store card dispute', 'complaint'),
    leaf('07-02', '便民商业网点建议', 'Suggestion for neighbourhood shops and services', 'suggestion'),
    leaf('07-03', '家政服务投诉', 'Housekeeping service complaint', 'complaint'),
  ]),
];

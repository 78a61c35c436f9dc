import { group, leaf, type SeedCategory } from './types.js';

/** 12345 hotline matters, part 2: health, water, market, public security, civil affairs and the rest. */
export const hotlineB: SeedCategory[] = [
  group('08', '医疗卫生', 'Health care', 'complaint', [
    group('08-01', '医疗服务', 'Medical services', 'complaint', [
      leaf('08-01-01', '医疗服务态度', 'Attitude of medical staff', 'complaint'),
      leaf('08-01-02', '医疗纠纷', 'Medical dispute', 'complaint', 'report'),
      leaf('08-01-03', '挂号就诊咨询', 'Appointment and visit questions', 'consultation', 'consultQuick'),
    ]),
    group('08-02', '公共卫生', 'Public health', 'complaint', [
      leaf('08-02-01', '疫苗接种咨询', 'Vaccination questions', 'consultation', 'consultQuick'),
      leaf('08-02-02', '非法行医举报', 'Unlicensed medical practice', 'complaint', 'report'),
      leaf('08-02-03', '鼠患蚊蝇', 'Rats, mosquitoes and flies', 'help'),
    ]),
    leaf('08-03', '医疗机构收费', 'Medical charges', 'complaint'),
  ]),
  group('09', '供水排水', 'Water supply and drainage', 'help', [
    group('09-01', '供水', 'Water supply', 'help', [
      leaf('09-01-01', '停水', 'Water outage', 'help', 'utility'),
      leaf('09-01-02', '水质问题', 'Tap water quality', 'complaint', 'utility'),
      leaf('09-01-03', '水压低', 'Low water pressure', 'help', 'utility'),
      leaf('09-01-04', '水费咨询', 'Water bill questions', 'consultation', 'consultQuick'),
    ]),
    group('09-02', '排水', 'Drainage', 'help', [
      leaf('09-02-01', '污水外溢', 'Sewage overflow', 'help', 'utility'),
      leaf('09-02-02', '雨水排水不畅', 'Storm drain blocked', 'help'),
    ]),
    leaf('09-03', '河湖管理', 'River and lake management', 'complaint'),
  ]),
  group('10', '市场监管/消费', 'Market regulation and consumer rights', 'complaint', [
    group('10-01', '消费维权', 'Consumer disputes', 'complaint', [
      leaf('10-01-01', '商品质量', 'Product quality', 'complaint'),
      leaf('10-01-02', '服务质量', 'Service quality', 'complaint'),
      leaf('10-01-03', '网购纠纷', 'Online shopping dispute', 'complaint'),
      leaf('10-01-04', '退换货纠纷', 'Return or exchange refused', 'complaint'),
    ]),
    group('10-02', '食品安全', 'Food safety', 'complaint', [
      leaf('10-02-01', '食品安全举报', 'Food safety report', 'complaint', 'report'),
      leaf('10-02-02', '餐饮卫生', 'Restaurant hygiene', 'complaint'),
    ]),
    leaf('10-03', '价格违法举报', 'Illegal pricing report', 'complaint', 'report'),
    group('10-04', '证照管理', 'Business licences', 'consultation', [
      leaf('10-04-01', '营业执照办理咨询', 'Business licence questions', 'consultation', 'consultQuick'),
      leaf('10-04-02', '无证无照经营举报', 'Unlicensed business report', 'complaint', 'report'),
    ]),
    leaf('10-05', '特种设备安全', 'Special equipment safety (lifts, boilers)', 'complaint'),
  ]),
  group('11', '社会治安', 'Public security', 'complaint', [
    leaf('11-01', '治安秩序', 'Public order', 'complaint', 'report'),
    leaf('11-02', '社会生活噪声扰民', 'Neighbourhood noise', 'complaint'),
    leaf('11-03', '户籍与身份证办理咨询', 'Household registration and ID card questions', 'consultation', 'consultQuick'),
    leaf('11-04', '涉诈求助', 'Help with suspected fraud', 'help'),
  ]),
  group('12', '民政', 'Civil affairs', 'help', [
    group('12-01', '社会救助', 'Social assistance', 'help', [
      leaf('12-01-01', '低保申请咨询', 'Minimum living allowance questions', 'consultation'),
      leaf('12-01-02', '临时救助求助', 'Emergency assistance request', 'help'),
      leaf('12-01-03', '流浪乞讨人员救助', 'Help for homeless people', 'help', 'utility'),
    ]),
    group('12-02', '养老服务', 'Elderly care', 'complaint', [
      leaf('12-02-01', '养老机构服务', 'Care home service', 'complaint'),
      leaf('12-02-02', '社区养老助餐建议', 'Suggestion for community meal service for the elderly', 'suggestion'),
      leaf('12-02-03', '养老补贴咨询', 'Elderly subsidy questions', 'consultation'),
    ]),
    leaf('12-03', '婚姻登记咨询', 'Marriage registration questions', 'consultation', 'consultQuick'),
    leaf('12-04', '殡葬服务', 'Funeral services', 'complaint'),
    leaf('12-05', '社会组织违规', 'Misconduct of a social organisation', 'complaint', 'report'),
  ]),
  group('13', '园林绿化', 'Parks and greening', 'complaint', [
    leaf('13-01', '树木修剪申请', 'Tree pruning request', 'help'),
    leaf('13-02', '毁绿占绿举报', 'Destruction or occupation of green space', 'complaint', 'report'),
    leaf('13-03', '公园管理', 'Park management', 'complaint'),
    leaf('13-04', '林木病虫害', 'Tree pests and diseases', 'help'),
    leaf('13-05', '杨柳飞絮', 'Poplar and willow catkins', 'complaint'),
  ]),
  group('14', '应急安全', 'Emergency management and safety', 'complaint', [
    leaf('14-01', '安全生产隐患举报', 'Workplace safety hazard report', 'complaint', 'report'),
    leaf('14-02', '消防安全隐患', 'Fire safety hazard', 'complaint', 'utility'),
    leaf('14-03', '危险化学品', 'Hazardous chemicals', 'complaint', 'report'),
    leaf('14-04', '防汛避险求助', 'Flood danger, help needed', 'help', 'emergency'),
  ]),
  group('15', '农业农村', 'Agriculture and rural affairs', 'complaint', [
    leaf('15-01', '农村土地承包', 'Rural land contracts', 'complaint', 'report'),
    leaf('15-02', '农业补贴咨询', 'Farm subsidy questions', 'consultation'),
    leaf('15-03', '动物防疫', 'Animal disease control', 'help'),
    leaf('15-04', '农村人居环境', 'Village living environment', 'complaint'),
  ]),
  group('16', '营商环境', 'Business environment', 'help', [
    leaf('16-01', '涉企政策咨询', 'Business policy questions', 'consultation'),
    leaf('16-02', '企业经营求助', 'Business asks for help', 'help'),
    leaf('16-03', '营商环境建议', 'Business environment suggestion', 'suggestion'),
    leaf('16-04', '项目审批投诉', 'Project approval complaint', 'complaint'),
  ]),
  group('17', '文化旅游', 'Culture and tourism', 'complaint', [
    leaf('17-01', '旅游投诉', 'Tourism complaint', 'complaint'),
    leaf('17-02', '文化娱乐场所违规', 'Entertainment venue misconduct', 'complaint', 'report'),
    leaf('17-03', '文体活动咨询', 'Cultural and sports activities questions', 'consultation', 'consultQuick'),
    leaf('17-04', '文物保护', 'Cultural heritage protection', 'complaint', 'report'),
  ]),
  group('18', '政务服务', 'Government services', 'consultation', [
    leaf('18-01', '办事指南咨询', 'How to apply for a service', 'consultation', 'consultQuick'),
    leaf('18-02', '窗口服务投诉', 'Service counter complaint', 'complaint'),
    leaf('18-03', '网上办事故障', 'Online service not working', 'help'),
    leaf('18-04', '政务服务建议', 'Government service suggestion', 'suggestion'),
  ]),
  group('19', '综合', 'General', 'suggestion', [
    leaf('19-01', '城市建设建议', 'City development suggestion', 'suggestion'),
    leaf('19-02', '公共服务建议', 'Public service suggestion', 'suggestion'),
    leaf('19-03', '对热线服务的意见', 'Feedback on the hotline service', 'complaint'),
    leaf('19-04', '其他求助', 'Other requests for help', 'help'),
  ]),
];
